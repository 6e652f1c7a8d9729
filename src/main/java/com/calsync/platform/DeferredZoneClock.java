package com.calsync.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clock whose zone is looked up when first asked for. Resolving the local zone reads the
 * JDK's time-zone database (tzdb.dat), which costs a quick command more than the rest of its
 * start-up; most commands never show a local time. Ticks like the clock it is given.
 */
public final class DeferredZoneClock extends Clock {
    private final Clock ticks;
    private final Supplier<ZoneId> zoneLookup;
    private volatile ZoneId zone;

    /**
     * @param ticks      where the instants come from (its zone is not used)
     * @param zoneLookup finds the zone, once, on the first {@link #getZone()}
     */
    public DeferredZoneClock(Clock ticks, Supplier<ZoneId> zoneLookup) {
        this.ticks = Objects.requireNonNull(ticks, "ticks");
        this.zoneLookup = Objects.requireNonNull(zoneLookup, "zoneLookup");
    }

    @Override
    public ZoneId getZone() {
        ZoneId z = zone;
        if (z == null) {
            z = Objects.requireNonNull(zoneLookup.get(), "zone");
            zone = z;
        }
        return z;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return ticks.withZone(other);
    }

    @Override
    public Instant instant() {
        return ticks.instant();
    }

    @Override
    public long millis() {
        return ticks.millis();
    }

    @Override
    public String toString() {
        return "DeferredZoneClock[" + ticks + (zone == null ? ", zone not looked up yet]" : ", " + zone + "]");
    }
}
