package com.calsync.store.caldav;

import com.calsync.store.StoreException;

/** The server refused the account's credentials (HTTP 401); retrying will not help. */
public class CalDavAuthenticationException extends StoreException {
    public CalDavAuthenticationException(String message) {
        super(message);
    }

    @Override
    public boolean concernsWholeStore() {
        return true;
    }
}
