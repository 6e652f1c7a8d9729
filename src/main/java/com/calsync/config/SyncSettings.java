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
        int i = value instanceof Integer n ? n : 0;
        boolean b = value instanceof Boolean x && x;
        return switch (key) {
            case INTERVAL_MINUTES -> new SyncSettings(i, syncPastDays, syncFutureDays, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case SYNC_PAST_DAYS -> new SyncSettings(intervalMinutes, i, syncFutureDays, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case SYNC_FUTURE_DAYS -> new SyncSettings(intervalMinutes, syncPastDays, i, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case EXPAND_RECURRING -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, b,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case VERIFY_THRESHOLD -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, expandRecurring,
                    i, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case OVERRIDE_ICLOUD_DELETIONS -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, expandRecurring,
                    verifyThreshold, b, skipSyncOnTooManyMissing, maxMissingCount, maxMissingPercent);
            case SKIP_SYNC_ON_TOO_MANY_MISSING -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, b, maxMissingCount, maxMissingPercent);
            case MAX_MISSING_COUNT -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, i, maxMissingPercent);
            case MAX_MISSING_PERCENT -> new SyncSettings(intervalMinutes, syncPastDays, syncFutureDays, expandRecurring,
                    verifyThreshold, overrideIcloudDeletions, skipSyncOnTooManyMissing, maxMissingCount, i);
        };
    }
}
