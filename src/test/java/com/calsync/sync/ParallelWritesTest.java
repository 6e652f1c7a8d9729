package com.calsync.sync;

import static com.calsync.sync.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRef;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.StoredItem;
import com.calsync.store.memory.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with several writes in flight (WriteWindow) to a store that takes them, and one at a time to one that does not. */
class ParallelWritesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final int EVENTS = 30;

    @TempDir
    Path home;

    /**
     * Records the most creates and updates inside the store at once. With {@code waitForCompany}
     * the first write waits (bounded) for a second to come in, so a store that is sent writes
     * several at once shows it however the threads are scheduled.
     */
    private static final class ConcurrencyProbe extends ForwardingStore {
        private final boolean concurrentWrites;
        private final boolean waitForCompany;
        private final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        private volatile CountDownLatch company = new CountDownLatch(2);
        volatile int failCreateNumber = -1;
        private final AtomicInteger creates = new AtomicInteger();

        ConcurrencyProbe(CalendarStore delegate, boolean concurrentWrites, boolean waitForCompany) {
            super(delegate);
            this.concurrentWrites = concurrentWrites;
            this.waitForCompany = waitForCompany;
        }

        @Override
        public StoreCapabilities capabilities() {
            return delegate.capabilities().withConcurrentWrites(concurrentWrites);
        }

        /** Counts afresh, and lets the next write wait for a second again. */
        void reset() {
            most.set(0);
            company = new CountDownLatch(2);
        }

        private void enter() {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            CountDownLatch latch = company;
            latch.countDown();
            if (waitForCompany) {
                try {
                    // a guard against a hang, not a timing: when writes go out together, the second comes at once
                    latch.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public ItemRef create(String uid, String ics) {
            enter();
            try {
                if (creates.incrementAndGet() == failCreateNumber) {
                    throw new StoreUnavailableException("injected: the server went away", null, null);
                }
                return delegate.create(uid, ics);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public String update(String href, String ics, String etag) {
            enter();
            try {
                return delegate.update(href, ics, etag);
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    /** One pair: a source with {@link #EVENTS} events, a target behind a probe, its own state and journal. */
    private final class Setup implements AutoCloseable {
        final MemoryStore source = new MemoryStore("source");
        final MemoryStore target = new MemoryStore("target");
        final ConcurrencyProbe probe;
        final StatusDb db;
        final SyncEngine engine;
        final int maxInFlight;

        Setup(String name, boolean concurrentWrites, int maxInFlight) {
            TestClock clock = new TestClock(NOW);
            this.probe = new ConcurrencyProbe(target, concurrentWrites, concurrentWrites && maxInFlight > 1);
            this.db = StatusDb.open(home.resolve(name + ".db"));
            this.engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(home.resolve(name), clock), clock);
            this.maxInFlight = maxInFlight;
            for (int i = 0; i < EVENTS; i++) {
                source.put("e" + i, event("e" + i, "Event " + i, NOW.plus(Duration.ofHours(3L * i + 1))));
            }
        }

        SyncReport sync(SyncMode mode) {
            return engine.sync(new SyncPair("p", source, probe, SyncPolicy.defaults(mode)), db,
                    SyncOptions.normal().withMaxWritesInFlight(maxInFlight));
        }

        /** href → text on the target. */
        Map<String, String> targetTexts() {
            return target.snapshot().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().ics(), (a, b) -> a, TreeMap::new));
        }

        /** The status rows as the next run sees them: which item is where, with which content (not which etag). */
        Map<String, String> rowsWithoutEtags() {
            return db.rows().values().stream().collect(Collectors.toMap(StatusRow::key,
                    r -> r.href(Side.SOURCE) + " " + r.hash(Side.SOURCE) + " " + r.href(Side.TARGET) + " "
                            + r.hash(Side.TARGET), (a, b) -> a, TreeMap::new));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @Test
    void aStoreThatTakesConcurrentWritesGetsSeveralAtOnceWithTheResultOfOneAtATime() {
        for (SyncMode mode : SyncMode.values()) {
            try (Setup parallel = new Setup("parallel-" + mode, true, 4);
                 Setup sequential = new Setup("sequential-" + mode, true, 1)) {
                SyncReport fast = parallel.sync(mode);
                SyncReport slow = sequential.sync(mode);

                assertThat(parallel.probe.most.get()).as("writes in flight at once, %s", mode).isGreaterThan(1);
                assertThat(sequential.probe.most.get()).as("max_writes_in_flight 1").isEqualTo(1);
                assertThat(fast.outcome()).isEqualTo(SyncOutcome.OK);
                assertThat(fast.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(EVENTS);
                assertThat(parallel.targetTexts()).isEqualTo(sequential.targetTexts()).hasSize(EVENTS);
                assertThat(parallel.rowsWithoutEtags()).isEqualTo(sequential.rowsWithoutEtags());
                assertThat(fast.changes()).as("reported in plan order, as one at a time")
                        .extracting(ItemChange::key).containsExactlyElementsOf(
                                slow.changes().stream().map(ItemChange::key).toList());

                // updates go out several at once too
                for (Setup s : java.util.List.of(parallel, sequential)) {
                    for (int i = 0; i < EVENTS; i++) {
                        s.source.put("e" + i, event("e" + i, "Event " + i + " moved", NOW.plus(Duration.ofHours(3L * i + 2))));
                    }
                }
                parallel.probe.reset();
                SyncReport updated = parallel.sync(mode);
                sequential.sync(mode);
                assertThat(updated.count(Side.TARGET, ItemChange.Kind.UPDATED)).isEqualTo(EVENTS);
                assertThat(parallel.probe.most.get()).as("updates in flight at once").isGreaterThan(1);
                assertThat(parallel.targetTexts()).isEqualTo(sequential.targetTexts());
                assertThat(parallel.sync(mode).nothingChanged()).isTrue();
            }
        }
    }

    @Test
    void aStoreThatDoesNotSaySoGetsOneWriteAtATime() {
        try (Setup setup = new Setup("incapable", false, 4)) {
            SyncReport report = setup.sync(SyncMode.MIRROR);

            assertThat(report.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(EVENTS);
            assertThat(setup.probe.most.get()).isEqualTo(1);
        }
    }

    @Test
    void oneItemFailingAmongWritesInFlightStopsNoneOfTheOthers() {
        try (Setup setup = new Setup("one-fails", true, 4)) {
            setup.target.failWritesWhere(w -> w.href().equals(MemoryStore.hrefFor("e7")));

            SyncReport report = setup.sync(SyncMode.MIRROR);

            assertThat(report.outcome()).isEqualTo(SyncOutcome.PARTIAL);
            assertThat(report.errors()).extracting(ItemError::key).containsExactly("e7");
            assertThat(setup.target.snapshot()).hasSize(EVENTS - 1).doesNotContainKey(MemoryStore.hrefFor("e7"));
            assertThat(setup.db.itemFailures()).containsOnlyKeys(StatusDb.failureKey("e7", Side.TARGET));

            setup.target.failWritesWhere(w -> false);
            SyncReport retry = setup.sync(SyncMode.MIRROR);
            assertThat(retry.changes()).extracting(ItemChange::key).containsExactly("e7");
            assertThat(setup.db.itemFailures()).isEmpty();
        }
    }

    @Test
    void aStoreFailingMidRunStopsItAfterTheWritesInFlightAreBookedAndTheNextRunFinishesWithoutDuplicates() {
        try (Setup setup = new Setup("store-fails", true, 4)) {
            setup.probe.failCreateNumber = 12;

            SyncReport stopped = setup.sync(SyncMode.MIRROR);

            assertThat(stopped.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(stopped.failure()).contains("the server went away");
            int made = setup.target.snapshot().size();
            // The 12th call to arrive fails, and calls from 4 threads arrive in any order: up to 3
            // writes before it in plan order may arrive after it, and up to 3 after it may be in
            // flight when it is booked (in plan order). What matters is the next two lines.
            assertThat(made).isBetween(11, 11 + 2 * 3);
            assertThat(stopped.changes()).as("every write the store took is booked and reported").hasSize(made);
            assertThat(setup.db.rows().values().stream().filter(r -> r.isOn(Side.TARGET)).count()).isEqualTo(made);

            SyncReport rest = setup.sync(SyncMode.MIRROR);
            assertThat(rest.outcome()).isEqualTo(SyncOutcome.OK);
            assertThat(rest.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(EVENTS - made);
            assertThat(setup.target.snapshot().values()).extracting(StoredItem::ics).doesNotHaveDuplicates()
                    .hasSize(EVENTS);
        }
    }
}
