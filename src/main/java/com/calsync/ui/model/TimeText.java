package com.calsync.ui.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the menu-bar app shows them, in the clock's zone: just the time for today, the day too
 * for another day of this year, and the year too beyond that, so "10:00" never means yesterday.
 * The clock is read at each call: a popover left open over midnight keeps telling the truth.
 */
public final class TimeText {
    // Locale.ROOT: the app's words are English, and tests compare the text on any machine
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);
    private static final DateTimeFormatter YEAR_DAY_TIME = DateTimeFormatter.ofPattern("MMM d yyyy HH:mm", Locale.ROOT);

    private final Clock clock;

    /** @param clock "now", and in its zone the user's */
    public TimeText(Clock clock) {
        this.clock = clock;
    }

    /** {@code t} relative to today: "10:00", "Nov 26 10:00" or "Nov 26 2025 10:00". */
    public String when(Instant t) {
        ZonedDateTime at = t.atZone(clock.getZone());
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        if (at.toLocalDate().equals(now.toLocalDate())) {
            return TIME.format(at);
        }
        return (at.getYear() == now.getYear() ? DAY_TIME : YEAR_DAY_TIME).format(at);
    }

    /** Just the time of day of {@code t}, for lines that carry their own date (log lines of today's session). */
    public String timeOfDay(Instant t) {
        return TIME.format(t.atZone(clock.getZone()));
    }
}
