package com.calsync.sync;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How to run one sync.
 *
 * @param dryRun        plan and report, change nothing (not even the remembered state)
 * @param heldDeletions what to do with the deletions the guard held back in an earlier run
 * @param cancelled     polled between items; true stops the run cleanly
 * @param progress      told after each change written, for a progress bar
 * @param maxWritesInFlight creates and updates sent at once to a store that takes concurrent writes
 *                      (config.json's {@code limits.max_writes_in_flight}); 1, the default here, sends
 *                      one at a time
 */
public record SyncOptions(boolean dryRun, HeldDeletions heldDeletions, BooleanSupplier cancelled,
                          SyncProgress progress, int maxWritesInFlight) {

    public SyncOptions {
        Objects.requireNonNull(heldDeletions, "heldDeletions");
        if (maxWritesInFlight < 1) {
            throw new IllegalArgumentException("maxWritesInFlight must be at least 1: " + maxWritesInFlight);
        }
    }

    /** Options writing one item at a time. */
    public SyncOptions(boolean dryRun, HeldDeletions heldDeletions, BooleanSupplier cancelled, SyncProgress progress) {
        this(dryRun, heldDeletions, cancelled, progress, 1);
    }

    /** Options without progress reports. */
    public SyncOptions(boolean dryRun, HeldDeletions heldDeletions, BooleanSupplier cancelled) {
        this(dryRun, heldDeletions, cancelled, SyncProgress.NONE);
    }

    public SyncOptions withProgress(SyncProgress listener) {
        return new SyncOptions(dryRun, heldDeletions, cancelled, listener, maxWritesInFlight);
    }

    /** These options, with up to {@code max} writes in flight to a store that takes concurrent writes. */
    public SyncOptions withMaxWritesInFlight(int max) {
        return new SyncOptions(dryRun, heldDeletions, cancelled, progress, max);
    }

    public static SyncOptions normal() {
        return new SyncOptions(false, HeldDeletions.HOLD, () -> false);
    }

    public static SyncOptions dryRunOnly() {
        return new SyncOptions(true, HeldDeletions.HOLD, () -> false);
    }
}
