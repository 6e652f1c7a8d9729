package com.calsync.sync;

import java.time.Duration;

/**
 * How long an item that failed to be written waits before the next try: the first failure is
 * retried on the next run (most are passing: a connection hiccup, an edit in between), after
 * that 15 minutes, doubling each time, up to a day. Other items are never held up by it.
 */
final class ItemBackoff {
    static final Duration FIRST = Duration.ofMinutes(15);
    static final Duration MAX = Duration.ofDays(1);

    private ItemBackoff() {
    }

    /** The wait after the {@code failures}-th failure in a row. */
    static Duration after(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 2, 16);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
