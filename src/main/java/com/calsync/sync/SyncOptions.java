package com.calsync.sync;

import java.util.function.BooleanSupplier;

/**
 * How to run one sync.
 *
 * @param dryRun           plan and report, change nothing (not even the remembered state)
 * @param approveDeletions carry out the deletions the guard held back in an earlier run
 * @param rejectDeletions  put the vanished items back instead (mirror: stop managing them)
 * @param cancelled        polled between items; true stops the run cleanly
 * @param progress         told after each change written, for a progress bar
 */
public record SyncOptions(boolean dryRun, boolean approveDeletions, boolean rejectDeletions,
                          BooleanSupplier cancelled, SyncProgress progress) {

    /** Options without progress reports. */
    public SyncOptions(boolean dryRun, boolean approveDeletions, boolean rejectDeletions, BooleanSupplier cancelled) {
        this(dryRun, approveDeletions, rejectDeletions, cancelled, SyncProgress.NONE);
    }

    public SyncOptions withProgress(SyncProgress listener) {
        return new SyncOptions(dryRun, approveDeletions, rejectDeletions, cancelled, listener);
    }

    public SyncOptions {
        if (approveDeletions && rejectDeletions) {
            throw new IllegalArgumentException("held deletions can be approved or rejected, not both");
        }
    }

    public static SyncOptions normal() {
        return new SyncOptions(false, false, false, () -> false);
    }

    public static SyncOptions dryRunOnly() {
        return new SyncOptions(true, false, false, () -> false);
    }
}
