package com.calsync.sync;

import com.calsync.store.BusyAnswers;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRejectedException;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to one store, several at once: the store calls run on a few threads, and their results
 * come back (through {@link #next()}) in the order they were sent, so the caller books each one
 * in the state database and journal from its own thread, exactly as if they had been made one
 * after the other. How many may be in flight is {@link AdaptiveConcurrency}'s call, fed with each
 * write's latency and the store's busy answers.
 *
 * @param <P> what the caller needs to book a write once it is done
 */
final class WriteWindow<P> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteWindow.class);

    /** Waits before new writes are sent; tests record instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis());

        void pause(Duration duration) throws InterruptedException;
    }

    /** A write that is done: what the caller gave, and the store's answer or its failure. */
    record Landed<P>(P pending, Object result, RuntimeException failure) {
    }

    private record Flight<P>(P pending, Future<Outcome> outcome) {
    }

    private record Outcome(Object result, RuntimeException failure, long nanos) {
    }

    private final String pair;
    private final CalendarStore store;
    private final AdaptiveConcurrency rules;
    private final LongSupplier ticker;
    private final Pause pause;
    private final Deque<Flight<P>> flights = new ArrayDeque<>();
    private ExecutorService threads;
    private long busySeen;
    private Duration quietFor = Duration.ZERO;
    private int mostInFlight;
    private int sent;
    private long busyAnswers;

    /**
     * @param ticker nanoseconds of a monotonic clock ({@link System#nanoTime}), for latencies
     * @param pause  how to wait out a server's Retry-After
     */
    WriteWindow(String pair, CalendarStore store, AdaptiveConcurrency rules, LongSupplier ticker, Pause pause) {
        this.pair = pair;
        this.store = store;
        this.rules = rules;
        this.ticker = ticker;
        this.pause = pause;
        this.busySeen = store.busyAnswers().count();
    }

    /** Whether as many writes are in flight as now allowed: then {@link #next()} first. */
    boolean full() {
        return flights.size() >= rules.limit();
    }

    boolean isEmpty() {
        return flights.isEmpty();
    }

    /**
     * Sends a write (after waiting out a server's Retry-After, if one came since the last).
     *
     * @param write the store call; it must touch nothing but the store
     */
    void send(P pending, Supplier<?> write) {
        if (!quietFor.isZero()) {
            log.info("{}: {} asked to wait {} ms; sending no new writes until then", pair, store.describe(),
                    quietFor.toMillis());
            try {
                pause.pause(quietFor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("the sync was interrupted while waiting for " + store.describe()
                        + " to be ready again; nothing was lost, the next run goes on", null, e);
            }
            quietFor = Duration.ZERO;
        }
        if (threads == null) {
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newFixedThreadPool(rules.max(), r -> {
                Thread t = new Thread(r, "calsync-write-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        flights.add(new Flight<>(pending, threads.submit(() -> {
            long start = ticker.getAsLong();
            try {
                return new Outcome(write.get(), null, ticker.getAsLong() - start);
            } catch (RuntimeException e) {
                return new Outcome(null, e, ticker.getAsLong() - start);
            }
        })));
        sent++;
        mostInFlight = Math.max(mostInFlight, flights.size());
    }

    /** Waits for the oldest write in flight and tells the rules how it went. */
    Landed<P> next() {
        Flight<P> flight = flights.remove();
        Outcome outcome;
        try {
            outcome = flight.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome(null, new StoreUnavailableException("the sync was interrupted while writing to "
                    + store.describe() + "; the next run goes on", null, e), 0);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory and the like: as if the write had been made on this thread
            }
            throw new IllegalStateException("a write to " + store.describe() + " failed unexpectedly", e.getCause());
        }
        int before = rules.limit();
        BusyAnswers busy = store.busyAnswers();
        if (busy.count() > busySeen) {
            busyAnswers += busy.count() - busySeen;
            busySeen = busy.count();
            Duration wait = rules.busy(busy.lastRetryAfter());
            quietFor = wait.compareTo(quietFor) > 0 ? wait : quietFor;
            log.info("{}: {} answered busy (HTTP 429 or 503); sending one write at a time for now", pair,
                    store.describe());
        } else if (outcome.failure() != null && isLoad(outcome.failure())) {
            rules.failed();
        } else {
            rules.completed(Duration.ofNanos(outcome.nanos()));
        }
        if (rules.limit() != before) {
            log.debug("{}: writes in flight to {}: {} -> {}", pair, store.describe(), before, rules.limit());
        }
        return new Landed<>(flight.pending(), outcome.result(), outcome.failure());
    }

    /** A failure that may come from the server's load, not from the item. */
    private static boolean isLoad(RuntimeException failure) {
        if (failure instanceof PreconditionFailedException) {
            return false;
        }
        if (failure instanceof ItemRejectedException rejected) {
            return rejected.serverFault();
        }
        return failure instanceof StoreException;
    }

    /** Writes sent so far, the most in flight at once, the limit now, and busy answers seen. */
    String summary() {
        return sent + " writes, up to " + mostInFlight + " at once (" + rules.limit() + " at the end, at most "
                + rules.max() + ")" + (busyAnswers > 0 ? "; the server answered busy " + busyAnswers + " times" : "");
    }

    int mostInFlight() {
        return mostInFlight;
    }

    long busyAnswersSeen() {
        return busyAnswers;
    }

    /** Waits for the writes still in flight (their results are not booked) and stops the threads. */
    @Override
    public void close() {
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            // every store call has its own deadlines (limits.request_timeout_seconds, per attempt)
            while (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("{}: still waiting for writes to {} to finish", pair, store.describe());
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
