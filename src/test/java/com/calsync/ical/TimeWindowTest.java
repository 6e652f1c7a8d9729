package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final TimeWindow window = TimeWindow.around(now, 30, 365);

    @Test
    void spansPastAndFutureDays() {
        assertThat(window.start()).isEqualTo(Instant.parse("2026-10-27T12:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2027-11-26T12:00:00Z"));
    }

    @Test
    void overlapIsHalfOpen() {
        assertThat(window.overlaps(window.end(), window.end().plusSeconds(60))).isFalse();
        assertThat(window.overlaps(window.start().minusSeconds(60), window.start())).isFalse();
        assertThat(window.overlaps(window.start().minusSeconds(60), window.start().plusSeconds(1))).isTrue();
        assertThat(window.overlaps(now, now)).isTrue();
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new TimeWindow(now, now)).hasMessageContaining("is not before");
    }
}
