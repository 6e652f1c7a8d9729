package com.calsync.sync;

/** Told how far a run has come, on the engine's thread after each change it writes. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} planned changes are written (0 of total when writing starts). */
    void update(int done, int total);
}
