package com.calsync.sync;

/**
 * What a run does with the deletions the guard held back in an earlier run
 * ({@code skip_sync_on_too_many_missing}).
 */
public enum HeldDeletions {
    /** Keep holding them (and hold new ones when too many items vanish): every scheduled run. */
    HOLD,
    /** Carry them out: the user checked and the items are meant to be gone. */
    APPROVE,
    /** Put the vanished items back instead (mirror: stop managing them). */
    REJECT
}
