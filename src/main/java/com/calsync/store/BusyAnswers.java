package com.calsync.store;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a store's server has answered "busy" (HTTP 429 or 503) so far, and how long the last
 * such answer asked to wait (its Retry-After). The store retries those requests itself; this
 * lets the sync send fewer writes at once to a server that is struggling.
 *
 * @param count          busy answers so far, retried ones included
 * @param lastRetryAfter the Retry-After of the last busy answer, when it had one
 */
public record BusyAnswers(long count, Optional<Duration> lastRetryAfter) {
    /** A store that never answers busy (a local one). */
    public static final BusyAnswers NONE = new BusyAnswers(0, Optional.empty());
}
