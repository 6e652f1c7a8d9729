package com.calsync.ical;

import net.fortuna.ical4j.model.Calendar;

/**
 * One parsed iCalendar object resource: one UID with its master component, RECURRENCE-ID
 * overrides and the VTIMEZONEs they use. {@link #text()} is the text it was parsed from, kept so
 * that copying an item to another store is byte-faithful.
 *
 * <p>The ical4j model is mutable; treat {@link #calendar()} as read-only.
 */
public record CalendarItem(String uid, ComponentKind kind, String text, Calendar calendar) {}
