package com.calsync.ical;

/** Answers whether an item has an occurrence in a window, honouring RRULE/RDATE/EXDATE and overrides. */
public final class OccurrenceFinder {
    public boolean hasOccurrenceIn(CalendarItem item, TimeWindow window) {
        throw new UnsupportedOperationException("TODO");
    }
}
