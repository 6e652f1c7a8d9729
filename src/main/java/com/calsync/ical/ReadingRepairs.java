package com.calsync.ical;

import java.util.List;
import java.util.Set;

/**
 * What CalSync set aside so that ical4j could read an item (see {@code LenientReading}): only
 * for reading — the item's text, which is what gets copied, keeps it all.
 *
 * @param uidDerived       no component had a UID; the item's UID was derived from its content
 * @param unreadProperties names of the properties left out of the reading (RRULE, GEO…)
 * @param notes            one sentence per thing set aside, naming the line
 */
public record ReadingRepairs(boolean uidDerived, Set<String> unreadProperties, List<String> notes) {
    public static final ReadingRepairs NONE = new ReadingRepairs(false, Set.of(), List.of());

    public ReadingRepairs {
        unreadProperties = Set.copyOf(unreadProperties);
        notes = List.copyOf(notes);
    }

    /** Whether the item's recurrence could not be read in full, so its occurrences are not known. */
    public boolean recurrenceUnread() {
        return unreadProperties.contains("RRULE") || unreadProperties.contains("RDATE")
                || unreadProperties.contains("EXRULE");
    }
}
