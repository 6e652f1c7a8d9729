package com.calsync.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day and zone the UI tests run in: noon on 2026-11-26 in UTC by default. CI runs the UI
 * tests a second time with {@code -Dcalsync.test.shiftDays=400 -Dcalsync.test.zone=Pacific/Kiritimati}
 * (pom.xml, execution {@code ui-tests-shifted}), which moves this clock and the views built on it
 * to another day, year and zone: a UI that reads the machine's clock or zone fails there.
 */
public final class UiTestClock {
    static final ZoneId ZONE = ZoneId.of(System.getProperty("calsync.test.zone", "UTC"));
    static final long SHIFT_DAYS = Long.getLong("calsync.test.shiftDays", 0);
    /** Local noon, so the views' times (a few hours around it) fall on the same local day. */
    static final Instant NOW = LocalDate.of(2026, 11, 26).plusDays(SHIFT_DAYS).atTime(12, 0).atZone(ZONE).toInstant();

    private UiTestClock() {
    }

    /** Stands still at {@link #NOW}. */
    public static Clock fixed() {
        return Clock.fixed(NOW, ZONE);
    }

    /** Ticks like the machine's clock, moved by the shift, in the test zone: for a live service. */
    public static Clock ticking() {
        return Clock.offset(Clock.system(ZONE), Duration.ofDays(SHIFT_DAYS));
    }
}
