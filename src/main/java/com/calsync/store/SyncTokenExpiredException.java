package com.calsync.store;

/** The store no longer accepts a sync token (RFC 6578 valid-sync-token); list from scratch. */
public class SyncTokenExpiredException extends StoreException {
    public SyncTokenExpiredException(String message) {
        super(message);
    }
}
