package com.calsync.store;

/** The item is not (or no longer) in the store. */
public class ItemNotFoundException extends StoreException {
    private final String href;

    public ItemNotFoundException(String href, String message) {
        super(message);
        this.href = href;
    }

    public String href() {
        return href;
    }
}
