package com.calsync.store;

/** A store operation failed; the message says which store, what, and what the user can do. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the failure concerns the whole store (unreachable, login refused, calendar gone)
     * rather than the one item being read or written: a sync then stops its pair, where a
     * failure of one item only marks that item and goes on with the others.
     */
    public boolean concernsWholeStore() {
        return false;
    }
}
