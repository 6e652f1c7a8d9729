package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.store.BusyAnswers;
import com.calsync.store.ItemRejectedException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.memory.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteWindowTest {
    /** A store whose busy answers the test sets. */
    private static final class BusyStore extends ForwardingStore {
        volatile BusyAnswers busy = BusyAnswers.NONE;

        BusyStore() {
            super(new MemoryStore("busy"));
        }

        @Override
        public BusyAnswers busyAnswers() {
            return busy;
        }
    }

    private final BusyStore store = new BusyStore();
    private final List<Duration> pauses = new ArrayList<>();
    /** Every write takes "no time": the latency stays steady, so the window grows as far as it may. */
    private final WriteWindow<String> window = new WriteWindow<>("p", store, new AdaptiveConcurrency(4), () -> 0L,
            pauses::add);

    @AfterEach
    void tearDown() {
        window.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            // a guard against a hang, not a timing: the other write is sent at once
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other write ran meanwhile").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesLandInTheOrderTheyWereSentWhateverOrderTheyFinishIn() {
        CountDownLatch secondDone = new CountDownLatch(1);
        window.send("first", () -> {
            await(secondDone);
            return "first done";
        });
        window.send("second", () -> {
            secondDone.countDown();
            return "second done";
        });

        WriteWindow.Landed<String> first = window.next();
        WriteWindow.Landed<String> second = window.next();
        assertThat(first.pending()).isEqualTo("first");
        assertThat(first.result()).isEqualTo("first done");
        assertThat(second.pending()).isEqualTo("second");
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.mostInFlight()).isEqualTo(2);
    }

    @Test
    void neverMoreInFlightThanTheWindowAllowsAndNeverAboveTheCap() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Supplier<Object> write = () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            inside.decrementAndGet();
            return null;
        };
        List<String> landed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            while (window.full()) {
                landed.add(window.next().pending());
            }
            window.send("item " + i, write);
        }
        while (!window.isEmpty()) {
            landed.add(window.next().pending());
        }

        assertThat(landed).hasSize(200).startsWith("item 0", "item 1").endsWith("item 199");
        assertThat(most.get()).isLessThanOrEqualTo(4);
        assertThat(window.mostInFlight()).as("grown from 2 to the cap").isEqualTo(4);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aBusyAnswerDropsToOneWriteAndHoldsTheNextForItsRetryAfter() {
        for (int i = 0; i < 4; i++) {
            window.send("w" + i, () -> null);
            if (window.full()) {
                window.next();
            }
        }
        while (!window.isEmpty()) {
            window.next();
        }
        window.send("answered busy, then retried by the store", () -> {
            store.busy = new BusyAnswers(1, Optional.of(Duration.ofSeconds(7)));
            return "ok";
        });
        assertThat(window.next().failure()).isNull();
        assertThat(window.busyAnswersSeen()).isEqualTo(1);

        window.send("next", () -> "ok");
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        assertThat(window.full()).as("one at a time after a busy answer").isTrue();
        window.next();
        window.send("after that", () -> "ok");
        assertThat(pauses).as("waited once").hasSize(1);
    }

    @Test
    void aFailedWriteComesBackAsItsFailureAndALoadFailureHalvesTheWindow() {
        for (int i = 0; i < 40; i++) {
            while (window.full()) {
                window.next();
            }
            window.send("w" + i, () -> null);
        }
        while (!window.isEmpty()) {
            window.next();
        }
        window.send("refused", () -> {
            throw new ItemRejectedException("x.ics", 400, "bad", "refused");
        });
        assertThat(window.next().failure()).isInstanceOf(ItemRejectedException.class);
        assertThat(fill()).as("a refused item says nothing of the server's load").isEqualTo(4);
        while (!window.isEmpty()) {
            window.next();
        }

        window.send("unreachable", () -> {
            throw new StoreUnavailableException("gone", null, null);
        });
        assertThat(window.next().failure()).isInstanceOf(StoreUnavailableException.class);
        assertThat(fill()).as("halved from 4").isEqualTo(2);
    }

    /** Sends writes that wait until the window is full; returns how many it took. */
    private int fill() {
        CountDownLatch release = new CountDownLatch(1);
        int sent = 0;
        while (!window.full()) {
            window.send("fill", () -> {
                await(release);
                return null;
            });
            sent++;
        }
        release.countDown();
        return sent;
    }

    @Test
    void anErrorInAWriteIsRethrownAsItIs() {
        window.send("crash", () -> {
            throw new CrashingStore.SimulatedCrash();
        });
        assertThatThrownBy(window::next).isInstanceOf(CrashingStore.SimulatedCrash.class);
    }
}
