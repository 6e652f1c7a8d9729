package com.calsync.sync;

/** The pair's sync state (the SQLite status database) could not be read or written. */
public class SyncStateException extends RuntimeException {
    public SyncStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
