package com.calsync.ical;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.parameter.Range;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The occurrences of one item in a window: RRULE (bounded by the window, never fully expanded),
 * RDATE, EXDATE, RECURRENCE-ID overrides and RANGE=THISANDFUTURE. Shared by
 * {@link OccurrenceFinder} and {@link RecurrenceExpander} so they always agree.
 */
final class Occurrences {
    /** One occurrence: the start it has in the series ({@code recurrenceId}) and where it really is. */
    record Occurrence(Temporal recurrenceId, Temporal start, Temporal end, Component source, boolean shifted) {}

    private final TemporalReader reader;

    Occurrences(TemporalReader reader) {
        this.reader = reader;
    }

    TemporalReader reader() {
        return reader;
    }

    static List<Component> mainComponents(CalendarItem item) {
        List<Component> result = new ArrayList<>();
        for (CalendarComponent c : item.calendar().getComponents()) {
            if (!Component.VTIMEZONE.equals(c.getName())) {
                result.add(c);
            }
        }
        return result;
    }

    static boolean isRecurring(CalendarItem item) {
        for (Component c : mainComponents(item)) {
            if (c.getProperty(Property.RRULE).isPresent() || c.getProperty(Property.RDATE).isPresent()
                    || c.getProperty(Property.RECURRENCE_ID).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The component's own span, or empty when it has no date at all (a VTODO without dates). */
    Optional<Temporal[]> span(Component c) {
        Optional<Temporal> start = reader.read(c, Property.DTSTART);
        Optional<Temporal> end = reader.read(c, Component.VTODO.equals(c.getName()) ? Property.DUE : Property.DTEND);
        if (start.isEmpty()) {
            return end.map(e -> new Temporal[] {e, e});
        }
        Temporal s = start.get();
        if (end.isPresent()) {
            return Optional.of(new Temporal[] {s, end.get()});
        }
        Optional<Property> duration = c.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration();
            return Optional.of(new Temporal[] {s, reader.plus(s, amount)});
        }
        // RFC 5545 3.6.1: an all-day VEVENT without DTEND lasts one day, a timed one is an instant.
        Temporal e = s instanceof LocalDate d && Component.VEVENT.equals(c.getName()) ? d.plusDays(1) : s;
        return Optional.of(new Temporal[] {s, e});
    }

    /**
     * The occurrences overlapping the window, sorted by start; at most {@code limit} of them
     * (a series without end in an unbounded window would otherwise never finish).
     */
    List<Occurrence> in(CalendarItem item, TimeWindow window, int limit) {
        List<Component> components = mainComponents(item);
        Component master = null;
        Map<String, Component> overrides = new LinkedHashMap<>();
        TreeMap<Instant, Component> rangeOverrides = new TreeMap<>();
        for (Component c : components) {
            Optional<Temporal> rid = reader.read(c, Property.RECURRENCE_ID);
            if (rid.isEmpty()) {
                if (master == null) {
                    master = c;
                }
            } else if (isThisAndFuture(c)) {
                rangeOverrides.put(reader.instant(rid.get()), c);
            } else {
                overrides.put(reader.key(rid.get()), c);
            }
        }
        List<Occurrence> result = new ArrayList<>();
        if (master != null) {
            seriesOccurrences(master, window, limit, overrides, rangeOverrides, result);
        }
        for (Component override : overrides.values()) {
            Temporal rid = reader.read(override, Property.RECURRENCE_ID).orElseThrow();
            Optional<Temporal[]> span = span(override);
            Temporal start = span.map(s -> s[0]).orElse(rid);
            Temporal end = span.map(s -> s[1]).orElse(rid);
            if (overlaps(window, start, end)) {
                result.add(new Occurrence(rid, start, end, override, false));
            }
        }
        result.sort(Comparator.comparing((Occurrence o) -> reader.instant(o.start())));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    private void seriesOccurrences(Component master, TimeWindow window, int limit, Map<String, Component> overrides,
            TreeMap<Instant, Component> rangeOverrides, List<Occurrence> result) {
        Optional<Temporal[]> span = span(master);
        if (span.isEmpty()) {
            return;
        }
        Temporal seed = span.get()[0];
        TemporalAmount length = reader.between(seed, span.get()[1]);
        // Occurrences that start before the window may still reach into it; range overrides may shift them.
        Duration reach = Duration.between(reader.instant(seed), reader.instant(span.get()[1])).plusDays(2);
        Duration shiftReach = Duration.ZERO;
        for (Component range : rangeOverrides.values()) {
            Duration shift = shift(range).abs();
            if (shift.compareTo(shiftReach) > 0) {
                shiftReach = shift;
            }
        }
        Instant from = window.isUnbounded() ? window.start() : minus(window.start(), reach.plus(shiftReach));
        Instant to = window.isUnbounded() ? window.end() : minus(window.end(), shiftReach.plusDays(1).negated());
        Temporal searchFrom = reader.sameShape(from, seed);
        Temporal searchTo = reader.sameShape(to, seed);

        Map<String, Temporal[]> starts = new LinkedHashMap<>();
        Instant seedInstant = reader.instant(seed);
        if (!seedInstant.isBefore(reader.instant(searchFrom)) && seedInstant.isBefore(reader.instant(searchTo))) {
            starts.put(reader.key(seed), new Temporal[] {seed, null});
        }
        for (Property p : master.getProperties(Property.RRULE)) {
            @SuppressWarnings("unchecked")
            Recur<Temporal> recur = ((RRule<Temporal>) p).getRecur();
            Temporal start = fastForward(recur, seed, searchFrom);
            for (Temporal t : recur.getDates(start, searchFrom, searchTo, (int) Math.min(Integer.MAX_VALUE, Math.max(1000L, limit * 2L + 10)))) {
                starts.putIfAbsent(reader.key(t), new Temporal[] {t, null});
            }
        }
        for (Property p : master.getProperties(Property.RDATE)) {
            for (TemporalReader.Period period : reader.readPeriods(p)) {
                starts.putIfAbsent(reader.key(period.start()), new Temporal[] {period.start(), period.end()});
            }
        }
        Set<LocalDate> excludedDays = new java.util.HashSet<>();
        for (Temporal ex : reader.readList(master, Property.EXDATE)) {
            starts.remove(reader.key(ex));
            if (ex instanceof LocalDate day) {
                excludedDays.add(day); // some producers exclude a timed occurrence by its date
            }
        }
        if (!excludedDays.isEmpty() && !(seed instanceof LocalDate)) {
            starts.values().removeIf(c -> excludedDays.contains(LocalDate.from(c[0])));
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (Temporal[] candidate : starts.values()) {
            String key = reader.key(candidate[0]);
            if (overrides.containsKey(key) || seen.put(key, Boolean.TRUE) != null) {
                continue; // the override stands in for it
            }
            Temporal start = candidate[0];
            Temporal end = candidate[1] != null ? candidate[1] : reader.plus(start, length);
            Component source = master;
            boolean shifted = false;
            Map.Entry<Instant, Component> range = rangeOverrides.floorEntry(reader.instant(start));
            if (range != null) {
                Component r = range.getValue();
                Duration shift = shift(r);
                Optional<Temporal[]> rangeSpan = span(r);
                TemporalAmount rangeLength = rangeSpan.map(s -> reader.between(s[0], s[1])).orElse(length);
                start = reader.shiftBy(start, shift);
                end = reader.plus(start, rangeLength);
                source = r;
                shifted = true;
            }
            if (overlaps(window, start, end)) {
                result.add(new Occurrence(candidate[0], start, end, source, shifted));
            }
        }
    }

    /**
     * A later start for evaluating the rule: a series begun years ago then costs only what the
     * window holds. Only for DAILY and WEEKLY rules without COUNT whose BY-parts (at most BYDAY)
     * include the start's weekday, where stepping whole intervals keeps every occurrence.
     */
    private static Temporal fastForward(Recur<Temporal> recur, Temporal seed, Temporal searchFrom) {
        Frequency freq = recur.getFrequency();
        if (recur.getCount() > 0 || (freq != Frequency.DAILY && freq != Frequency.WEEKLY)) {
            return seed;
        }
        String rule = recur.toString().toUpperCase(java.util.Locale.ROOT);
        for (String part : rule.split(";")) {
            String key = part.split("=", 2)[0];
            if (!Set.of("FREQ", "INTERVAL", "UNTIL", "WKST", "BYDAY").contains(key)) {
                return seed;
            }
        }
        DayOfWeek weekday = DayOfWeek.from(seed);
        boolean dayListed = recur.getDayList().isEmpty() || recur.getDayList().stream()
                .anyMatch(d -> d.getOffset() == 0 && WeekDay.getDayOfWeek(d) == weekday);
        if (!dayListed) {
            return seed;
        }
        long stepDays = (freq == Frequency.DAILY ? 1L : 7L) * Math.max(1, recur.getInterval());
        long days = ChronoUnit.DAYS.between(LocalDate.from(seed), LocalDate.from(searchFrom));
        long steps = days / stepDays - 1;
        return steps > 0 ? seed.plus(steps * stepDays, ChronoUnit.DAYS) : seed;
    }

    // Saturating: a window may start at Instant.MIN or end at Instant.MAX.
    private static Instant minus(Instant instant, Duration amount) {
        try {
            return instant.minus(amount);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return amount.isNegative() ? Instant.MAX : Instant.MIN;
        }
    }

    /** How far a THISANDFUTURE override moves the occurrences from its RECURRENCE-ID on. */
    private Duration shift(Component range) {
        Temporal rid = reader.read(range, Property.RECURRENCE_ID).orElseThrow();
        return reader.read(range, Property.DTSTART)
                .map(start -> Duration.between(reader.instant(rid), reader.instant(start)))
                .orElse(Duration.ZERO);
    }

    private static boolean isThisAndFuture(Component c) {
        return c.getProperty(Property.RECURRENCE_ID)
                .flatMap(p -> p.<Parameter>getParameter(Parameter.RANGE))
                .map(r -> Range.THISANDFUTURE.getValue().equalsIgnoreCase(r.getValue()))
                .orElse(false);
    }

    boolean overlaps(TimeWindow window, Temporal start, Temporal end) {
        if (window.isUnbounded()) {
            return true;
        }
        return window.overlaps(reader.instant(start), reader.instant(end));
    }
}
