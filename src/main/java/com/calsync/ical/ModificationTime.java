package com.calsync.ical;

import java.time.Instant;
import java.util.Optional;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/** When an item was last edited, as its producer says: the latest LAST-MODIFIED, else DTSTAMP. */
public final class ModificationTime {

    public Optional<Instant> of(CalendarItem item) {
        Optional<Instant> modified = latest(item, Property.LAST_MODIFIED);
        return modified.isPresent() ? modified : latest(item, Property.DTSTAMP);
    }

    private static Optional<Instant> latest(CalendarItem item, String property) {
        Instant latest = null;
        for (Component component : item.calendar().getComponents()) {
            Optional<Property> value = component.getProperty(property);
            if (value.isPresent() && value.get() instanceof DateProperty<?> date
                    && date.getDate() instanceof Instant instant && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return Optional.ofNullable(latest);
    }
}
