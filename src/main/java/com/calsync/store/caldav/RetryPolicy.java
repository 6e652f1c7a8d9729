package com.calsync.store.caldav;

import java.time.Duration;

/**
 * How the CalDAV client retries requests that are safe to repeat.
 *
 * @param maxAttempts    attempts in all, including the first
 * @param initialBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff     cap on one wait
 * @param maxRetryAfter  a server's Retry-After longer than this is not waited for: the request
 *                       fails with {@link com.calsync.store.StoreUnavailableException} instead
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
