package com.calsync.sync;

import static com.calsync.sync.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.Listing;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.memory.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a side waits on a server, the two sides are read at once (a no-change run's two requests
 * need not wait one for the other); two local stores are read one after the other; a failure or
 * an interrupt on either read ends the run as one on a single thread would.
 */
class SideReadsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path home;

    private final TestClock clock = new TestClock(NOW);
    private final MemoryStore sourceItems = new MemoryStore("source");
    private final MemoryStore targetItems = new MemoryStore("target");
    private final Set<String> listingThreads = ConcurrentHashMap.newKeySet();
    private SyncEngine engine;
    private StatusDb db;

    @BeforeEach
    void setUp() {
        engine = new SyncEngine(IcalKit.standard(java.time.ZoneOffset.UTC), new Journal(home.resolve("journal"), clock), clock);
        db = StatusDb.open(home.resolve("pair.db"));
        sourceItems.put("a", event("a", "Dentist", NOW.plus(Duration.ofDays(3))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A store whose listing waits at {@code meeting} (when given) and notes the thread it ran on. */
    private class Listed extends ForwardingStore {
        private final boolean server;
        private final CyclicBarrier meeting;

        Listed(CalendarStore delegate, boolean server, CyclicBarrier meeting) {
            super(delegate);
            this.server = server;
            this.meeting = meeting;
        }

        @Override
        public StoreCapabilities capabilities() {
            StoreCapabilities c = delegate.capabilities();
            return new StoreCapabilities(c.readOnly(), server, c.serverSideTimeRange(), c.recurrence(), c.components(),
                    c.concurrentWrites());
        }

        @Override
        public Listing list(TimeWindow window) {
            listingThreads.add(Thread.currentThread().getName());
            if (meeting != null) {
                try {
                    // both listings must be under way at once; read one after the other, this times out
                    meeting.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new StoreUnavailableException(describe() + ": the other side's listing never started", null, e);
                }
            }
            return delegate.list(window);
        }
    }

    private SyncReport sync(CalendarStore source, CalendarStore target) {
        return engine.sync(new SyncPair("p", source, target, SyncPolicy.defaults(SyncMode.MIRROR)), db, SyncOptions.normal());
    }

    @Test
    void whereASideWaitsOnAServerBothAreReadAtOnce() {
        CyclicBarrier meeting = new CyclicBarrier(2);

        SyncReport report = sync(new Listed(sourceItems, false, meeting), new Listed(targetItems, true, meeting));

        assertThat(report.failure()).isNull();
        assertThat(report.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(report.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(1);
        assertThat(listingThreads).hasSize(2).anyMatch(name -> name.startsWith("calsync-read-target-p"));
    }

    @Test
    void twoLocalStoresAreReadOneAfterTheOther() {
        SyncReport report = sync(new Listed(sourceItems, false, null), new Listed(targetItems, false, null));

        assertThat(report.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(listingThreads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aTargetThatCannotBeReadFailsTheRunWithItsOwnMessageAndDeletesNothing() {
        CalendarStore unreachable = new Listed(targetItems, true, null) {
            @Override
            public Listing list(TimeWindow window) {
                throw new StoreUnavailableException("target: connection refused", null, null);
            }
        };

        SyncReport report = sync(new Listed(sourceItems, true, null), unreachable);

        assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(report.failure()).isEqualTo("target: connection refused");
        assertThat(sourceItems.snapshot()).hasSize(1);
    }

    @Test
    void anInterruptedRunStopsTheReadBesideIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        SideReads reads = SideReads.beside(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a server that never answers
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        }, "p");
        started.await();

        Thread.currentThread().interrupt(); // the run's deadline passed
        assertThatThrownBy(reads::target).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("stopped");

        assertThat(Thread.interrupted()).as("the run stays interrupted").isTrue();
        for (int i = 0; i < 200 && !interrupted.get(); i++) {
            Thread.sleep(50);
        }
        assertThat(interrupted).as("the read beside was interrupted too").isTrue();
    }
}
