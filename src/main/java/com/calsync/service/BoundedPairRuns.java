package com.calsync.service;

import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each pair's run on a thread of its own and waits for it at most the pair's run deadline
 * ({@code limits.run_timeout_minutes}), so one stuck pair never holds the worker the other pairs
 * wait for. A run past its deadline is cancelled (asked to stop between items, and interrupted,
 * which ends a network wait at once); what it wrote is kept, since every write is recorded as it
 * is made. Its report is a failure, so the pair backs off and is retried. An {@link Error} in a
 * run (an {@link OutOfMemoryError}) is caught, logged and reported as a failed run the same way.
 *
 * <p>A cancelled run that does not stop within {@code grace} is left to end on its own; the next
 * run of that pair waits for it (up to {@code grace}) rather than run beside it on the same state.
 */
final class BoundedPairRuns implements SyncScheduler.PairWork {
    private static final Logger log = LoggerFactory.getLogger(BoundedPairRuns.class);

    private final SyncScheduler.PairWork work;
    private final Function<String, Duration> deadlineOf;
    private final Duration grace;
    private final Clock clock;
    /** Runs that passed their deadline and had not stopped when last looked at, by pair. */
    private final Map<String, Thread> stillStopping = new ConcurrentHashMap<>();

    /**
     * @param deadlineOf each pair's run deadline
     * @param grace      how long a cancelled run gets to stop before it is left behind
     */
    BoundedPairRuns(SyncScheduler.PairWork work, Function<String, Duration> deadlineOf, Duration grace, Clock clock) {
        this.work = work;
        this.deadlineOf = deadlineOf;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public SyncReport run(String pair, BooleanSupplier cancelled) {
        Instant started = clock.instant();
        Thread previous = stillStopping.get(pair);
        if (previous != null) {
            if (!join(previous, grace)) {
                return failed(pair, started, "the previous run of " + pair + ", cancelled after its deadline, has not"
                        + " stopped yet; this run is skipped and tried again later");
            }
            stillStopping.remove(pair, previous);
        }
        Duration deadline = deadlineOf.apply(pair);
        AtomicBoolean overdue = new AtomicBoolean();
        FutureTask<SyncReport> task = new FutureTask<>(() -> work.run(pair, () -> overdue.get() || cancelled.getAsBoolean()));
        Thread thread = new Thread(task, "calsync-run-" + pair);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            overdue.set(true);
            thread.interrupt();
            if (!join(thread, grace)) {
                stillStopping.put(pair, thread);
                log.warn("{}: the cancelled run has not stopped within {} s; the next run of this pair waits for it",
                        pair, grace.toSeconds());
            }
            String why = "the run did not finish within " + minutes(deadline) + " (the limit \"run_timeout_minutes\" in"
                    + " config.json's \"limits\") and was cancelled; what it wrote is kept, the rest is retried next run."
                    + " Other pairs were not held up";
            log.error("{}: {}", pair, why);
            return failed(pair, started, why);
        } catch (ExecutionException e) {
            return crashed(pair, started, e.getCause());
        } catch (InterruptedException e) {
            overdue.set(true);
            thread.interrupt();
            Thread.currentThread().interrupt();
            return failed(pair, started, "the run was interrupted (CalSync is stopping)");
        }
    }

    private SyncReport crashed(String pair, Instant started, Throwable cause) {
        if (cause instanceof OutOfMemoryError) {
            log.error("{}: the run ran out of memory and was stopped; CalSync goes on with the other pairs", pair, cause);
            return failed(pair, started, "the run ran out of memory (" + cause.getMessage() + "); it is retried later."
                    + " Lower \"max_response_mb\" in config.json's \"limits\", or give CalSync more memory"
                    + " (CALSYNC_DAEMON_JAVA_OPTS=-Xmx1g)");
        }
        log.error("{}: the run failed unexpectedly", pair, cause);
        return failed(pair, started, "unexpected error: " + cause);
    }

    private static SyncReport failed(String pair, Instant started, String why) {
        return SyncReport.failed(pair, SyncMode.MIRROR, false, started, why);
    }

    private static boolean join(Thread thread, Duration wait) {
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static String minutes(Duration d) {
        return d.toMinutes() >= 1 && d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
    }
}
