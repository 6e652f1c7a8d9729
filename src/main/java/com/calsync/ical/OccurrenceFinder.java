package com.calsync.ical;

import java.time.ZoneId;

/**
 * Answers whether an item has an occurrence in a window, honouring RRULE/RDATE/EXDATE and overrides.
 *
 * <p>Floating times and all-day dates are read in the zone given to the constructor (the user's
 * local zone, from the composition root), as a calendar app on this machine shows them; so is a TZID that is neither IANA,
 * Windows nor defined by a VTIMEZONE in the item. A rule is only evaluated between
 * the window's bounds, so a daily series of ten years costs what the window holds. A VTODO or
 * VJOURNAL uses DTSTART/DUE; an item with no date at all counts as in every window.
 */
public final class OccurrenceFinder {
    private final Occurrences occurrences;

    public OccurrenceFinder(ZoneId floatingZone) {
        this.occurrences = new Occurrences(new TemporalReader(new ZoneResolver(), floatingZone));
    }

    public boolean hasOccurrenceIn(CalendarItem item, TimeWindow window) {
        if (window.isUnbounded()) {
            return true;
        }
        boolean anyDated = Occurrences.mainComponents(item).stream().anyMatch(c -> occurrences.span(c).isPresent());
        if (!anyDated) {
            return true;
        }
        return !occurrences.in(item, window, 1).isEmpty();
    }
}
