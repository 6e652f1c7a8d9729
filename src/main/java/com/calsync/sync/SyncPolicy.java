package com.calsync.sync;

import com.calsync.sync.transform.PairTransform;
import java.util.Objects;

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
 * @param transform              what events undergo on their way to the target (mirror only,
 *                               unless it is {@link PairTransform#NONE})
 */
public record SyncPolicy(SyncMode mode, ConflictPolicy conflict, int pastDays, int futureDays,
                         boolean expandRecurring, int verifyThreshold, boolean recreateTargetDeletions,
                         boolean guardDeletions, int maxMissingCount, int maxMissingPercent,
                         PairTransform transform) {

    public SyncPolicy {
        Objects.requireNonNull(transform, "transform");
        if (expandRecurring && mode != SyncMode.MIRROR) {
            throw new IllegalArgumentException("expand_recurring works only with mode mirror");
        }
        if (mode != SyncMode.MIRROR && transform.whyNotTwoWay().isPresent()) {
            throw new IllegalArgumentException("a two-way pair copies events as they are: "
                    + transform.whyNotTwoWay().get());
        }
    }

    /** A policy that copies events as they are ({@link PairTransform#NONE}). */
    public SyncPolicy(SyncMode mode, ConflictPolicy conflict, int pastDays, int futureDays,
                      boolean expandRecurring, int verifyThreshold, boolean recreateTargetDeletions,
                      boolean guardDeletions, int maxMissingCount, int maxMissingPercent) {
        this(mode, conflict, pastDays, futureDays, expandRecurring, verifyThreshold, recreateTargetDeletions,
                guardDeletions, maxMissingCount, maxMissingPercent, PairTransform.NONE);
    }

    /** The seed's defaults (and the deletion guard's), with {@code mode}. */
    public static SyncPolicy defaults(SyncMode mode) {
        return new SyncPolicy(mode, ConflictPolicy.NEWER_WINS, 30, 365, false, 1, true, true, 5, 20);
    }

    /** This policy with {@code newTransform}. */
    public SyncPolicy withTransform(PairTransform newTransform) {
        return new SyncPolicy(mode, conflict, pastDays, futureDays, expandRecurring, verifyThreshold,
                recreateTargetDeletions, guardDeletions, maxMissingCount, maxMissingPercent, newTransform);
    }
}
