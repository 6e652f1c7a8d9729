package com.calsync.ical;

import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/** The title a user knows an item by: the master's SUMMARY, else the first one found. */
public final class ItemTitle {

    public String of(ReadItem item) {
        if (item instanceof OpaqueItem opaque) {
            return OpaqueReading.title(opaque.text());
        }
        return of((CalendarItem) item);
    }

    public String of(CalendarItem item) {
        String fallback = null;
        for (Component component : item.calendar().getComponents()) {
            String summary = component.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
            if (summary != null && component.getProperty(Property.RECURRENCE_ID).isEmpty()) {
                return summary;
            }
            if (fallback == null) {
                fallback = summary;
            }
        }
        return fallback == null ? "(no title)" : fallback;
    }
}
