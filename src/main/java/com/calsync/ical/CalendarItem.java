package com.calsync.ical;

import net.fortuna.ical4j.model.Calendar;

/**
 * One parsed iCalendar object resource: one UID with its master component, RECURRENCE-ID
 * overrides and the VTIMEZONEs they use. {@link #text()} is the text it was parsed from (with a
 * UID line added where a component had none), kept so that copying an item to another store is
 * byte-faithful; {@link #repairs()} says what was set aside to read it.
 *
 * <p>The ical4j model is mutable; treat {@link #calendar()} as read-only.
 */
public record CalendarItem(String uid, ComponentKind kind, String text, Calendar calendar, ReadingRepairs repairs)
        implements ReadItem {

    public CalendarItem(String uid, ComponentKind kind, String text, Calendar calendar) {
        this(uid, kind, text, calendar, ReadingRepairs.NONE);
    }

    @Override
    public boolean uidDerived() {
        return repairs.uidDerived();
    }
}
