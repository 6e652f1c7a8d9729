package com.calsync.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Answers whether an item has an occurrence in a window, honouring RRULE/RDATE/EXDATE and overrides.
 *
 * <p>Floating times and all-day dates are read in the zone given to the constructor (the user's
 * local zone, from the composition root), as a calendar app on this machine shows them; so is a TZID that is neither IANA,
 * Windows nor defined by a VTIMEZONE in the item. A rule is only evaluated between
 * the window's bounds, so a daily series of ten years costs what the window holds. A VTODO or
 * VJOURNAL uses DTSTART/DUE; an item with no date at all counts as in every window.
 *
 * <p>When the occurrences cannot be known — an RSCALE rule (RFC 7529) ical4j does not expand, a
 * recurrence property set aside to read the item, an {@link OpaqueItem} — the item "may occur"
 * and counts as in the window unless it starts after it: an item is never dropped on a guess.
 * Overrides whose master is not in the item are occurrences in their own right.
 */
public final class OccurrenceFinder {
    private final Occurrences occurrences;
    private final OpaqueReading opaque;

    public OccurrenceFinder(ZoneId floatingZone) {
        ZoneResolver zones = new ZoneResolver();
        this.occurrences = new Occurrences(new TemporalReader(zones, floatingZone));
        this.opaque = new OpaqueReading(zones, floatingZone);
    }

    public boolean hasOccurrenceIn(ReadItem item, TimeWindow window) {
        if (item instanceof OpaqueItem o) {
            return opaque.mayOccurIn(o.text(), window);
        }
        return hasOccurrenceIn((CalendarItem) item, window);
    }

    public boolean hasOccurrenceIn(CalendarItem item, TimeWindow window) {
        if (window.isUnbounded()) {
            return true;
        }
        boolean anyDated = Occurrences.mainComponents(item).stream().anyMatch(c -> occurrences.span(c).isPresent());
        if (!anyDated) {
            return true;
        }
        if (Occurrences.recurrenceUnknown(item)) {
            Optional<Instant> first = Occurrences.mainComponents(item).stream()
                    .flatMap(c -> occurrences.span(c).stream())
                    .map(span -> occurrences.reader().instant(span[0]))
                    .min(Instant::compareTo);
            return first.map(f -> f.isBefore(window.end())).orElse(true);
        }
        return !occurrences.in(item, window, 1).isEmpty();
    }
}
