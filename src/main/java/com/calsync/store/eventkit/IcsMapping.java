package com.calsync.store.eventkit;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ComponentKind;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.store.StoreException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * EventKit events ↔ iCalendar text, through {@link EventItem}. All-day and floating events are
 * placed in {@code floatingZone}, the zone EventKit itself uses for them (the Mac's).
 *
 * <p>EventKit keeps all-day events as midnight to 23:59:59 of the last day; iCalendar as
 * DTSTART/DTEND dates with DTEND exclusive. Busy states beyond busy/free use Outlook's
 * X-MICROSOFT-CDO-BUSYSTATUS, which Apple and Microsoft clients both read.
 */
public final class IcsMapping {
    static final String BUSY_STATUS = "X-MICROSOFT-CDO-BUSYSTATUS";

    private final ZoneId floatingZone;
    private final ItemParser parser = new ItemParser();
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public IcsMapping(ZoneId floatingZone) {
        this.floatingZone = floatingZone;
    }

    // ---- EventKit → iCalendar

    /** The item as a VCALENDAR with one VEVENT per event and the VTIMEZONEs they use. */
    public String toIcs(EventItem item) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CalSync//EventKit//EN"));
        calendar.add(new Version(new ParameterList(), "2.0"));
        Set<String> usedZones = new LinkedHashSet<>();
        List<VEvent> events = new ArrayList<>();
        events.add(toVEvent(item.uid(), item.master(), item.excluded(), usedZones));
        for (EventData occurrence : item.detached()) {
            events.add(toVEvent(item.uid(), occurrence, List.of(), usedZones));
        }
        for (String zone : usedZones) {
            net.fortuna.ical4j.model.TimeZone tz = zones.getTimeZone(zone);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        events.forEach(calendar::add);
        return calendar.toString();
    }

    private VEvent toVEvent(String uid, EventData e, List<Instant> excluded, Set<String> usedZones) {
        VEvent v = new VEvent(false);
        v.add(new Uid(uid));
        v.add(new DtStamp(e.lastModified().orElse(e.start()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        e.lastModified().ifPresent(m -> v.add(new LastModified(m.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
        if (e.allDay()) {
            LocalDate start = LocalDate.ofInstant(e.start(), floatingZone);
            v.add(new DtStart<>(start));
            v.add(new DtEnd<>(allDayEnd(start, e.end())));
            e.recurrenceId().ifPresent(r -> v.add(new RecurrenceId<>(LocalDate.ofInstant(r, floatingZone))));
        } else {
            v.add(new DtStart<>(timed(e.start(), e.zone(), usedZones)));
            v.add(new DtEnd<>(timed(e.end(), e.zone(), usedZones)));
            e.recurrenceId().ifPresent(r -> v.add(new RecurrenceId<>(timed(r, e.zone(), usedZones))));
        }
        v.add(new Summary(e.title() == null ? "" : e.title()));
        e.location().filter(s -> !s.isEmpty()).ifPresent(s -> v.add(new Location(s)));
        e.notes().filter(s -> !s.isEmpty()).ifPresent(s -> v.add(new Description(s)));
        e.url().ifPresent(u -> v.add(new Url(u)));
        v.add(e.availability() == EventData.Availability.FREE ? new Transp("TRANSPARENT") : new Transp("OPAQUE"));
        if (e.availability() == EventData.Availability.TENTATIVE) {
            v.add(new XProperty(BUSY_STATUS, "TENTATIVE"));
        } else if (e.availability() == EventData.Availability.UNAVAILABLE) {
            v.add(new XProperty(BUSY_STATUS, "OOF"));
        }
        for (EventData.Rule rule : e.rules()) {
            v.add(new RRule<>(recur(rule, e)));
        }
        for (Instant ex : excluded) {
            v.add(exdate(ex, e, usedZones));
        }
        for (EventData.Alarm alarm : e.alarms()) {
            VAlarm a = alarm.absolute().isPresent() ? new VAlarm(alarm.absolute().get())
                    : new VAlarm(Duration.ofMillis(Math.round(alarm.relativeOffsetSeconds().orElse(0.0) * 1000)));
            a.add(new Action("DISPLAY"));
            a.add(new Description(e.title() == null || e.title().isEmpty() ? "Reminder" : e.title()));
            v.add(a);
        }
        return v;
    }

    private Property exdate(Instant ex, EventData e, Set<String> usedZones) {
        if (e.allDay()) {
            return new net.fortuna.ical4j.model.property.ExDate<>(
                    new net.fortuna.ical4j.model.DateList<>(LocalDate.ofInstant(ex, floatingZone)));
        }
        Temporal t = timed(ex, e.zone(), usedZones);
        net.fortuna.ical4j.model.property.ExDate<Temporal> exDate =
                new net.fortuna.ical4j.model.property.ExDate<>(new net.fortuna.ical4j.model.DateList<>(t));
        if (t instanceof ZonedDateTime z) {
            exDate.add(new TzId(z.getZone().getId()));
        }
        return exDate;
    }

    /** DTEND of an all-day event: the day after the last day EventKit's end falls on. */
    LocalDate allDayEnd(LocalDate start, Instant end) {
        LocalDateTime local = LocalDateTime.ofInstant(end, floatingZone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().equals(LocalTime.MIDNIGHT) || !day.isAfter(start)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Temporal timed(Instant t, Optional<ZoneId> zone, Set<String> usedZones) {
        if (zone.isEmpty()) {
            return LocalDateTime.ofInstant(t, floatingZone);
        }
        if (zone.get().normalized().equals(ZoneOffset.UTC)) {
            return t;
        }
        usedZones.add(zone.get().getId());
        return ZonedDateTime.ofInstant(t, zone.get());
    }

    private static Recur<Temporal> recur(EventData.Rule rule, EventData event) {
        Recur.Builder<Temporal> b = new Recur.Builder<Temporal>()
                .frequency(Frequency.valueOf(rule.frequency().name()));
        if (rule.interval() > 1) {
            b.interval((int) rule.interval());
        }
        if (!rule.daysOfWeek().isEmpty()) {
            b.dayList(rule.daysOfWeek().stream().map(IcsMapping::weekDay).toList());
        }
        if (!rule.daysOfMonth().isEmpty()) {
            b.monthDayList(ints(rule.daysOfMonth()));
        }
        if (!rule.monthsOfYear().isEmpty()) {
            b.monthList(rule.monthsOfYear().stream().map(m -> new Month(m.intValue())).toList());
        }
        if (!rule.weeksOfYear().isEmpty()) {
            b.weekNoList(ints(rule.weeksOfYear()));
        }
        if (!rule.daysOfYear().isEmpty()) {
            b.yearDayList(ints(rule.daysOfYear()));
        }
        if (!rule.setPositions().isEmpty()) {
            b.setPosList(ints(rule.setPositions()));
        }
        if (rule.count() > 0) {
            b.count((int) rule.count());
        } else if (rule.until().isPresent()) {
            // RFC 5545: UNTIL is a date for all-day series, UTC otherwise
            b.until(event.allDay() ? (Temporal) LocalDate.ofInstant(rule.until().get(), ZoneOffset.UTC)
                    : rule.until().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return b.build();
    }

    private static List<Integer> ints(List<Long> values) {
        return values.stream().map(Long::intValue).toList();
    }

    private static WeekDay weekDay(EventData.DayOfWeek d) {
        // EventKit: 1 = Sunday … 7 = Saturday
        java.time.DayOfWeek day = java.time.DayOfWeek.SUNDAY.plus(d.day() - 1);
        WeekDay plain = WeekDay.getWeekDay(day);
        return d.week() == 0 ? plain : new WeekDay(plain, (int) d.week());
    }

    // ---- iCalendar → EventKit

    /** Reads an item written by another store; {@code uid} is the UID the caller asked for. */
    public EventItem fromIcs(String uid, String ics) {
        CalendarItem item;
        try {
            item = parser.parse(ics);
        } catch (MalformedItemException e) {
            throw new StoreException("cannot store item " + uid + " in macOS Calendar: " + e.getMessage(), e);
        }
        if (item.kind() != ComponentKind.VEVENT) {
            throw new StoreException("cannot store item " + uid + " in macOS Calendar: it is a " + item.kind()
                    + ", and EventKit calendars hold events only");
        }
        EventData master = null;
        List<EventData> detached = new ArrayList<>();
        List<Instant> excluded = new ArrayList<>();
        for (Component c : item.calendar().getComponents(Component.VEVENT)) {
            if (c.getProperty(Property.RECURRENCE_ID).isPresent()) {
                detached.add(eventData(c));
            } else if (master == null) {
                master = eventData(c);
                excluded.addAll(exdates(c));
            }
        }
        if (master == null) {
            // only overrides were sent (an invitation to one occurrence): store the first as a plain event
            master = detached.remove(0);
            master = withoutRecurrenceId(master);
        }
        return new EventItem(uid, master, detached, excluded);
    }

    private static EventData withoutRecurrenceId(EventData e) {
        return new EventData(e.title(), e.start(), e.end(), e.allDay(), e.zone(), e.location(), e.notes(), e.url(),
                e.availability(), e.rules(), e.alarms(), Optional.empty(), e.lastModified());
    }

    private EventData eventData(Component c) {
        Temporal start = date(c, Property.DTSTART).orElseThrow(() -> new StoreException("an event without DTSTART cannot"
                + " be stored in macOS Calendar (UID " + c.getProperty(Property.UID).map(Property::getValue).orElse("?") + ")"));
        boolean allDay = start instanceof LocalDate;
        Optional<ZoneId> zone = zoneOf(start);
        Instant startInstant = instant(start);
        Instant end;
        Optional<Temporal> dtEnd = date(c, Property.DTEND);
        Optional<TemporalAmount> duration = c.<net.fortuna.ical4j.model.property.Duration>getProperty(Property.DURATION)
                .map(net.fortuna.ical4j.model.property.Duration::getDuration);
        if (dtEnd.isPresent()) {
            end = instant(dtEnd.get());
        } else if (duration.isPresent()) {
            end = instant(start.plus(duration.get()));
        } else {
            end = allDay ? instant(((LocalDate) start).plusDays(1)) : startInstant;
        }
        if (allDay) {
            end = end.minusSeconds(1); // EventKit's form: the last second of the last day
            if (end.isBefore(startInstant)) {
                end = startInstant;
            }
        }
        EventData.Availability availability = c.getProperty(Property.TRANSP).map(Property::getValue)
                .filter("TRANSPARENT"::equalsIgnoreCase).isPresent() ? EventData.Availability.FREE : EventData.Availability.BUSY;
        String busy = c.getProperty(BUSY_STATUS).map(Property::getValue).orElse("").toUpperCase(Locale.ROOT);
        if (busy.equals("TENTATIVE")) {
            availability = EventData.Availability.TENTATIVE;
        } else if (busy.equals("OOF")) {
            availability = EventData.Availability.UNAVAILABLE;
        }
        List<EventData.Rule> rules = new ArrayList<>();
        for (Property p : c.getProperties(Property.RRULE)) {
            rule(((RRule<?>) p).getRecur()).ifPresent(rules::add);
        }
        List<EventData.Alarm> alarms = new ArrayList<>();
        if (c instanceof VEvent v) {
            for (VAlarm a : v.getAlarms()) {
                a.<Trigger>getProperty(Property.TRIGGER).flatMap(IcsMapping::alarm).ifPresent(alarms::add);
            }
        }
        return new EventData(
                c.getProperty(Property.SUMMARY).map(Property::getValue).orElse(""),
                startInstant, end, allDay, zone,
                text(c, Property.LOCATION), text(c, Property.DESCRIPTION),
                text(c, Property.URL).flatMap(IcsMapping::uri),
                availability, rules, alarms,
                date(c, Property.RECURRENCE_ID).map(this::instant),
                Optional.empty());
    }

    private List<Instant> exdates(Component c) {
        List<Instant> result = new ArrayList<>();
        for (Property p : c.getProperties(Property.EXDATE)) {
            if (p instanceof DateListProperty<?> list) {
                Optional<ZoneId> tz = p.getParameter(net.fortuna.ical4j.model.Parameter.TZID).map(net.fortuna.ical4j.model.Parameter::getValue)
                        .flatMap(IcsMapping::zone);
                for (Temporal t : list.getDates()) {
                    result.add(t instanceof LocalDateTime l && tz.isPresent() ? l.atZone(tz.get()).toInstant() : instant(t));
                }
            }
        }
        return result;
    }

    private static Optional<EventData.Alarm> alarm(Trigger trigger) {
        if (trigger.isAbsolute() && trigger.getDate() != null) {
            return Optional.of(new EventData.Alarm(Optional.empty(), Optional.of(trigger.getDate())));
        }
        TemporalAmount d = trigger.getDuration();
        if (d == null) {
            return Optional.empty();
        }
        long seconds = d instanceof java.time.Period p ? p.getDays() * 86_400L
                : ((Duration) d).getSeconds();
        return Optional.of(new EventData.Alarm(Optional.of((double) seconds), Optional.empty()));
    }

    private static Optional<EventData.Rule> rule(Recur<?> recur) {
        EventData.Frequency frequency;
        try {
            frequency = EventData.Frequency.valueOf(recur.getFrequency().name());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // HOURLY and finer: EventKit has no such rules
        }
        List<EventData.DayOfWeek> days = recur.getDayList().stream()
                .map(d -> new EventData.DayOfWeek(
                        WeekDay.getDayOfWeek(d).getValue() % 7 + 1, // java: Monday 1 … Sunday 7 → EventKit: Sunday 1
                        d.getOffset()))
                .toList();
        Object until = recur.getUntil();
        Optional<Instant> untilInstant = until == null ? Optional.empty()
                : Optional.of(until instanceof LocalDate ld ? ld.atStartOfDay(ZoneOffset.UTC).toInstant()
                        : until instanceof LocalDateTime ldt ? ldt.toInstant(ZoneOffset.UTC) : Instant.from((Temporal) until));
        return Optional.of(new EventData.Rule(frequency, Math.max(1, recur.getInterval()), days,
                longs(recur.getMonthDayList()), recur.getMonthList().stream().map(m -> (long) m.getMonthOfYear()).toList(),
                longs(recur.getWeekNoList()), longs(recur.getYearDayList()), longs(recur.getSetPosList()),
                untilInstant, Math.max(0, recur.getCount())));
    }

    private static List<Long> longs(List<Integer> values) {
        return values.stream().map(Integer::longValue).toList();
    }

    private static Optional<String> text(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).filter(s -> !s.isEmpty());
    }

    private static Optional<URI> uri(String s) {
        try {
            return Optional.of(URI.create(s.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Temporal> date(Component c, String name) {
        Optional<Property> p = c.getProperty(name);
        if (p.isEmpty() || !(p.get() instanceof DateProperty<?> d) || d.getDate() == null) {
            return Optional.empty();
        }
        Temporal t = d.getDate();
        Optional<ZoneId> tz = p.get().getParameter(net.fortuna.ical4j.model.Parameter.TZID).map(net.fortuna.ical4j.model.Parameter::getValue)
                .flatMap(IcsMapping::zone);
        if (t instanceof LocalDateTime l && tz.isPresent()) {
            return Optional.of(l.atZone(tz.get()));
        }
        if (t instanceof ZonedDateTime z && tz.isPresent() && !z.getZone().equals(tz.get())) {
            return Optional.of(z.withZoneSameInstant(tz.get()));
        }
        return Optional.of(t);
    }

    private Optional<ZoneId> zoneOf(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return Optional.of(z.getZone());
        }
        if (t instanceof Instant || t instanceof OffsetDateTime) {
            return Optional.of(ZoneOffset.UTC);
        }
        return Optional.empty();
    }

    private Instant instant(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(floatingZone).toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(floatingZone).toInstant();
        }
        return Instant.from(t);
    }
}
