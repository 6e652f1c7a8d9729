package com.calsync.sync;

/**
 * Everything the engine needs to know about one pair's rules, already resolved from config
 * defaults and per-pair overrides.
 *
 * @param pastDays / futureDays  the window around now in which new items take part
 * @param expandRecurring        write each occurrence of a series as its own event (mirror only)
 * @param verifyThreshold        mismatches tolerated when the target is listed again after writing
 * @param recreateTargetDeletions mirror: put back on the target what was deleted there
 *                               (the seed's {@code override_icloud_deletions})
 * @param guardDeletions         hold back mass deletions ({@code skip_sync_on_too_many_missing})
 * @param maxMissingCount        more vanished items than this is "too many"
 * @param maxMissingPercent      a larger share of the synced items vanishing than this is "too many"
 */
public record SyncPolicy(SyncMode mode, ConflictPolicy conflict, int pastDays, int futureDays,
                         boolean expandRecurring, int verifyThreshold, boolean recreateTargetDeletions,
                         boolean guardDeletions, int maxMissingCount, int maxMissingPercent) {

    public SyncPolicy {
        if (expandRecurring && mode != SyncMode.MIRROR) {
            throw new IllegalArgumentException("expand_recurring works only with mode mirror");
        }
    }

    /** The seed's defaults (and the deletion guard's), with {@code mode}. */
    public static SyncPolicy defaults(SyncMode mode) {
        return new SyncPolicy(mode, ConflictPolicy.NEWER_WINS, 30, 365, false, 1, true, true, 5, 20);
    }
}
