package com.calsync.store.eventkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** A {@link Debouncer.Scheduler} whose tasks run only when the test says so: no waiting on the wall clock. */
final class ManualScheduler implements Debouncer.Scheduler {
    /** One scheduled action and the delay it asked for. */
    record Task(FutureTask<?> future, Duration delay) {}

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Future<?> schedule(Runnable action, Duration delay) {
        FutureTask<?> future = new FutureTask<>(action, null);
        tasks.add(new Task(future, delay));
        return future;
    }

    /** The tasks still due (not cancelled, not run). */
    synchronized List<Task> pending() {
        return tasks.stream().filter(t -> !t.future().isDone()).toList();
    }

    /** Runs every pending task, as if their delays had passed. */
    void runPending() {
        pending().forEach(t -> t.future().run());
    }
}
