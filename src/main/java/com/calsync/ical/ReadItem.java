package com.calsync.ical;

/**
 * An item as CalSync could read it: fully ({@link CalendarItem}, parsed by ical4j) or only as
 * text ({@link OpaqueItem}, when ical4j cannot read it even leniently). Either way it has a UID,
 * a kind and the text to copy, so it can be fingerprinted, placed in the window and carried.
 */
public sealed interface ReadItem permits CalendarItem, OpaqueItem {
    String uid();

    ComponentKind kind();

    /** The text to copy to another calendar: as read, plus a UID line where components had none. */
    String text();

    /** Whether the UID was derived from the content because no component had one. */
    boolean uidDerived();
}
