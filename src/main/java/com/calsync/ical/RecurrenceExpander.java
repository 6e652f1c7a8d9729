package com.calsync.ical;

import java.util.List;

/**
 * Turns a series into one single event per occurrence in a window, for targets that handle
 * recurrence badly ({@code expand_recurring}). The UIDs are stable, so a re-sync does not churn.
 * A non-recurring item comes back as itself.
 */
public final class RecurrenceExpander {
    public List<CalendarItem> expand(CalendarItem item, TimeWindow window) {
        throw new UnsupportedOperationException("TODO");
    }
}
