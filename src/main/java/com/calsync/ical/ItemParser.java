package com.calsync.ical;

import java.util.List;

/**
 * Reads iCalendar text as real producers write it (Outlook zone names, missing or stale
 * VTIMEZONEs, bare LF, floating times, DURATION instead of DTEND) into {@link CalendarItem}s.
 */
public final class ItemParser {

    /** Parses one item (one UID). */
    public CalendarItem parse(String ics) throws MalformedItemException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Splits a whole calendar (a feed, an exported .ics) into one item per UID, each with the
     * VTIMEZONEs it uses. Components that cannot be read are reported through the exception
     * list, not dropped silently.
     */
    public SplitResult split(String ics) throws MalformedItemException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The items found, and one message per component that was skipped. */
    public record SplitResult(List<CalendarItem> items, List<String> skipped) {}
}
