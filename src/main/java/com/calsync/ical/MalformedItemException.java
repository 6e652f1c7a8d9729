package com.calsync.ical;

/** Text that cannot be read as an iCalendar item; the message says what is wrong and where. */
public class MalformedItemException extends Exception {
    public MalformedItemException(String message) {
        super(message);
    }

    public MalformedItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
