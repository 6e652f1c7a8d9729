package com.calsync.store;

/**
 * The calendar itself is not there (deleted, renamed, a folder that does not exist): nothing can
 * be read from or written to it, so nothing may be concluded about its items.
 */
public class CalendarGoneException extends StoreException {
    public CalendarGoneException(String message) {
        super(message);
    }

    @Override
    public boolean concernsWholeStore() {
        return true;
    }
}
