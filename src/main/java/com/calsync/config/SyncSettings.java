package com.calsync.config;

import java.time.Duration;

/**
 * How a pair syncs: the seed's {@code sync} keys, unchanged in name and default, plus the two
 * limits of the deletion guard.
 *
 * <p>The deletion guard that {@code skipSyncOnTooManyMissing}, {@code maxMissingCount} and
 * {@code maxMissingPercent} control is {@code com.calsync.sync.DeletionGuard}; its Javadoc gives
 * the rule.
 *
 * @param intervalMinutes          minutes between syncs
 * @param syncPastDays             days before now that take part
 * @param syncFutureDays           days after now that take part
 * @param expandRecurring          write each occurrence of a series as its own event
 * @param verifyThreshold          mismatches tolerated when the target is re-listed after a run
 * @param overrideIcloudDeletions  re-create on the target what was deleted there (any target)
 * @param skipSyncOnTooManyMissing hold deletions when too many items vanish at once
 * @param maxMissingCount          guard limit: items that may vanish in one run
 * @param maxMissingPercent        guard limit: percent of the last synced items that may vanish
 */
public record SyncSettings(
        int intervalMinutes,
        int syncPastDays,
        int syncFutureDays,
        boolean expandRecurring,
        int verifyThreshold,
        boolean overrideIcloudDeletions,
        boolean skipSyncOnTooManyMissing,
        int maxMissingCount,
        int maxMissingPercent) {

    /** The seed's defaults; the two guard limits are CalSync's. */
    public static final SyncSettings DEFAULTS = new SyncSettings(30, 30, 365, false, 1, true, true, 5, 20);

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    /** The value of one key, boxed; used to apply overrides and to render the default config. */
    public Object value(SyncKey key) {
        return switch (key) {
            case INTERVAL_MINUTES -> intervalMinutes;
            case SYNC_PAST_DAYS -> syncPastDays;
            case SYNC_FUTURE_DAYS -> syncFutureDays;
            case EXPAND_RECURRING -> expandRecurring;
            case VERIFY_THRESHOLD -> verifyThreshold;
            case OVERRIDE_ICLOUD_DELETIONS -> overrideIcloudDeletions;
            case SKIP_SYNC_ON_TOO_MANY_MISSING -> skipSyncOnTooManyMissing;
            case MAX_MISSING_COUNT -> maxMissingCount;
            case MAX_MISSING_PERCENT -> maxMissingPercent;
        };
    }

    /** A copy with one key changed; the value must be an Integer or Boolean as the key's kind says. */
    public SyncSettings with(SyncKey key, Object value) {
        java.util.function.Function<SyncKey, Object> v = k -> k == key ? value : value(k);
        return new SyncSettings(number(v.apply(SyncKey.INTERVAL_MINUTES)), number(v.apply(SyncKey.SYNC_PAST_DAYS)),
                number(v.apply(SyncKey.SYNC_FUTURE_DAYS)), flag(v.apply(SyncKey.EXPAND_RECURRING)),
                number(v.apply(SyncKey.VERIFY_THRESHOLD)), flag(v.apply(SyncKey.OVERRIDE_ICLOUD_DELETIONS)),
                flag(v.apply(SyncKey.SKIP_SYNC_ON_TOO_MANY_MISSING)), number(v.apply(SyncKey.MAX_MISSING_COUNT)),
                number(v.apply(SyncKey.MAX_MISSING_PERCENT)));
    }

    private static int number(Object value) {
        return value instanceof Integer n ? n : 0;
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b && b;
    }
}
