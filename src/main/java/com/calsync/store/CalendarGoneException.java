package com.calsync.store;

/**
 * The calendar itself is not there (deleted, renamed, a folder that does not exist): nothing can
 * be read from or written to it, so nothing may be concluded about its items.
 */
public class CalendarGoneException extends StoreException {
    private final int status;

    public CalendarGoneException(String message) {
        this(message, 0);
    }

    /**
     * A CalDAV collection answered a read with 404 or 410, or redirected it (301, 302, 307, 308):
     * a store opened from a remembered location looks the calendar up again once.
     *
     * @param status the HTTP status that said so
     */
    public CalendarGoneException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that said so; 0 when no server did (a folder that does not exist). */
    public int status() {
        return status;
    }

    @Override
    public boolean concernsWholeStore() {
        return true;
    }
}
