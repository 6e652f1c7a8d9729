package com.calsync.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredZoneClockTest {
    @Test
    void theZoneIsLookedUpOnceWhenFirstAskedForAndTheInstantsAreTheTicksClocks() {
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        AtomicInteger lookups = new AtomicInteger();
        Clock clock = new DeferredZoneClock(Clock.fixed(t, ZoneOffset.UTC), () -> {
            lookups.incrementAndGet();
            return ZoneId.of("Pacific/Kiritimati");
        });

        assertThat(clock.instant()).isEqualTo(t);
        assertThat(clock.millis()).isEqualTo(t.toEpochMilli());
        assertThat(lookups).hasValue(0);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
        assertThat(lookups).hasValue(1);
        assertThat(clock.withZone(ZoneOffset.ofHours(2)).getZone()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(t);
    }
}
