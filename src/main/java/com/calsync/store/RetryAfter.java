package com.calsync.store;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP {@code Retry-After} header of a 429 or 503 answer (RFC 9110 §10.2.3): delta-seconds
 * or an HTTP date. Read the same way for CalDAV servers and feeds.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * @param value the header's value; null when the answer had none
     * @param clock "now", for a date
     * @return how long the server asks to wait (a date in the past: zero); empty when there is no
     *         header or it cannot be read
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
