package com.calsync.store;

/** The item changed (or appeared, or vanished) since its etag was read: HTTP 412's meaning. */
public class PreconditionFailedException extends StoreException {
    private final String href;

    public PreconditionFailedException(String href, String message) {
        super(message);
        this.href = href;
    }

    public String href() {
        return href;
    }
}
