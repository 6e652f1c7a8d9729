package com.calsync.store.caldav;

import com.calsync.store.StoreException;

/**
 * A calendar collection is no longer where it was found: the server answered a read of it with
 * 404 or 410, or redirected it (301, 302, 307, 308). A store opened from a remembered location
 * ({@link RelocatingCalDavStore}) looks the calendar up again once; otherwise the message tells
 * the user what to check.
 */
public final class CalendarGoneException extends StoreException {
    private final int status;

    public CalendarGoneException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that said so. */
    public int status() {
        return status;
    }
}
