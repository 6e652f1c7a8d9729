package com.calsync.store;

/** A write was sent to a store that does not accept writes (a feed, a read-only calendar). */
public class ReadOnlyStoreException extends StoreException {
    public ReadOnlyStoreException(String message) {
        super(message);
    }
}
