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
 */
public record SyncOptions(boolean dryRun, HeldDeletions heldDeletions, BooleanSupplier cancelled,
                          SyncProgress progress) {

    public SyncOptions {
        Objects.requireNonNull(heldDeletions, "heldDeletions");
    }

    /** Options without progress reports. */
    public SyncOptions(boolean dryRun, HeldDeletions heldDeletions, BooleanSupplier cancelled) {
        this(dryRun, heldDeletions, cancelled, SyncProgress.NONE);
    }

    public SyncOptions withProgress(SyncProgress listener) {
        return new SyncOptions(dryRun, heldDeletions, cancelled, listener);
    }

    public static SyncOptions normal() {
        return new SyncOptions(false, HeldDeletions.HOLD, () -> false);
    }

    public static SyncOptions dryRunOnly() {
        return new SyncOptions(true, HeldDeletions.HOLD, () -> false);
    }
}
