package com.calsync.ical;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time [start, end): the part of a calendar a pair syncs. */
public record TimeWindow(Instant start, Instant end) {
    /** No bounds: every item takes part. */
    public static final TimeWindow ALL = new TimeWindow(Instant.MIN, Instant.MAX);

    public TimeWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window start " + start + " is not before its end " + end);
        }
    }

    /** From {@code pastDays} before {@code now} to {@code futureDays} after it. */
    public static TimeWindow around(Instant now, int pastDays, int futureDays) {
        return new TimeWindow(now.minus(Duration.ofDays(pastDays)), now.plus(Duration.ofDays(futureDays)));
    }

    public boolean isUnbounded() {
        return this.equals(ALL);
    }

    /** Whether [from, to) overlaps this window; an instant event (from == to) counts at its start. */
    public boolean overlaps(Instant from, Instant to) {
        if (to.equals(from)) {
            return !from.isBefore(start) && from.isBefore(end);
        }
        return from.isBefore(end) && to.isAfter(start);
    }
}
