package com.calsync.store;

/** A store operation failed; the message says which store, what, and what the user can do. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
