package com.calsync.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The store cannot be reached or refuses service for now (network down, 5xx, 429). Nothing may
 * be concluded about its items; retry later, not before {@link #retryAfter()} when given.
 */
public class StoreUnavailableException extends StoreException {
    private final Duration retryAfter;

    public StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean concernsWholeStore() {
        return true;
    }
}
