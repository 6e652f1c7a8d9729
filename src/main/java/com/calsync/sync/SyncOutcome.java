package com.calsync.sync;

/** How a run of one pair ended. */
public enum SyncOutcome {
    /** Everything planned was done (possibly nothing). */
    OK,
    /** Done, but some items failed and will be retried, or deletions are held. */
    PARTIAL,
    /** The run stopped: a store was unreachable, verification failed, or the state could not be saved. */
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
