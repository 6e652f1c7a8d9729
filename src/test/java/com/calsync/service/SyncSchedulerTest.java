package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
    private static final Duration FIRST = SyncScheduler.Timing.DEFAULT.firstRunDelay();

    /** Wall clock and monotonic ticker moved by hand; they move together unless a test "sleeps" the machine. */
    private static final class Time extends Clock {
        Instant wall = Instant.parse("2026-11-26T12:00:00Z");
        long nanos = 1_000_000_000L;

        void advance(Duration d) {
            wall = wall.plus(d);
            nanos += d.toNanos();
        }

        /** The machine slept: the wall clock moved, the monotonic ticker did not. */
        void sleepMachine(Duration d) {
            wall = wall.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return wall;
        }
    }

    /** Holds handed-over runs until the test lets them go, so "in progress" is a state a test can inspect. */
    private static final class ManualWorker implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final Time time = new Time();
    private final ManualWorker worker = new ManualWorker();
    private final List<String> ran = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> events = new ArrayList<>();

    private final SyncScheduler.PairWork work = (pair, cancelled) -> {
        ran.add(pair);
        return report(pair, failing.contains(pair) ? SyncOutcome.FAILED : SyncOutcome.OK);
    };

    private SyncScheduler scheduler(SyncScheduler.PairWork w) {
        return new SyncScheduler(time, () -> time.nanos, worker, w, new SyncScheduler.Listener() {
            @Override
            public void runStarted(String pair) {
                events.add("start " + pair);
            }

            @Override
            public void runFinished(String pair, SyncReport report) {
                events.add("end " + pair + " " + report.outcome().label());
            }

            @Override
            public void scheduleChanged() {
            }
        }, SyncScheduler.Timing.DEFAULT);
    }

    private static SyncReport report(String pair, SyncOutcome outcome) {
        return new SyncReport(pair, SyncMode.MIRROR, false, Instant.EPOCH, 5, outcome, List.of(), List.of(), List.of(),
                null, List.of(), outcome == SyncOutcome.FAILED ? "server down" : null, Map.of(), Map.of());
    }

    private static SyncScheduler.PairPlan plan(String name, int minutes) {
        return new SyncScheduler.PairPlan(name, Duration.ofMinutes(minutes));
    }

    /** Moves time by {@code d}, ticks, and lets the worker run what was handed over. */
    private void step(SyncScheduler s, Duration d) {
        time.advance(d);
        s.tick();
        worker.runAll();
    }

    @Test
    void firstRunComesShortlyAfterStartThenEachPairOnItsOwnInterval() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 10), plan("b", 25)));

        step(s, FIRST.minusMillis(1));
        assertThat(ran).isEmpty();
        step(s, Duration.ofMillis(1));
        assertThat(ran).containsExactly("a", "b");

        ran.clear();
        for (int minute = 1; minute <= 50; minute++) {
            step(s, Duration.ofMinutes(1));
        }
        // a at 10, 20, 30, 40, 50; b at 25, 50
        assertThat(ran).filteredOn("a"::equals).hasSize(5);
        assertThat(ran).filteredOn("b"::equals).hasSize(2);
    }

    @Test
    void aPairIsNeverHandedOverTwiceWhileItsRunIsInFlight() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 1)));
        time.advance(FIRST);
        s.tick();
        assertThat(worker.queue).hasSize(1);

        // the run takes far longer than the interval: ticks must not queue another one
        for (int i = 0; i < 5; i++) {
            time.advance(Duration.ofMinutes(1));
            s.tick();
        }
        assertThat(worker.queue).hasSize(1);
        assertThat(s.schedule().get(0).running()).isTrue();

        worker.runAll();
        assertThat(ran).containsExactly("a");
        // the next run counts from the end of the last one
        assertThat(s.schedule().get(0).nextRun()).isEqualTo(time.wall.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFailingPairBacksOffExponentiallyUpToTheCapWithoutHoldingUpTheOthers() {
        List<Instant> badRuns = new ArrayList<>();
        SyncScheduler s = scheduler((pair, cancelled) -> {
            ran.add(pair);
            if (pair.equals("bad")) {
                badRuns.add(time.wall);
            }
            return report(pair, failing.contains(pair) ? SyncOutcome.FAILED : SyncOutcome.OK);
        });
        s.setPairs(List.of(plan("bad", 30), plan("good", 30)));
        failing.add("bad");
        step(s, FIRST);
        // 30+60+120+240+240+240 minutes: six more failed runs
        for (int minute = 0; minute < 930; minute++) {
            step(s, Duration.ofMinutes(1));
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < badRuns.size(); i++) {
            gaps.add(Duration.between(badRuns.get(i - 1), badRuns.get(i)));
        }
        assertThat(gaps).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120),
                Duration.ofMinutes(240), Duration.ofMinutes(240), Duration.ofMinutes(240));
        assertThat(s.schedule().get(0).consecutiveFailures()).isEqualTo(7);
        // the good pair kept its 30-minute rhythm
        assertThat(ran).filteredOn("good"::equals).hasSize(1 + 930 / 30);

        failing.clear();
        step(s, Duration.between(time.wall, s.schedule().get(0).nextRun()));
        assertThat(s.schedule().get(0).consecutiveFailures()).isZero();
        assertThat(Duration.between(time.wall, s.schedule().get(0).nextRun())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pauseHoldsScheduledRunsSyncNowStillRunsAndResumeCatchesUp() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 10), plan("b", 10)));
        s.pause();
        step(s, Duration.ofMinutes(30));
        assertThat(ran).isEmpty();

        CompletableFuture<List<SyncReport>> now = s.syncNow(Optional.of("b"));
        worker.runAll();
        assertThat(ran).containsExactly("b");
        assertThat(now).isCompleted();
        assertThat(now.join()).extracting(SyncReport::pair).containsExactly("b");

        s.resume();
        worker.runAll();
        assertThat(ran).containsExactly("b", "a");
    }

    @Test
    void wakingFromSleepRunsEveryPairAtOnce() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 180)));
        step(s, FIRST);
        ran.clear();

        step(s, Duration.ofMinutes(20));
        assertThat(ran).isEmpty();

        // two hours asleep: the monotonic ticker (what intervals use) did not move
        time.sleepMachine(Duration.ofHours(2));
        step(s, Duration.ofSeconds(1));
        assertThat(ran).containsExactly("a");
        assertThat(events).contains("end a ok");
    }

    @Test
    void aSmallClockAdjustmentIsNotTakenForAWake() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 180)));
        step(s, FIRST);
        ran.clear();
        time.sleepMachine(Duration.ofSeconds(30)); // NTP nudging the clock
        step(s, Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
    }

    @Test
    void syncNowDuringARunRunsThePairOnceMoreAfterIt() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 30)));
        time.advance(FIRST);
        s.tick();
        assertThat(worker.queue).hasSize(1); // in flight, not yet run

        CompletableFuture<List<SyncReport>> now = s.syncNow(Optional.empty());
        assertThat(worker.queue).hasSize(1);
        worker.runAll();
        assertThat(ran).containsExactly("a", "a");
        assertThat(now).isCompleted();
    }

    @Test
    void syncNowOfAnUnknownPairNamesTheKnownOnes() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 30), plan("b", 30)));
        assertThatThrownBy(() -> s.syncNow(Optional.of("c"))).hasMessageContaining("no pair named \"c\"")
                .hasMessageContaining("a, b");
    }

    @Test
    void cancelReachesTheRunInProgress() {
        List<Boolean> seen = new ArrayList<>();
        SyncScheduler[] self = new SyncScheduler[1];
        SyncScheduler s = scheduler((pair, cancelled) -> {
            seen.add(cancelled.getAsBoolean());
            assertThat(self[0].cancelCurrent()).contains(pair);
            seen.add(cancelled.getAsBoolean());
            return report(pair, SyncOutcome.OK);
        });
        self[0] = s;
        s.setPairs(List.of(plan("a", 30)));
        step(s, FIRST);
        assertThat(seen).containsExactly(false, true);
        assertThat(s.cancelCurrent()).isEmpty();
    }

    @Test
    void configChangesKeepScheduleOfKeptPairsAndAddNewOnesAfterTheFirstRunDelay() {
        SyncScheduler s = scheduler(work);
        s.setPairs(List.of(plan("a", 30)));
        step(s, FIRST);
        Instant aNext = s.schedule().get(0).nextRun();

        step(s, Duration.ofMinutes(5));
        s.setPairs(List.of(plan("a", 30), plan("new", 30)));
        assertThat(s.schedule()).extracting(SyncScheduler.PairSchedule::nextRun)
                .containsExactly(aNext, time.wall.plus(FIRST));

        s.setPairs(List.of(plan("a", 10), plan("new", 30)));
        // a shorter interval counts from now, as it would after a run
        assertThat(s.schedule().get(0).nextRun()).isEqualTo(time.wall.plus(Duration.ofMinutes(10)));
    }

    @Test
    void stopCancelsTheRunInProgressAndWaitsForIt() throws Exception {
        ExecutorService realWorker = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        List<Boolean> stoppedCleanly = new ArrayList<>();
        try {
            SyncScheduler s = new SyncScheduler(Clock.systemUTC(), System::nanoTime, realWorker, (pair, cancelled) -> {
                started.countDown();
                while (!cancelled.getAsBoolean()) {
                    Thread.onSpinWait();
                }
                stoppedCleanly.add(true);
                return report(pair, SyncOutcome.OK);
            }, new SyncScheduler.Listener() {
                @Override
                public void runStarted(String pair) {
                }

                @Override
                public void runFinished(String pair, SyncReport report) {
                }

                @Override
                public void scheduleChanged() {
                }
            }, new SyncScheduler.Timing(Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1)));
            s.setPairs(List.of(plan("a", 30)));
            s.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(s.stop(Duration.ofSeconds(10))).isTrue();
            assertThat(stoppedCleanly).containsExactly(true);
            assertThat(s.syncNow(Optional.empty())).isCompletedExceptionally();
        } finally {
            realWorker.shutdownNow();
        }
    }

    @Test
    void aRunThatThrowsCountsAsAFailureAndTheSchedulerCarriesOn() {
        SyncScheduler s = scheduler((pair, cancelled) -> {
            throw new IllegalStateException("boom");
        });
        s.setPairs(List.of(plan("a", 30)));
        step(s, FIRST);
        assertThat(events).containsExactly("start a", "end a failed");
        assertThat(s.schedule().get(0).consecutiveFailures()).isEqualTo(1);
        assertThat(s.schedule().get(0).running()).isFalse();
    }
}
