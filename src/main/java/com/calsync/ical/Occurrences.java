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
import java.util.HashSet;
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

    /**
     * The components that make the item's occurrences: those of its kind (a VFREEBUSY that a
     * car-rental export puts beside its VEVENT under the same UID is not an occurrence).
     */
    static List<Component> mainComponents(CalendarItem item) {
        List<Component> result = new ArrayList<>();
        for (CalendarComponent c : item.calendar().getComponents()) {
            if (!Component.VTIMEZONE.equals(c.getName())
                    && (item.kind() == ComponentKind.OTHER || item.kind().name().equals(c.getName()))) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * Whether the item's occurrences cannot be computed: a recurrence property was set aside to
     * read it, or an RRULE uses a calendar scale other than Gregorian (RFC 7529 RSCALE), which
     * ical4j does not expand. Such an item "may occur" anywhere after its start.
     */
    static boolean recurrenceUnknown(CalendarItem item) {
        if (item.repairs().recurrenceUnread()) {
            return true;
        }
        for (Component c : mainComponents(item)) {
            for (Property p : c.getProperties(Property.RRULE)) {
                String rule = p.getValue() == null ? "" : p.getValue().toUpperCase(java.util.Locale.ROOT);
                int at = rule.indexOf("RSCALE=");
                if (at >= 0 && !rule.startsWith("RSCALE=GREGORIAN", at)) {
                    return true;
                }
            }
        }
        return false;
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
        } else {
            // Overrides whose master is not in the item (a calendar invited to a single instance)
            // are occurrences in their own right, THISANDFUTURE ones included.
            for (Component range : rangeOverrides.values()) {
                overrides.put(reader.key(reader.read(range, Property.RECURRENCE_ID).orElseThrow()), range);
            }
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

        Set<String> seen = new HashSet<>(overrides.keySet()); // an override stands in for its occurrence
        Set<LocalDate> excludedDays = new HashSet<>();
        for (Temporal ex : reader.readList(master, Property.EXDATE)) {
            seen.add(reader.key(ex));
            if (ex instanceof LocalDate day && !(seed instanceof LocalDate)) {
                excludedDays.add(day); // some producers exclude a timed occurrence by its date
            }
        }
        SeriesWalk walk = new SeriesWalk(master, window, length, rangeOverrides, seen, excludedDays, result, limit);
        Instant seedInstant = reader.instant(seed);
        if (!seedInstant.isBefore(reader.instant(searchFrom)) && seedInstant.isBefore(reader.instant(searchTo))
                && walk.offer(seed, null)) {
            return;
        }
        Instant probeEnd = window.isUnbounded() ? to : minus(from, Duration.ofDays(-45).minus(reach));
        Temporal probeTo = reader.sameShape(probeEnd.isBefore(to) ? probeEnd : to, seed);
        int maxDates = (int) Math.min(Integer.MAX_VALUE, Math.max(1000L, limit * 2L + 10));
        for (Property p : master.getProperties(Property.RRULE)) {
            @SuppressWarnings("unchecked")
            Recur<Temporal> recur = ((RRule<Temporal>) p).getRecur();
            Temporal first = fastForward(recur, seed, searchFrom);
            // The first weeks of the range first: the finder usually stops there. (Not
            // getDatesAsStream for laziness: in ical4j 4.4 its iterator yields nothing.)
            for (Temporal[] slice : List.of(new Temporal[] {searchFrom, probeTo}, new Temporal[] {probeTo, searchTo})) {
                for (Temporal date : recur.getDates(first, slice[0], slice[1], maxDates)) {
                    if (walk.offer(date, null)) {
                        return;
                    }
                }
            }
        }
        for (Property p : master.getProperties(Property.RDATE)) {
            for (TemporalReader.Period period : reader.readPeriods(p)) {
                if (walk.offer(period.start(), period.end())) {
                    return;
                }
            }
        }
    }

    /** Collects a series' occurrences one candidate start at a time, until enough were found. */
    private final class SeriesWalk {
        private final Component master;
        private final TimeWindow window;
        private final TemporalAmount length;
        private final TreeMap<Instant, Component> rangeOverrides;
        private final Set<String> seen;
        private final Set<LocalDate> excludedDays;
        private final List<Occurrence> result;
        private final int limit;
        private int found;

        SeriesWalk(Component master, TimeWindow window, TemporalAmount length, TreeMap<Instant, Component> rangeOverrides,
                Set<String> seen, Set<LocalDate> excludedDays, List<Occurrence> result, int limit) {
            this.master = master;
            this.window = window;
            this.length = length;
            this.rangeOverrides = rangeOverrides;
            this.seen = seen;
            this.excludedDays = excludedDays;
            this.result = result;
            this.limit = limit;
        }

        /** Adds the occurrence at {@code candidate} if it counts; true once {@code limit} were found. */
        boolean offer(Temporal candidate, Temporal explicitEnd) {
            if (!seen.add(reader.key(candidate))
                    || (!excludedDays.isEmpty() && excludedDays.contains(LocalDate.from(candidate)))) {
                return false;
            }
            Temporal start = candidate;
            Temporal end = explicitEnd != null ? explicitEnd : reader.plus(start, length);
            Component source = master;
            boolean shifted = false;
            Map.Entry<Instant, Component> range = rangeOverrides.floorEntry(reader.instant(start));
            if (range != null) {
                Component r = range.getValue();
                TemporalAmount rangeLength = span(r).map(s -> reader.between(s[0], s[1])).orElse(length);
                start = reader.shiftBy(start, shift(r));
                end = reader.plus(start, rangeLength);
                source = r;
                shifted = true;
            }
            if (overlaps(window, start, end)) {
                result.add(new Occurrence(candidate, start, end, source, shifted));
                return ++found >= limit;
            }
            return false;
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
