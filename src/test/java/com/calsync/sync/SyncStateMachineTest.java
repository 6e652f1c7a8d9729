package com.calsync.sync;

import static com.calsync.sync.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.MalformedItemException;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoredItem;
import com.calsync.store.memory.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The engine as a state machine, after vdirsyncer's best test: random creates, edits, deletes,
 * flaky and missing etags, failing writes, crashes between a write and its status row, sides
 * that turn read-only, an item that always fails to write and an item that cannot be parsed, on
 * both sides between syncs. After every sync (and one clean retry when faults interfered) the
 * invariants must hold — for the items that are not broken, and for the broken ones: only they
 * are reported, they never fail the pair, the other side's copy is never deleted because of
 * them. Every run ends with the broken items mended, both sides writable, a day later (past any
 * item's backoff) and one more sync, so the full set is checked at least once per run.
 */
class SyncStateMachineTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** An item no reader can take for an event: no VEVENT at all. */
    private static final String GARBAGE = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis line is not iCalendar\r\n";
    private static final IcalKit ICAL = IcalKit.standard(java.time.ZoneOffset.UTC);

    /** One thing that happens between (or as) syncs. */
    sealed interface Step permits Put, Delete, Touch, FailWrites, CrashNextSync, MissingEtags, Empty, ReadOnly,
            AlwaysFailing, Unparseable, Sync {}

    /** Create or edit item {@code n} on a side. */
    record Put(Side side, int n) implements Step {}

    record Delete(Side side, int n) implements Step {}

    /** A new etag with the same content (flaky etags). */
    record Touch(Side side, int n) implements Step {}

    record FailWrites(Side side, int count) implements Step {}

    record CrashNextSync(Side side, int onWrite) implements Step {}

    record MissingEtags(Side side, boolean missing) implements Step {}

    /** The side comes back empty (an unmounted disk, a wrong account). */
    record Empty(Side side) implements Step {}

    /**
     * The side's store stops (or starts again) taking writes, as a calendar shared read-only
     * does; other clients may still change it (Put, Delete and Touch act as they would).
     */
    record ReadOnly(Side side, boolean readOnly) implements Step {}

    /** Every write of item {@code n} to the side fails from now on (a server answering 500 to that one item). */
    record AlwaysFailing(Side side, int n) implements Step {}

    /** Item {@code n} on the side becomes text that cannot be read even as text (no event in it). */
    record Unparseable(Side side, int n) implements Step {}

    /** Sync; held deletions are then approved or rejected. */
    record Sync(boolean approveHeld) implements Step {}

    /** Step lists of 1 to 30 steps; the weights say how often each kind comes up. */
    private static Gen<List<Step>> steps() {
        Gen<Side> side = Generate.enumValues(Side.class);
        Gen<Integer> item = integers().between(0, 6);
        Gen<Integer> count = integers().between(1, 3);
        Gen<Boolean> flag = booleans().all();
        Gen<Step> put = side.zip(item, Put::new);
        Gen<Step> delete = side.zip(item, Delete::new);
        Gen<Step> touch = side.zip(item, Touch::new);
        Gen<Step> fail = side.zip(count, FailWrites::new);
        Gen<Step> crash = side.zip(count, CrashNextSync::new);
        Gen<Step> missing = side.zip(flag, MissingEtags::new);
        Gen<Step> empty = side.map(Empty::new);
        Gen<Step> readOnly = side.zip(flag, ReadOnly::new);
        Gen<Step> alwaysFailing = side.zip(item, AlwaysFailing::new);
        Gen<Step> unparseable = side.zip(item, Unparseable::new);
        Gen<Step> sync = flag.map(Sync::new);
        Gen<Step> step = Generate.frequency(List.of(Pair.of(10, put), Pair.of(4, delete), Pair.of(2, touch),
                Pair.of(2, fail), Pair.of(2, crash), Pair.of(1, missing), Pair.of(1, empty), Pair.of(2, readOnly),
                Pair.of(1, alwaysFailing), Pair.of(1, unparseable), Pair.of(6, sync)));
        return lists().of(step).ofSizeBetween(1, 30);
    }

    /**
     * A failure prints the shrunk step list, the exception and the seed; {@code -DQT_SEED=<seed>}
     * replays it. 200 shrink cycles, not the default 100 000: each one replays a run of syncs.
     */
    private static void forEveryStepList(SyncMode mode) {
        forEveryStepList(mode, 1, 80);
    }

    /** @param writesInFlight writes the engine may have in flight at once (the stores say they take that) */
    private static void forEveryStepList(SyncMode mode, int writesInFlight, int examples) {
        qt().withExamples(examples).withShrinkCycles(200)
                .forAll(steps())
                .checkAssert(steps -> new Machine(mode, writesInFlight).run(steps));
    }

    @Test
    void twoWayConverges() {
        forEveryStepList(SyncMode.TWO_WAY);
    }

    @Test
    void mirrorConverges() {
        forEveryStepList(SyncMode.MIRROR);
    }

    /**
     * The same, with up to 4 writes in flight (WriteWindow): crashes then come with other writes
     * made but not yet booked, and failures land among writes that went through.
     */
    @Test
    void bothModesConvergeWithWritesInFlight() {
        forEveryStepList(SyncMode.MIRROR, 4, 40);
        forEveryStepList(SyncMode.TWO_WAY, 4, 40);
    }

    /** The two broken-item steps in a fixed order, so each one is certainly met (the random lists meet them often). */
    @Test
    void anItemThatAlwaysFailsAndOneThatCannotBeParsedLeaveTheOthersSynced() {
        for (SyncMode mode : SyncMode.values()) {
            new Machine(mode).run(List.of(new Put(Side.SOURCE, 0), new Put(Side.SOURCE, 1), new Put(Side.SOURCE, 2),
                    new AlwaysFailing(Side.TARGET, 1), new Sync(false), new Sync(false),
                    new Unparseable(Side.SOURCE, 2), new Put(Side.SOURCE, 3), new Sync(false),
                    new AlwaysFailing(Side.SOURCE, 3), new Put(Side.TARGET, 3), new Put(Side.TARGET, 4), new Sync(true)));
        }
    }

    /** Two memory stores, a status database, a journal, and the steps applied to them. */
    private static final class Machine {
        private final SyncMode mode;
        private final Map<Side, MemoryStore> stores = new EnumMap<>(Side.class);
        private final Map<Side, RecordingStore> recorders = new EnumMap<>(Side.class);
        private final Map<Side, Integer> crashOn = new EnumMap<>(Side.class);
        private final Set<Side> emptied = new HashSet<>();
        private final Map<Side, Set<String>> failingHrefs = new EnumMap<>(Side.class);
        private final Path dir;
        private final TestClock clock;
        private final Journal journal;
        private final SyncEngine engine;
        private final SyncPolicy policy;
        private final int writesInFlight;
        private int edits;

        Machine(SyncMode mode) {
            this(mode, 1);
        }

        Machine(SyncMode mode, int writesInFlight) {
            this.mode = mode;
            this.writesInFlight = writesInFlight;
            try {
                this.dir = Files.createTempDirectory("calsync-sm");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.clock = new TestClock(NOW);
            this.journal = new Journal(dir.resolve("journal"), clock);
            this.engine = new SyncEngine(ICAL, journal, clock);
            this.policy = SyncPolicy.defaults(mode);
            for (Side side : Side.values()) {
                MemoryStore store = new MemoryStore(side.label());
                stores.put(side, store);
                recorders.put(side, new RecordingStore(store, writesInFlight > 1));
                Set<String> failing = new HashSet<>();
                failingHrefs.put(side, failing);
                store.failWritesWhere(w -> failing.contains(w.href()));
            }
        }

        void run(List<Step> steps) {
            try (StatusDb db = StatusDb.open(dir.resolve("status.db"))) {
                for (Step step : steps) {
                    apply(step, db);
                }
                for (Side side : Side.values()) {
                    apply(new ReadOnly(side, false), db);
                    failingHrefs.get(side).clear();
                    MemoryStore store = stores.get(side);
                    // the user mends what could not be read: here by deleting it
                    unparseable(side).forEach(store::remove);
                }
                // faults a step list ended with are not the mend's: an item that failed while broken
                // would otherwise fail once more here and wait again (ItemBackoff), at the very end
                stores.values().forEach(s -> s.failNextWrites(0));
                crashOn.clear();
                clock.advance(Duration.ofDays(2)); // past the longest wait of an item that failed
                apply(new Sync(true), db);
            } finally {
                deleteTree(dir);
            }
        }

        private void apply(Step step, StatusDb db) {
            if (step instanceof Put p) {
                edits++;
                stores.get(p.side()).put(uid(p.n()), event(uid(p.n()), "edit " + edits + " on " + p.side().label(),
                        NOW.plus(Duration.ofDays(1 + p.n()))));
            } else if (step instanceof Delete d) {
                stores.get(d.side()).remove(MemoryStore.hrefFor(uid(d.n())));
            } else if (step instanceof Touch t) {
                MemoryStore store = stores.get(t.side());
                if (store.snapshot().containsKey(MemoryStore.hrefFor(uid(t.n())))) {
                    store.touch(MemoryStore.hrefFor(uid(t.n())));
                }
            } else if (step instanceof FailWrites f) {
                stores.get(f.side()).failNextWrites(f.count());
            } else if (step instanceof CrashNextSync c) {
                crashOn.put(c.side(), c.onWrite());
            } else if (step instanceof MissingEtags m) {
                stores.get(m.side()).setMissingEtags(m.missing());
            } else if (step instanceof Empty e) {
                MemoryStore store = stores.get(e.side());
                store.snapshot().keySet().forEach(store::remove);
                emptied.add(e.side());
            } else if (step instanceof ReadOnly r) {
                stores.get(r.side()).setReadOnly(r.readOnly());
            } else if (step instanceof AlwaysFailing f) {
                failingHrefs.get(f.side()).add(MemoryStore.hrefFor(uid(f.n())));
            } else if (step instanceof Unparseable u) {
                stores.get(u.side()).put(uid(u.n()), GARBAGE);
            } else if (step instanceof Sync s) {
                sync(db, s.approveHeld());
            }
        }

        private void sync(StatusDb db, boolean approveHeld) {
            Map<Side, Integer> trackedBefore = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                trackedBefore.put(side, (int) db.rows().values().stream().filter(r -> r.isOn(side)).count());
            }
            int deletions = 0;
            emptied.removeIf(side -> !stores.get(side).snapshot().isEmpty());
            // copies of items unreadable on the other side: never deleted because of that
            Map<Side, Set<String>> keep = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Set<String> held = new HashSet<>(stores.get(side.other()).snapshot().keySet());
                held.retainAll(unparseable(side));
                held.removeAll(unparseable(side.other()));
                keep.put(side.other(), held);
            }
            Map<Side, CalendarStore> wired = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Integer crash = crashOn.remove(side);
                wired.put(side, crash == null ? recorders.get(side) : new CrashingStore(recorders.get(side), crash));
            }
            SyncReport report = null;
            try {
                report = engine.sync(new SyncPair("p", wired.get(Side.SOURCE), wired.get(Side.TARGET), policy), db,
                        options(SyncOptions.normal()));
            } catch (CrashingStore.SimulatedCrash crashed) {
                // the process died; the next run must pick up the pieces
            }
            deletions += report == null ? 0 : deletionsOn(report);
            stores.values().forEach(s -> s.failNextWrites(0));
            SyncReport clean = syncOnce(db, SyncOptions.normal());
            deletions += deletionsOn(clean);

            keep.forEach((side, hrefs) -> assertThat(stores.get(side).snapshot().keySet())
                    .as("copies on the %s of items unreadable on the other side", side.label()).containsAll(hrefs));
            for (Side side : emptied) {
                if (trackedBefore.get(side) >= 2 && stores.get(side).snapshot().isEmpty()) {
                    assertThat(deletions).as("deletions after the %s was emptied", side.label()).isLessThanOrEqualTo(0);
                }
            }
            emptied.clear();
            SyncReport last = clean;
            if (!clean.held().isEmpty()) {
                syncOnce(db, new SyncOptions(false, approveHeld ? HeldDeletions.APPROVE : HeldDeletions.REJECT, () -> false));
                last = syncOnce(db, SyncOptions.normal());
            }
            checkInvariants(db, last);
        }

        private SyncOptions options(SyncOptions options) {
            return options.withMaxWritesInFlight(writesInFlight);
        }

        private SyncReport syncOnce(StatusDb db, SyncOptions options) {
            SyncReport report = engine.sync(new SyncPair("p", recorders.get(Side.SOURCE), recorders.get(Side.TARGET),
                    policy), db, options(options));
            assertThat(report.outcome()).as("a run without faults: %s %s", report.failure(), report.errors())
                    .isNotEqualTo(SyncOutcome.FAILED);
            assertThat(report.errors()).as("a run without faults fails only broken items and items for a read-only side")
                    .allMatch(e -> readOnly(e.side()) || brokenKeys().contains(e.key()));
            Set<String> garbage = new TreeSet<>();
            for (Side side : Side.values()) {
                unparseable(side).forEach(href -> garbage.add(side.label() + " " + href));
            }
            assertThat(report.skipped()).as("skipped as needing the user: exactly the unparseable items")
                    .filteredOn(SkippedItem::needsAttention)
                    .extracting(s -> s.side().label() + " " + s.href())
                    .containsExactlyInAnyOrderElementsOf(garbage);
            if (!garbage.isEmpty()) {
                assertThat(report.outcome()).as("an unreadable item makes the run need the user").isEqualTo(SyncOutcome.PARTIAL);
            }
            return report;
        }

        /** The hrefs on a side that hold text that cannot be read. */
        private List<String> unparseable(Side side) {
            return stores.get(side).snapshot().values().stream().filter(i -> GARBAGE.equals(i.ics()))
                    .map(StoredItem::href).toList();
        }

        /** Keys of items that always fail to be written or cannot be read on some side. */
        private Set<String> brokenKeys() {
            Set<String> keys = new HashSet<>();
            for (Side side : Side.values()) {
                for (String href : failingHrefs.get(side)) {
                    keys.add(uidOf(href));
                }
                unparseable(side).forEach(href -> keys.add(uidOf(href)));
            }
            return keys;
        }

        private static int deletionsOn(SyncReport report) {
            return (int) report.changes().stream().filter(c -> c.kind() == ItemChange.Kind.DELETED).count();
        }

        private void checkInvariants(StatusDb db, SyncReport last) {
            checkNoWriteReachedAReadOnlyStore();
            Set<String> journaled = journal.entries(Optional.empty()).stream().map(journal::text)
                    .collect(Collectors.toSet());
            for (RecordingStore recorder : recorders.values()) {
                assertThat(journaled).as("every overwritten or deleted item was journaled first")
                        .containsAll(recorder.replaced);
            }
            boolean writable = mode == SyncMode.TWO_WAY ? !readOnly(Side.SOURCE) && !readOnly(Side.TARGET)
                    : !readOnly(Side.TARGET);
            if (!writable) {
                return; // the changes for the read-only side wait (an item error each) until it takes writes again
            }
            Set<String> broken = brokenKeys();
            Map<String, String> source = fingerprints(stores.get(Side.SOURCE));
            Map<String, String> target = fingerprints(stores.get(Side.TARGET));
            source.keySet().removeAll(broken);
            target.keySet().removeAll(broken);
            if (mode == SyncMode.TWO_WAY) {
                assertThat(target).as("two-way: both sides hold the same items, broken ones (%s) aside", broken)
                        .isEqualTo(source);
            } else {
                source.forEach((uid, fp) -> assertThat(target).as("mirror: target has the source's %s", uid)
                        .containsEntry(uid, fp));
            }
            if (!broken.isEmpty()) {
                // an unreadable item makes every run partial (checked in syncOnce); an item that fails to be
                // written does when the pair has something to write to it. The status rows of the others
                // are checked once the broken ones are mended, at the end of every run.
                return;
            }
            assertThat(last.outcome()).as("the last run left nothing to retry or approve: %s", last).isEqualTo(SyncOutcome.OK);
            checkStatus(db.rows(), source, target);
        }

        /**
         * vdirsyncer's "a read-only side is never written", checked where the writes are sent
         * rather than by the content (the memory store would refuse them anyway): no create,
         * update or delete reaches a store while it says it is read-only. A mirror writes to its
         * source never, read-only or not.
         */
        private void checkNoWriteReachedAReadOnlyStore() {
            for (Side side : Side.values()) {
                assertThat(recorders.get(side).writes).as("writes sent to the %s while it was read-only", side.label())
                        .noneMatch(RecordingStore.Write::readOnly);
            }
            if (mode == SyncMode.MIRROR) {
                assertThat(recorders.get(Side.SOURCE).writes).as("writes a mirror sent to its source").isEmpty();
            }
        }

        private boolean readOnly(Side side) {
            return stores.get(side).capabilities().readOnly();
        }

        /**
         * After a clean run (nothing failed, nothing held) the status rows are exactly the items
         * the pair manages, each saying where it is and what it holds (vdirsyncer's "status keys
         * = union of both sides' keys", made as strong as the engine guarantees):
         * <ul>
         * <li>two-way: the keys are the union of both sides' keys (which are the same keys);
         * <li>mirror: the keys are the source's keys. The target's own items, whose UIDs the
         *     source does not have, are not managed and have no row; a row is on the target
         *     where the target holds the item, else it is marked deleted there (only when
         *     recreating target deletions is off; by default the item is put back).
         * </ul>
         * In both modes a row names the href and fingerprint of the item on each side that holds
         * it, and either that side's current etag or none (a store that gave no etag for a
         * write). Not checked while deletions are held: the rows of the vanished items stay, so
         * the next run counts them again; nor while a side the pair writes to is read-only: its
         * changes wait, and an item new on the other side has no row until it is copied.
         */
        private void checkStatus(Map<String, StatusRow> rows, Map<String, String> source, Map<String, String> target) {
            Set<String> managed = new TreeSet<>(source.keySet());
            if (mode == SyncMode.TWO_WAY) {
                managed.addAll(target.keySet());
            }
            assertThat(rows.keySet()).as("%s: the status keys", mode).containsExactlyInAnyOrderElementsOf(managed);
            for (StatusRow row : rows.values()) {
                for (Side side : Side.values()) {
                    Map<String, String> items = side == Side.SOURCE ? source : target;
                    boolean present = items.containsKey(row.key());
                    String href = MemoryStore.hrefFor(row.key());
                    assertThat(row.href(side)).as("where the row of %s puts it on the %s", row.key(), side.label())
                            .isEqualTo(present ? href : null);
                    if (present) {
                        assertThat(row.hash(side)).as("the fingerprint the row of %s has for the %s", row.key(),
                                side.label()).isEqualTo(items.get(row.key()));
                        assertThat(row.etag(side)).as("the etag the row of %s has for the %s", row.key(), side.label())
                                .isIn(null, stores.get(side).snapshot().get(href).etag());
                    }
                }
                assertThat(row.targetDeleted()).as("%s is marked deleted on the target", row.key())
                        .isEqualTo(mode == SyncMode.MIRROR && !target.containsKey(row.key()));
            }
        }

        private static Map<String, String> fingerprints(MemoryStore store) {
            Map<String, String> result = new HashMap<>();
            for (StoredItem item : store.snapshot().values()) {
                if (GARBAGE.equals(item.ics())) {
                    continue;
                }
                try {
                    CalendarItem parsed = ICAL.parser().parse(item.ics());
                    result.put(parsed.uid(), ICAL.fingerprinter().fingerprint(parsed));
                } catch (MalformedItemException e) {
                    throw new AssertionError(item.href() + " became unreadable", e);
                }
            }
            return result;
        }

        private static String uid(int n) {
            return "item-" + n + "@calsync.test";
        }

        private static String uidOf(String href) {
            return java.net.URLDecoder.decode(href.substring(0, href.length() - ".ics".length()),
                    java.nio.charset.StandardCharsets.UTF_8);
        }

        private static void deleteTree(Path dir) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
