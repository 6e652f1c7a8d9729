package com.calsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    /** Moved from CalDavClientTest with the parser. */
    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 12:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 11:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }

    /** Moved from FeedStoreTest with the feed store's copy of the parser. */
    @Test
    void retryAfterMayBeAnHttpDate() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 12:05:00 GMT", clock)).contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 11:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }

    /** What the feed store's own copy of the parser accepted as well. */
    @Test
    void noHeaderABlankOneOrPaddingAreHandledAsTheFeedStoreDid() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("  ", clock)).isEmpty();
        assertThat(RetryAfter.parse(" 30 ", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("-5", clock)).as("never negative").contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", clock)).as("too large to read").isEmpty();
    }
}
