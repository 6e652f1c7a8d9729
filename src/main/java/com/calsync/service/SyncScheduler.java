package com.calsync.service;

import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when each pair syncs. One scheduler thread owns the timing ({@link #tick()}); the runs
 * themselves go to a worker {@link Executor} (one thread in the service) so pause, "sync now" and
 * status stay responsive while a run takes minutes.
 *
 * <p>Rules: each pair runs every {@code interval}; the first run comes {@code firstRunDelay}
 * after the pair appears; a pair never has two runs in flight; a failed run (outcome FAILED)
 * delays the pair's next run to interval × 2^(failures−1), capped at {@code maxBackoff} (never
 * below the interval), and a run that does not fail resets it; pause stops scheduled runs
 * (explicit "sync now" still runs) and resume runs what fell due meanwhile.
 *
 * <p>Timing uses the monotonic ticker, which does not move while the machine sleeps. A tick that
 * sees the wall clock advanced {@code wakeJump} more than the ticker treats it as a wake-up from
 * sleep and makes every pair due at once, instead of waiting out the rest of the interval.
 *
 * <p>Tests drive it without threads: inject a clock and ticker, a manual executor, and call
 * {@link #tick()}.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    /** A pair as the scheduler sees it: its name and how often it runs. */
    public record PairPlan(String name, Duration interval) {
    }

    /**
     * The scheduler's timing rules.
     *
     * @param firstRunDelay how long after start (or after a pair is added) its first run comes
     * @param maxBackoff    the longest a failing pair waits between runs (unless its interval is longer)
     * @param wakeJump      wall-clock advance beyond the ticker's that counts as a wake from sleep
     * @param maxWait       the longest the scheduler thread sleeps between ticks (bounds wake detection delay)
     */
    public record Timing(Duration firstRunDelay, Duration maxBackoff, Duration wakeJump, Duration maxWait) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(3), Duration.ofHours(4),
                Duration.ofSeconds(60), Duration.ofSeconds(15));
    }

    /** Runs one pair once; {@code cancelled} turns true when the run should stop between items. */
    @FunctionalInterface
    public interface PairWork {
        SyncReport run(String pair, BooleanSupplier cancelled);
    }

    /** Hears about runs and schedule changes; called on the worker thread or the caller's. */
    public interface Listener {
        void runStarted(String pair);

        void runFinished(String pair, SyncReport report);

        /** Pause, resume, a new pair, a changed next run: anything a status display shows. */
        void scheduleChanged();
    }

    /**
     * One pair's schedule at a moment.
     *
     * @param nextRun             when it runs next (now or past when due; held while paused)
     * @param running             a run is queued or in progress
     * @param consecutiveFailures failed runs in a row (backoff grows with it)
     */
    public record PairSchedule(String name, Duration interval, Instant nextRun, boolean running, int consecutiveFailures) {
    }

    private static final class PairState {
        final String name;
        Duration interval;
        long dueNanos;
        boolean inFlight;
        boolean runAgain;
        int failures;
        final List<CompletableFuture<SyncReport>> waiting = new ArrayList<>();
        final List<CompletableFuture<SyncReport>> waitingNext = new ArrayList<>();

        PairState(String name, Duration interval, long dueNanos) {
            this.name = name;
            this.interval = interval;
            this.dueNanos = dueNanos;
        }
    }

    private final Clock wall;
    private final LongSupplier ticker;
    private final Executor worker;
    private final PairWork work;
    private final Listener listener;
    private final Timing timing;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, PairState> pairs = new LinkedHashMap<>();
    private boolean paused;
    private boolean stopping;
    private AtomicBoolean currentCancel = new AtomicBoolean();
    private String currentPair;
    private long lastTickWallMs;
    private long lastTickNanos;
    private Thread thread;
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private int inFlight;

    /**
     * @param wall   the wall clock (what status shows, and half of wake detection)
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} in production)
     * @param worker where runs execute; one thread keeps runs from competing for the network
     */
    public SyncScheduler(Clock wall, LongSupplier ticker, Executor worker, PairWork work, Listener listener, Timing timing) {
        this.wall = wall;
        this.ticker = ticker;
        this.worker = worker;
        this.work = work;
        this.listener = listener;
        this.timing = timing;
        this.lastTickWallMs = wall.millis();
        this.lastTickNanos = ticker.getAsLong();
    }

    /**
     * Replaces the pairs (on start and when the config changes). Pairs kept by name keep their
     * schedule and failures; a changed interval counts from now; new pairs run after the first-run delay.
     */
    public void setPairs(List<PairPlan> plans) {
        lock.lock();
        try {
            long now = ticker.getAsLong();
            Map<String, PairState> old = new LinkedHashMap<>(pairs);
            pairs.clear();
            for (PairPlan plan : plans) {
                PairState state = old.remove(plan.name());
                if (state == null) {
                    state = new PairState(plan.name(), plan.interval(), now + timing.firstRunDelay().toNanos());
                } else if (!state.interval.equals(plan.interval())) {
                    state.interval = plan.interval();
                    state.dueNanos = Math.min(state.dueNanos, now + delayAfter(state).toNanos());
                }
                pairs.put(plan.name(), state);
            }
            for (PairState removed : old.values()) {
                failWaiters(removed, "pair " + removed.name + " was removed from the config");
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listener.scheduleChanged();
    }

    /**
     * Runs one pair (or all, when {@code pair} is empty) as soon as the worker is free, paused or
     * not. A pair already running runs once more after its current run.
     *
     * @return the reports of the runs this request caused, in pair order
     * @throws IllegalArgumentException when no pair has that name
     */
    public CompletableFuture<List<SyncReport>> syncNow(Optional<String> pair) {
        List<CompletableFuture<SyncReport>> futures = new ArrayList<>();
        lock.lock();
        try {
            if (stopping) {
                return CompletableFuture.failedFuture(new IllegalStateException("CalSync is stopping"));
            }
            List<PairState> chosen = new ArrayList<>();
            if (pair.isPresent()) {
                PairState state = pairs.get(pair.get());
                if (state == null) {
                    throw new IllegalArgumentException("no pair named \"" + pair.get() + "\"; pairs: "
                            + String.join(", ", pairs.keySet()));
                }
                chosen.add(state);
            } else {
                chosen.addAll(pairs.values());
            }
            long now = ticker.getAsLong();
            for (PairState state : chosen) {
                CompletableFuture<SyncReport> f = new CompletableFuture<>();
                futures.add(f);
                if (state.inFlight) {
                    state.runAgain = true;
                    state.waitingNext.add(f);
                } else {
                    state.dueNanos = now;
                    state.waiting.add(f);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        tick();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** Stops scheduled runs; a run in progress finishes. */
    public void pause() {
        setPaused(true);
    }

    /** Scheduled runs start again; pairs that fell due while paused run now. */
    public void resume() {
        setPaused(false);
        tick();
    }

    public boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    private void setPaused(boolean value) {
        lock.lock();
        try {
            if (paused == value) {
                return;
            }
            paused = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        log.info(value ? "paused: no scheduled syncs until resumed" : "resumed");
        listener.scheduleChanged();
    }

    /** Asks the run in progress to stop after its current item. @return the pair that was running, if any */
    public Optional<String> cancelCurrent() {
        lock.lock();
        try {
            if (currentPair != null) {
                currentCancel.set(true);
            }
            return Optional.ofNullable(currentPair);
        } finally {
            lock.unlock();
        }
    }

    /** The pair whose run is in progress, if any. */
    public Optional<String> currentPair() {
        lock.lock();
        try {
            return Optional.ofNullable(currentPair);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One scheduling step: detects a wake from sleep, then hands every due pair that is not already
     * in flight to the worker. Safe to call from any thread, any number of times.
     */
    public void tick() {
        List<PairState> toRun = new ArrayList<>();
        boolean woke = false;
        lock.lock();
        try {
            if (stopping) {
                return;
            }
            long nowNanos = ticker.getAsLong();
            long nowWallMs = wall.millis();
            long wallAdvance = nowWallMs - lastTickWallMs;
            long tickerAdvanceMs = (nowNanos - lastTickNanos) / 1_000_000;
            lastTickWallMs = nowWallMs;
            lastTickNanos = nowNanos;
            if (wallAdvance - tickerAdvanceMs > timing.wakeJump().toMillis()) {
                woke = true;
                log.info("the clock moved {} s further than the process ran (woke from sleep?): syncing every pair now",
                        (wallAdvance - tickerAdvanceMs) / 1000);
                for (PairState s : pairs.values()) {
                    s.dueNanos = Math.min(s.dueNanos, nowNanos);
                }
            }
            for (PairState s : pairs.values()) {
                boolean requested = !s.waiting.isEmpty();
                if (!s.inFlight && nowNanos - s.dueNanos >= 0 && (!paused || requested)) {
                    s.inFlight = true;
                    inFlight++;
                    toRun.add(s);
                }
            }
        } finally {
            lock.unlock();
        }
        for (PairState s : toRun) {
            worker.execute(() -> runOne(s));
        }
        if (woke || !toRun.isEmpty()) {
            listener.scheduleChanged();
        }
    }

    private void runOne(PairState state) {
        List<CompletableFuture<SyncReport>> waiters;
        AtomicBoolean cancel = new AtomicBoolean();
        lock.lock();
        try {
            if (stopping) {
                finishInFlight(state);
                failWaiters(state, "CalSync stopped before the run started");
                return;
            }
            currentPair = state.name;
            currentCancel = cancel;
            waiters = new ArrayList<>(state.waiting);
            state.waiting.clear();
        } finally {
            lock.unlock();
        }
        listener.runStarted(state.name);
        SyncReport report;
        try {
            report = work.run(state.name, cancel::get);
        } catch (RuntimeException | Error e) {
            // An Error too (OutOfMemoryError): otherwise the pair would stay "running" for good and
            // never count as failed. The run is a failure like any other and is retried.
            log.error("{}: the run failed unexpectedly", state.name, e);
            report = SyncReport.failed(state.name, com.calsync.sync.SyncMode.MIRROR, false, wall.instant(),
                    "unexpected error: " + e);
        }
        lock.lock();
        try {
            currentPair = null;
            long now = ticker.getAsLong();
            if (report.outcome() == SyncOutcome.FAILED) {
                state.failures++;
            } else {
                state.failures = 0;
            }
            state.dueNanos = now + delayAfter(state).toNanos();
            if (state.runAgain) {
                state.runAgain = false;
                state.dueNanos = now;
                state.waiting.addAll(state.waitingNext);
                state.waitingNext.clear();
            }
            finishInFlight(state);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listener.runFinished(state.name, report);
        for (CompletableFuture<SyncReport> f : waiters) {
            f.complete(report);
        }
        tick();
    }

    private void finishInFlight(PairState state) {
        state.inFlight = false;
        inFlight--;
        if (stopping && inFlight == 0) {
            idle.complete(null);
        }
    }

    /** The wait before a pair's next run: its interval, or the backoff after failures. */
    private Duration delayAfter(PairState state) {
        if (state.failures == 0) {
            return state.interval;
        }
        Duration cap = timing.maxBackoff().compareTo(state.interval) > 0 ? timing.maxBackoff() : state.interval;
        int shift = Math.min(state.failures - 1, 20);
        Duration backoff = state.interval.multipliedBy(1L << shift);
        return backoff.compareTo(cap) > 0 ? cap : backoff;
    }

    /** Every pair's schedule, in config order. */
    public List<PairSchedule> schedule() {
        lock.lock();
        try {
            long nowNanos = ticker.getAsLong();
            Instant nowWall = wall.instant();
            List<PairSchedule> out = new ArrayList<>();
            for (PairState s : pairs.values()) {
                Instant next = nowWall.plusNanos(s.dueNanos - nowNanos);
                out.add(new PairSchedule(s.name, s.interval, s.inFlight ? nowWall : next, s.inFlight, s.failures));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** How long until something is due, capped at {@link Timing#maxWait()}; zero when something is due now. */
    Duration untilNextDue() {
        lock.lock();
        try {
            long now = ticker.getAsLong();
            long wait = timing.maxWait().toNanos();
            for (PairState s : pairs.values()) {
                if (!s.inFlight && (!paused || !s.waiting.isEmpty())) {
                    wait = Math.min(wait, Math.max(0, s.dueNanos - now));
                }
            }
            return Duration.ofNanos(wait);
        } finally {
            lock.unlock();
        }
    }

    /** Starts the scheduler thread, which ticks whenever something falls due (and at least every maxWait). */
    public void start() {
        thread = new Thread(this::loop, "calsync-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (true) {
            tick();
            lock.lock();
            try {
                if (stopping) {
                    return;
                }
                long wait = untilNextDue().toNanos();
                if (wait > 0) {
                    changed.awaitNanos(Math.max(wait, 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Stops scheduling, asks the run in progress to stop after its current item and waits up to
     * {@code grace} for it. Queued runs are dropped; their waiters fail.
     *
     * @return true when no run was left in progress
     */
    public boolean stop(Duration grace) {
        lock.lock();
        try {
            stopping = true;
            currentCancel.set(true);
            if (inFlight == 0) {
                idle.complete(null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            idle.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("the run of {} did not stop within {} s", currentPair().orElse("?"), grace.toSeconds());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        } finally {
            lock.lock();
            try {
                pairs.values().forEach(s -> failWaiters(s, "CalSync stopped"));
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static void failWaiters(PairState s, String why) {
        IllegalStateException e = new IllegalStateException(why);
        s.waiting.forEach(f -> f.completeExceptionally(e));
        s.waitingNext.forEach(f -> f.completeExceptionally(e));
        s.waiting.clear();
        s.waitingNext.clear();
    }
}
