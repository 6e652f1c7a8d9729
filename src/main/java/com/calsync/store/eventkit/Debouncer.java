package com.calsync.store.eventkit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once, a quiet time after the last of a burst of triggers: EventKit posts a burst
 * of change notifications when an account syncs, and one sync run afterwards is enough.
 */
final class Debouncer implements AutoCloseable {
    /** Where the delayed action runs: a timer thread in the app, a queue the test drives by hand. */
    interface Scheduler extends AutoCloseable {
        Future<?> schedule(Runnable action, Duration delay);

        @Override
        default void close() {
        }

        /** A daemon timer thread of its own. */
        static Scheduler onThread(String name) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            return new Scheduler() {
                @Override
                public Future<?> schedule(Runnable action, Duration delay) {
                    return timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
                }

                @Override
                public void close() {
                    timer.shutdownNow();
                }
            };
        }
    }

    private final Duration quiet;
    private final Scheduler scheduler;
    private Future<?> pending; // guarded by this

    /** @param quiet how long no trigger must come before the action runs */
    Debouncer(Duration quiet, Scheduler scheduler) {
        this.quiet = quiet;
        this.scheduler = scheduler;
    }

    /** The action runs {@code quiet} from now, unless another trigger comes first and moves it. */
    synchronized void trigger(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(action, quiet);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
