package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
    private static final Duration STEADY = Duration.ofMillis(20);

    private static void complete(AdaptiveConcurrency window, int times, Duration latency) {
        for (int i = 0; i < times; i++) {
            window.completed(latency);
        }
    }

    @Test
    void startsAtTwoAndGrowsByOneAfterSteadyRoundsUpToTheCap() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        assertThat(window.limit()).isEqualTo(2);

        complete(window, AdaptiveConcurrency.STEADY_ROUNDS * 2 - 1, STEADY);
        assertThat(window.limit()).isEqualTo(2);
        complete(window, 1, STEADY);
        assertThat(window.limit()).isEqualTo(3);
        complete(window, AdaptiveConcurrency.STEADY_ROUNDS * 3, STEADY);
        assertThat(window.limit()).isEqualTo(4);

        complete(window, 1000, STEADY);
        assertThat(window.limit()).as("never above the cap").isEqualTo(4);
    }

    @Test
    void aCapOfOneTurnsItOffAndZeroIsRefused() {
        AdaptiveConcurrency one = new AdaptiveConcurrency(1);
        complete(one, 100, STEADY);
        assertThat(one.limit()).isEqualTo(1);
        assertThat(new AdaptiveConcurrency(3).limit()).isEqualTo(2);
        assertThatThrownBy(() -> new AdaptiveConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halvesWhenLatencyGrowsButNotBelowTwoAndNotAgainForTheWritesAlreadyInFlight() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        complete(window, 100, STEADY);
        assertThat(window.limit()).isEqualTo(4);

        Duration queued = STEADY.multipliedBy(3);
        int completions = 0;
        while (window.limit() == 4 && completions < 100) {
            window.completed(queued);
            completions++;
        }
        assertThat(window.limit()).isEqualTo(2);
        assertThat(completions).as("a moving average: one slow write does not cut").isGreaterThan(1);

        // the writes sent before the cut come back slow too; they do not cut again at once
        window.completed(queued);
        assertThat(window.limit()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            window.completed(queued);
            assertThat(window.limit()).as("latency alone never cuts below two: the second write is pipelined")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aServerThatIsSlowerAtTheFloorMakesThatTheNewNormalAndTheWindowGrowsAgain() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        complete(window, 10, STEADY);
        assertThat(window.limit()).isEqualTo(3);
        Duration slower = STEADY.multipliedBy(5);
        for (int i = 0; i < 40 && window.limit() > 2; i++) {
            window.completed(slower);
        }
        assertThat(window.limit()).isEqualTo(2);

        complete(window, 2 * AdaptiveConcurrency.STEADY_ROUNDS + 4, slower);
        assertThat(window.limit()).as("as slow at two: the slower latency is the new normal").isEqualTo(3);
    }

    @Test
    void afterABusyAnswerASlowerServerAtOneIsTheNewNormalToo() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        complete(window, 10, STEADY);
        window.busy(Optional.empty());
        complete(window, AdaptiveConcurrency.STEADY_ROUNDS, STEADY.multipliedBy(5));
        assertThat(window.limit()).isEqualTo(2);
    }

    @Test
    void aBusyAnswerDropsToOneAndAsksToWaitItsRetryAfter() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        complete(window, 100, STEADY);

        assertThat(window.busy(Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(window.limit()).isEqualTo(1);
        assertThat(window.busy(Optional.empty())).isEqualTo(Duration.ZERO);

        complete(window, AdaptiveConcurrency.STEADY_ROUNDS + AdaptiveConcurrency.WARM_UP + 2, STEADY);
        assertThat(window.limit()).as("grows again once the server keeps up").isEqualTo(2);
    }

    @Test
    void aFailedWriteHalves() {
        AdaptiveConcurrency window = new AdaptiveConcurrency(4);
        complete(window, 100, STEADY);
        window.failed();
        assertThat(window.limit()).isEqualTo(2);
        window.failed();
        assertThat(window.limit()).as("the writes in flight at the cut fail too: no second cut for them").isEqualTo(2);
        complete(window, 3, STEADY);
        window.failed();
        assertThat(window.limit()).isEqualTo(1);
        window.failed();
        assertThat(window.limit()).isEqualTo(1);
    }
}
