package com.calsync.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or process does, polling on the monotonic clock (never
 * the wall clock, which a test may move), and fails naming what it waited for.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with "timed out after T s waiting: WHAT" otherwise. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting: " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Like {@link #until(String, Duration, BooleanSupplier)}, answering whether it held instead of failing. */
    public static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
