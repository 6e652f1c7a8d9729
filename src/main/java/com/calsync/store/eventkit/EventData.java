package com.calsync.store.eventkit;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One EKEvent's fields, copied into Java: the shape both directions of the mapping go through
 * (EKEvent ↔ EventData ↔ VEVENT), so the iCalendar side is testable without any runtime.
 *
 * @param zone          the event's time zone; empty for floating times and all-day events
 * @param end           EventKit's end: for all-day events the last second of the last day, or midnight after it
 * @param recurrenceId  for a detached occurrence, the start it would have had (its occurrenceDate)
 * @param lastModified  EventKit's lastModifiedDate, when it has one
 */
public record EventData(String title, Instant start, Instant end, boolean allDay, Optional<ZoneId> zone,
                        Optional<String> location, Optional<String> notes, Optional<URI> url,
                        Availability availability, List<Rule> rules, List<Alarm> alarms,
                        Optional<Instant> recurrenceId, Optional<Instant> lastModified) {
    public EventData {
        rules = List.copyOf(rules);
        alarms = List.copyOf(alarms);
    }

    /** EKEventAvailability, by its raw values. */
    public enum Availability {
        NOT_SUPPORTED(-1), BUSY(0), FREE(1), TENTATIVE(2), UNAVAILABLE(3);

        private final long raw;

        Availability(long raw) {
            this.raw = raw;
        }

        public long raw() {
            return raw;
        }

        public static Availability ofRaw(long raw) {
            for (Availability a : values()) {
                if (a.raw == raw) {
                    return a;
                }
            }
            return BUSY;
        }
    }

    /** EKRecurrenceFrequency, by its raw values (daily 0 … yearly 3). */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    /**
     * An EKRecurrenceRule.
     *
     * @param daysOfWeek EKRecurrenceDayOfWeek: day 1 = Sunday … 7 = Saturday, week 0 = every week
     * @param until      EKRecurrenceEnd's endDate
     * @param count      EKRecurrenceEnd's occurrenceCount (0 = none)
     */
    public record Rule(Frequency frequency, long interval, List<DayOfWeek> daysOfWeek, List<Long> daysOfMonth,
                       List<Long> monthsOfYear, List<Long> weeksOfYear, List<Long> daysOfYear,
                       List<Long> setPositions, Optional<Instant> until, long count) {
        public Rule {
            daysOfWeek = List.copyOf(daysOfWeek);
            daysOfMonth = List.copyOf(daysOfMonth);
            monthsOfYear = List.copyOf(monthsOfYear);
            weeksOfYear = List.copyOf(weeksOfYear);
            daysOfYear = List.copyOf(daysOfYear);
            setPositions = List.copyOf(setPositions);
        }
    }

    /** EKRecurrenceDayOfWeek: {@code day} 1 = Sunday … 7 = Saturday; {@code week} 0 = every week. */
    public record DayOfWeek(long day, long week) {}

    /** An EKAlarm: relative to the start (seconds, negative = before) or at an absolute time. */
    public record Alarm(Optional<Double> relativeOffsetSeconds, Optional<Instant> absolute) {}
}
