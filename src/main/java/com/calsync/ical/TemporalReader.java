package com.calsync.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RDate;

/**
 * Reads date properties into three java.time shapes: {@link LocalDate} (all-day),
 * {@link LocalDateTime} (floating) and {@link ZonedDateTime} (zoned or UTC). Zoned values are put
 * in the zone their TZID names when {@link ZoneResolver} knows it, so a stale VTIMEZONE in the
 * file does not shift events; otherwise ical4j's reading of the file's VTIMEZONE is kept.
 */
final class TemporalReader {
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

    private final ZoneResolver zones;
    private final ZoneId floatingZone;

    TemporalReader(ZoneResolver zones, ZoneId floatingZone) {
        this.zones = zones;
        this.floatingZone = floatingZone;
    }

    ZoneId floatingZone() {
        return floatingZone;
    }

    Optional<Temporal> read(Component component, String name) {
        Optional<Property> property = component.getProperty(name);
        if (property.isEmpty() || !(property.get() instanceof DateProperty<?> date) || date.getDate() == null) {
            return Optional.empty();
        }
        return Optional.of(normalize(date.getDate(), tzid(date)));
    }

    /** All dates of every property with this name (EXDATE, RDATE), periods' starts included. */
    List<Temporal> readList(Component component, String name) {
        List<Temporal> result = new ArrayList<>();
        for (Property p : component.getProperties(name)) {
            for (Period period : readPeriods(p)) {
                result.add(period.start());
            }
        }
        return result;
    }

    /** RDATE values as periods: a plain date gives a period with no end of its own. */
    List<Period> readPeriods(Property property) {
        List<Period> result = new ArrayList<>();
        Optional<String> tzid = tzid(property);
        if (property instanceof RDate<?> rdate && rdate.getPeriods().isPresent()) {
            for (net.fortuna.ical4j.model.Period<?> period : rdate.getPeriods().get()) {
                result.add(new Period(normalize(period.getStart(), tzid), normalize(period.getEnd(), tzid)));
            }
        } else if (property instanceof DateListProperty<?> list) {
            for (Temporal t : list.getDates()) {
                result.add(new Period(normalize(t, tzid), null));
            }
        }
        return result;
    }

    /** A start and, when the value said so, an end. */
    record Period(Temporal start, Temporal end) {}

    static Optional<String> tzid(Property property) {
        return property.getParameter(Parameter.TZID).map(Parameter::getValue);
    }

    Temporal normalize(Temporal t, Optional<String> tzid) {
        if (t instanceof LocalDate) {
            return t;
        }
        Optional<ZoneId> named = tzid.flatMap(zones::resolve);
        if (t instanceof LocalDateTime local) {
            return named.<Temporal>map(local::atZone).orElse(local);
        }
        if (t instanceof ZonedDateTime zoned) {
            if (zoned.getZone().equals(ZoneOffset.UTC) || tzid.isEmpty()) {
                return zoned;
            }
            return named.<Temporal>map(z -> zoned.toLocalDateTime().atZone(z)).orElse(zoned);
        }
        if (t instanceof OffsetDateTime offset) {
            return offset.toZonedDateTime();
        }
        if (t instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("unsupported date value " + t + " (" + t.getClass().getSimpleName() + ")");
    }

    Instant instant(Temporal t) {
        if (t instanceof LocalDate date) {
            return date.atStartOfDay(floatingZone).toInstant();
        }
        if (t instanceof LocalDateTime local) {
            return local.atZone(floatingZone).toInstant();
        }
        return Instant.from(t);
    }

    /** An instant as a value of the same shape as {@code like}, for bounding a recurrence rule. */
    Temporal sameShape(Instant instant, Temporal like) {
        Instant clamped = instant.isBefore(MIN) ? MIN : instant.isAfter(MAX) ? MAX : instant;
        if (like instanceof LocalDate) {
            return LocalDate.ofInstant(clamped, floatingZone);
        }
        if (like instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(clamped, floatingZone);
        }
        return ZonedDateTime.ofInstant(clamped, ((ZonedDateTime) like).getZone());
    }

    /** The length between two values, as days for all-day values and as a duration otherwise. */
    TemporalAmount between(Temporal start, Temporal end) {
        if (start instanceof LocalDate s && end instanceof LocalDate e) {
            return java.time.Period.between(s, e);
        }
        return Duration.between(instant(start), instant(end));
    }

    /** start + amount; an all-day start with a timed amount moves by whole days (at least one). */
    Temporal plus(Temporal start, TemporalAmount amount) {
        if (start instanceof LocalDate date && amount instanceof Duration d) {
            return date.plusDays(Math.max(1, d.toDays()));
        }
        if (start instanceof LocalDate date && amount instanceof java.time.Period p) {
            return date.plus(p);
        }
        return start.plus(amount);
    }

    /** Moves a value by an exact duration; all-day values move by whole days. */
    Temporal shiftBy(Temporal t, Duration shift) {
        if (t instanceof LocalDate date) {
            return date.plusDays(shift.toDays());
        }
        return t.plus(shift);
    }

    /** A key that matches an occurrence whatever zone its RECURRENCE-ID or EXDATE was written in. */
    String key(Temporal t) {
        if (t instanceof LocalDate date) {
            return date.toString();
        }
        if (t instanceof LocalDateTime local) {
            return local.toString();
        }
        return Instant.from(t).toString();
    }
}
