package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's worker under a stuck or crashing pair: deadlines and Errors are asserted by what
 * the runs report and what the scheduler does next, never by how fast anything was.
 */
class BoundedPairRunsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration SHORT = Duration.ofMillis(300);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static SyncReport ok(String pair) {
        return new SyncReport(pair, SyncMode.MIRROR, false, CLOCK.instant(), 1, SyncOutcome.OK, List.of(), List.of(),
                List.of(), null, List.of(), null, Map.of(), Map.of());
    }

    private SyncScheduler scheduler(SyncScheduler.PairWork work, List<String> pairs) {
        SyncScheduler s = new SyncScheduler(CLOCK, System::nanoTime, worker, work, new SyncScheduler.Listener() {
            @Override
            public void runStarted(String pair) {
            }

            @Override
            public void runFinished(String pair, SyncReport report) {
            }

            @Override
            public void scheduleChanged() {
            }
        }, SyncScheduler.Timing.DEFAULT);
        s.setPairs(pairs.stream().map(p -> new SyncScheduler.PairPlan(p, Duration.ofMinutes(30))).toList());
        return s;
    }

    private static Optional<SyncScheduler.PairSchedule> of(SyncScheduler s, String pair) {
        return s.schedule().stream().filter(p -> p.name().equals(pair)).findFirst();
    }

    @Test
    void aRunPastItsDeadlineIsCancelledAndTheOtherPairsStillRun() throws Exception {
        AtomicBoolean sawCancel = new AtomicBoolean();
        SyncScheduler.PairWork work = (pair, cancelled) -> {
            if (pair.equals("stuck")) {
                try {
                    new CountDownLatch(1).await(); // a network read that never ends
                } catch (InterruptedException e) {
                    sawCancel.set(cancelled.getAsBoolean());
                }
            }
            return ok(pair);
        };
        SyncScheduler s = scheduler(new BoundedPairRuns(work, pair -> SHORT, Duration.ofSeconds(10), CLOCK),
                List.of("stuck", "fine"));

        List<SyncReport> reports = s.syncNow(Optional.empty()).get(60, TimeUnit.SECONDS);

        assertThat(reports).extracting(SyncReport::pair).containsExactly("stuck", "fine");
        assertThat(reports.get(0).outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(reports.get(0).failure()).contains("did not finish within 300 ms", "run_timeout_minutes",
                "Other pairs were not held up");
        assertThat(reports.get(1).outcome()).as("the pair after the stuck one ran").isEqualTo(SyncOutcome.OK);
        assertThat(sawCancel).as("the stuck run was interrupted and told it is cancelled").isTrue();
        assertThat(of(s, "stuck").orElseThrow().running()).isFalse();
        assertThat(of(s, "stuck").orElseThrow().consecutiveFailures()).as("counted as failed, so retried with backoff")
                .isEqualTo(1);
    }

    @Test
    void aRunThatIgnoresCancellationIsLeftBehindAndTheNextRunOfThatPairWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        SyncScheduler.PairWork work = (pair, cancelled) -> {
            if (runs.incrementAndGet() == 1) {
                while (release.getCount() > 0) { // deaf to interrupts and to the cancel flag
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // keeps going, as CPU-bound code would
                    }
                }
            }
            return ok(pair);
        };
        BoundedPairRuns runs2 = new BoundedPairRuns(work, pair -> SHORT, Duration.ofMillis(200), CLOCK);

        SyncReport first = runs2.run("deaf", () -> false);
        SyncReport second = runs2.run("deaf", () -> false);
        release.countDown();
        SyncReport third = runs2.run("deaf", () -> false);

        assertThat(first.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(second.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(second.failure()).contains("has not stopped yet");
        assertThat(runs).as("no second run beside the first on the same state").hasValue(2);
        assertThat(third.outcome()).isEqualTo(SyncOutcome.OK);
    }

    @Test
    void anOutOfMemoryErrorIsAFailedRunThatIsRetriedAndTheServiceGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SyncScheduler.PairWork work = (pair, cancelled) -> {
            if (pair.equals("big") && calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            return ok(pair);
        };
        SyncScheduler s = scheduler(new BoundedPairRuns(work, pair -> Duration.ofMinutes(30), Duration.ofSeconds(1), CLOCK),
                List.of("big", "small"));

        List<SyncReport> first = s.syncNow(Optional.empty()).get(60, TimeUnit.SECONDS);
        assertThat(first.get(0).outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(first.get(0).failure()).contains("ran out of memory", "max_response_mb");
        assertThat(first.get(1).outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(of(s, "big").orElseThrow().running()).as("not 'syncing now' for ever").isFalse();
        assertThat(of(s, "big").orElseThrow().consecutiveFailures()).isEqualTo(1);

        List<SyncReport> retry = s.syncNow(Optional.of("big")).get(60, TimeUnit.SECONDS);
        assertThat(retry.get(0).outcome()).isEqualTo(SyncOutcome.OK);
    }

    @Test
    void theSchedulerItselfSurvivesAnErrorFromWorkThatIsNotBounded() throws Exception {
        SyncScheduler s = scheduler((pair, cancelled) -> {
            throw new StackOverflowError();
        }, List.of("deep"));

        List<SyncReport> reports = s.syncNow(Optional.empty()).get(60, TimeUnit.SECONDS);

        assertThat(reports.get(0).outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(of(s, "deep").orElseThrow().running()).isFalse();
        assertThat(of(s, "deep").orElseThrow().consecutiveFailures()).isEqualTo(1);
    }
}
