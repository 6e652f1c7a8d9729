package com.calsync.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * How many writes to one store may be in flight at once, adjusted as they complete: it starts at
 * {@value #START} (or the cap, if lower), adds one after {@value #STEADY_ROUNDS} rounds of writes
 * whose latency stayed steady, up to the cap; it halves when the latency grows past
 * {@value #GROWTH}× the best seen (the server queues what it is sent), though not below
 * {@value #START} for that alone, and halves down to one when a write fails for the store's sake;
 * it drops to one when the server answers "busy" (429/503), pausing new writes for as long as its
 * Retry-After asks. The usual additive-increase / multiplicative-decrease rule, as TCP congestion
 * control has it (RFC 5681 §3.1).
 *
 * <p>Latency is a moving average (weight 1/4 for each new write), compared with the lowest
 * average seen: a server's latency when it is not kept waiting. Not thread-safe: the applier
 * feeds it from its one thread as writes are committed.
 */
final class AdaptiveConcurrency {
    static final int START = 2;
    /** Rounds (writes = the current limit) of steady latency before the limit grows by one. */
    static final int STEADY_ROUNDS = 4;
    /** Average latency above this many times the best average counts as growth. */
    static final double GROWTH = 2.0;
    /** Writes measured before latency growth is judged at all: the first ones set the best average. */
    static final int WARM_UP = 4;

    private final int max;
    /** The fewest writes in flight latency growth alone leads to: {@value #START}, or the cap if lower. */
    private final int floor;
    private int limit;
    private double average = -1;
    private double best = Double.MAX_VALUE;
    private int measured;
    private int steady;
    /** Writes to complete before the next cut: those in flight when it was made saw the old load. */
    private int cooldown;

    /** @param max the cap (1 turns concurrency off) */
    AdaptiveConcurrency(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one write must be allowed in flight: " + max);
        }
        this.max = max;
        this.floor = Math.min(START, max);
        this.limit = floor;
    }

    /** Writes allowed in flight now. */
    int limit() {
        return limit;
    }

    int max() {
        return max;
    }

    /** A write completed (whatever its item's fate) after {@code latency}. */
    void completed(Duration latency) {
        double nanos = Math.max(1, latency.toNanos());
        average = average < 0 ? nanos : average * 0.75 + nanos * 0.25;
        measured++;
        if (cooldown > 0) {
            cooldown--;
        }
        if (measured >= WARM_UP && average > best * GROWTH) {
            if (limit > floor) {
                if (cooldown == 0) {
                    cut(Math.max(floor, limit / 2));
                }
                return;
            }
            // At the floor and still slower: the new normal. A server that takes one request at a
            // time (Xandikos, Radicale's write lock) answers two in flight at twice the latency, yet
            // the second is on its way while the first is served: no more load, and no time lost.
            best = average;
        }
        best = Math.min(best, average);
        if (++steady >= STEADY_ROUNDS * limit && limit < max) {
            limit++;
            steady = 0;
        }
    }

    /**
     * The server answered busy (429/503) since the last write completed.
     *
     * @return how long to send nothing new: its Retry-After, else nothing
     */
    Duration busy(Optional<Duration> retryAfter) {
        cut(1);
        return retryAfter.filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    /** A write failed in a way that may be the server's load (a 5xx, a timeout): halve. */
    void failed() {
        if (cooldown == 0) {
            cut(Math.max(1, limit / 2));
        }
    }

    private void cut(int to) {
        limit = Math.min(limit, to);
        steady = 0;
        cooldown = limit + 1;
        // the load that made it slow is gone after the cut; judge again from the latency seen next
        average = -1;
        measured = Math.min(measured, WARM_UP - 1);
    }
}
