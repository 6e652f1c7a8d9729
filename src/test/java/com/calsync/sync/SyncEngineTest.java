package com.calsync.sync;

import static com.calsync.sync.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.ComponentKind;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoredItem;
import com.calsync.store.memory.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant SOON = NOW.plus(Duration.ofDays(3));

    @TempDir
    Path home;

    private final TestClock clock = new TestClock(NOW);
    private final MemoryStore source = new MemoryStore("source");
    private final MemoryStore target = new MemoryStore("target");
    private Journal journal;
    private SyncEngine engine;
    private StatusDb db;

    @BeforeEach
    void setUp() {
        journal = new Journal(home.resolve("journal"), clock);
        engine = new SyncEngine(IcalKit.standard(java.time.ZoneOffset.UTC), journal, clock);
        db = StatusDb.open(home.resolve("pair.db"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private SyncReport sync(SyncPolicy policy) {
        return engine.sync(new SyncPair("p", source, target, policy), db, SyncOptions.normal());
    }

    private SyncReport mirror() {
        return sync(SyncPolicy.defaults(SyncMode.MIRROR));
    }

    private SyncReport twoWay() {
        return sync(SyncPolicy.defaults(SyncMode.TWO_WAY));
    }

    private static String textOf(MemoryStore store, String uid) {
        return Optional.ofNullable(store.snapshot().get(MemoryStore.hrefFor(uid))).map(StoredItem::ics).orElse(null);
    }

    @Test
    void firstMirrorCreatesEverythingAndASecondRunHasNothingToDo() {
        source.put("a", event("a", "Dentist", SOON));
        source.put("b", event("b", "Team meeting", SOON.plusSeconds(7200)));

        SyncReport first = mirror();

        assertThat(first.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(first.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(2);
        assertThat(first.changes()).extracting(ItemChange::title).containsExactlyInAnyOrder("Dentist", "Team meeting");
        assertThat(textOf(target, "a")).isEqualTo(textOf(source, "a"));

        SyncReport second = mirror();
        assertThat(second.nothingChanged()).isTrue();
        assertThat(second.fetched()).containsEntry(Side.SOURCE, 0).containsEntry(Side.TARGET, 0);
    }

    @Test
    void mirrorCopiesAnEditAndJournalsTheOverwrittenCopy() {
        source.put("a", event("a", "Dentist", SOON));
        mirror();
        source.put("a", event("a", "Dentist (moved)", SOON.plusSeconds(3600)));

        SyncReport report = mirror();

        assertThat(report.count(Side.TARGET, ItemChange.Kind.UPDATED)).isEqualTo(1);
        assertThat(textOf(target, "a")).contains("Dentist (moved)");
        assertThat(journal.entries(Optional.empty())).singleElement()
                .satisfies(e -> assertThat(journal.text(e)).contains("SUMMARY:Dentist\r\n"))
                .satisfies(e -> assertThat(e.title()).as("the overwritten copy's own title, which restore lists")
                        .isEqualTo("Dentist"));
    }

    @Test
    void aServerRewritingNoiseIsNotAChange() {
        source.put("a", event("a", "Dentist", SOON));
        mirror();
        String rewritten = textOf(target, "a").replace("DTSTAMP:20261101T000000Z", "DTSTAMP:20261125T101010Z")
                .replace("PRODID:-//CalSync tests//EN", "PRODID:-//Some Server//EN");
        target.put("a", rewritten);

        SyncReport report = mirror();

        assertThat(report.nothingChanged()).isTrue();
        assertThat(textOf(target, "a")).isEqualTo(rewritten);
    }

    @Test
    void mirrorOverwritesATargetEditButKeepsTheEditInTheJournal() {
        source.put("a", event("a", "Dentist", SOON));
        mirror();
        target.put("a", event("a", "Edited on the phone", SOON));

        SyncReport report = mirror();

        assertThat(report.count(Side.TARGET, ItemChange.Kind.UPDATED)).isEqualTo(1);
        assertThat(textOf(target, "a")).contains("SUMMARY:Dentist");
        assertThat(journal.entries(Optional.empty())).extracting(journal::text)
                .anySatisfy(t -> assertThat(t).contains("Edited on the phone"));
    }

    @Test
    void aSourceDeletionDeletesTheTargetCopyAfterJournalingIt() {
        for (int i = 0; i < 10; i++) {
            source.put("e" + i, event("e" + i, "Event " + i, SOON.plusSeconds(i * 3600L)));
        }
        mirror();
        source.remove(MemoryStore.hrefFor("e3"));

        SyncReport report = mirror();

        assertThat(report.count(Side.TARGET, ItemChange.Kind.DELETED)).isEqualTo(1);
        assertThat(textOf(target, "e3")).isNull();
        assertThat(journal.entries(Optional.empty())).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("deleted on the source"));
    }

    @Test
    void anEmptiedSourceHoldsTheDeletionsUntilApproved() {
        for (int i = 0; i < 12; i++) {
            source.put("e" + i, event("e" + i, "Event " + i, SOON.plusSeconds(i * 3600L)));
        }
        mirror();
        source.snapshot().keySet().forEach(source::remove);

        SyncReport held = mirror();

        assertThat(held.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(held.held()).hasSize(12);
        assertThat(held.held()).extracting(ItemChange::title).as("titles, not UIDs").contains("Event 0", "Event 11");
        assertThat(held.guard().reason()).contains("12 of 12 items vanished from the source");
        assertThat(held.guard().vanishedFrom()).isEqualTo(Side.SOURCE);
        assertThat(target.snapshot()).hasSize(12);
        assertThat(mirror().held()).as("still held on the next run").hasSize(12);

        SyncReport approved = engine.sync(new SyncPair("p", source, target, SyncPolicy.defaults(SyncMode.MIRROR)),
                db, new SyncOptions(false, HeldDeletions.APPROVE, () -> false));

        assertThat(approved.count(Side.TARGET, ItemChange.Kind.DELETED)).isEqualTo(12);
        assertThat(target.snapshot()).isEmpty();
        assertThat(journal.entries(Optional.empty())).hasSize(12);
    }

    @Test
    void rejectedDeletionsInAMirrorLeaveTheTargetAloneForGood() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        mirror();
        source.remove(MemoryStore.hrefFor("a"));
        source.remove(MemoryStore.hrefFor("b"));
        assertThat(mirror().held()).hasSize(2);

        SyncReport rejected = engine.sync(new SyncPair("p", source, target, SyncPolicy.defaults(SyncMode.MIRROR)), db,
                new SyncOptions(false, HeldDeletions.REJECT, () -> false));

        assertThat(rejected.held()).as("the rejecting run holds nothing any more").isEmpty();
        assertThat(rejected.guard()).isNull();
        assertThat(rejected.outcome()).isEqualTo(SyncOutcome.OK);
        SyncReport after = mirror();
        assertThat(after.held()).isEmpty();
        assertThat(after.nothingChanged()).isTrue();
        assertThat(target.snapshot()).hasSize(2);
    }

    @Test
    void aTargetDeletionIsPutBackWhenOverrideIsOnAndRespectedWhenOff() {
        source.put("a", event("a", "A", SOON));
        mirror();
        target.remove(MemoryStore.hrefFor("a"));

        assertThat(mirror().count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(1);
        assertThat(textOf(target, "a")).isNotNull();

        SyncPolicy noOverride = new SyncPolicy(SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, 30, 365, false, 1,
                false, true, 20, 30);
        target.remove(MemoryStore.hrefFor("a"));
        assertThat(sync(noOverride).nothingChanged()).isTrue();
        assertThat(sync(noOverride).nothingChanged()).isTrue();
        assertThat(textOf(target, "a")).isNull();
    }

    @Test
    void theUsersOwnTargetItemsAreNotTouchedByAMirror() {
        source.put("a", event("a", "A", SOON));
        target.put("mine", event("mine", "My own", SOON));

        mirror();
        mirror();

        assertThat(textOf(target, "mine")).contains("My own");
    }

    @Test
    void itemsOutsideTheWindowDoNotTakePartButAreNotDeletedWhenTheyLeaveIt() {
        source.put("old", event("old", "Long ago", NOW.minus(Duration.ofDays(400))));
        source.put("soon", event("soon", "Soon", NOW.plus(Duration.ofDays(1))));

        SyncReport first = mirror();
        assertThat(first.changes()).extracting(ItemChange::key).containsExactly("soon");
        assertThat(first.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no occurrence"));

        clock.advance(Duration.ofDays(60)); // "soon" is now 59 days in the past: out of the window
        SyncReport later = mirror();
        assertThat(later.nothingChanged()).isTrue();
        assertThat(textOf(target, "soon")).isNotNull();
    }

    @Test
    void aToDoIsSkippedWithAReasonWhenTheTargetHoldsEventsOnlyAndAnUnreadableItemDoesNotDeleteItsCopy() {
        CalendarStore eventsOnly = new ForwardingStore(target) {
            @Override
            public StoreCapabilities capabilities() {
                return new StoreCapabilities(false, false, false, true, Set.of(ComponentKind.VEVENT));
            }
        };
        SyncPair pair = new SyncPair("p", source, eventsOnly, SyncPolicy.defaults(SyncMode.MIRROR));
        source.put("t", Events.todo("t", "Buy milk"));
        source.put("a", event("a", "A", SOON));
        engine.sync(pair, db, SyncOptions.normal());
        source.put("a", "BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");

        SyncReport report = engine.sync(pair, db, SyncOptions.normal());

        assertThat(report.skipped()).extracting(SkippedItem::reason)
                .anySatisfy(r -> assertThat(r).contains("VTODO").contains("the target (memory store target) holds no to-dos"))
                .anySatisfy(r -> assertThat(r).contains("cannot be read"));
        assertThat(report.changes()).isEmpty();
        assertThat(textOf(target, "a")).contains("SUMMARY:A");
        assertThat(textOf(target, "t")).isNull();
    }

    @Test
    void aToDoIsCarriedWhenBothSidesHoldToDos() {
        source.put("t", Events.todo("t", "Buy milk"));

        SyncReport report = mirror();

        assertThat(report.skipped()).isEmpty();
        assertThat(report.changes()).extracting(ItemChange::key).containsExactly("t");
        assertThat(textOf(target, "t")).contains("BEGIN:VTODO").contains("SUMMARY:Buy milk");
        source.put("t", Events.todo("t", "Buy oat milk"));
        assertThat(mirror().changes()).extracting(ItemChange::why).containsExactly("changed on the source");
        assertThat(textOf(target, "t")).contains("SUMMARY:Buy oat milk");
    }

    @Test
    void aDryRunChangesNothing() {
        source.put("a", event("a", "A", SOON));

        SyncReport dry = engine.sync(new SyncPair("p", source, target, SyncPolicy.defaults(SyncMode.MIRROR)), db,
                SyncOptions.dryRunOnly());

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(1);
        assertThat(target.snapshot()).isEmpty();
        assertThat(db.rows()).isEmpty();
        assertThat(mirror().count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(1);
    }

    @Test
    void twoWayCopiesEachSidesEditsAndDeletions() {
        source.put("a", event("a", "A", SOON));
        target.put("b", event("b", "B", SOON));
        twoWay();
        assertThat(textOf(source, "b")).contains("SUMMARY:B");
        assertThat(textOf(target, "a")).contains("SUMMARY:A");

        target.put("a", event("a", "A edited on target", SOON));
        source.remove(MemoryStore.hrefFor("b"));
        SyncReport report = twoWay();

        assertThat(textOf(source, "a")).contains("A edited on target");
        assertThat(textOf(target, "b")).isNull();
        assertThat(report.count(Side.SOURCE, ItemChange.Kind.UPDATED)).isEqualTo(1);
        assertThat(report.count(Side.TARGET, ItemChange.Kind.DELETED)).isEqualTo(1);
    }

    @Test
    void twoWayMergesEditsOfDifferentProperties() {
        source.put("a", event("a", "Planning", SOON, "LOCATION:Room 1\r\n"));
        twoWay();
        source.put("a", event("a", "Planning (agenda attached)", SOON, "LOCATION:Room 1\r\n"));
        target.put("a", event("a", "Planning", SOON, "LOCATION:Room 2\r\n"));

        SyncReport report = twoWay();

        assertThat(report.changes()).allSatisfy(c -> assertThat(c.why()).contains("both edits kept"));
        for (MemoryStore side : new MemoryStore[] {source, target}) {
            assertThat(textOf(side, "a")).contains("Planning (agenda attached)").contains("Room 2");
        }
    }

    @Test
    void twoWayConflictFollowsThePolicy() {
        source.put("a", event("a", "Original", SOON));
        SyncPolicy targetWins = new SyncPolicy(SyncMode.TWO_WAY, ConflictPolicy.TARGET_WINS, 30, 365, false, 1,
                true, true, 20, 30);
        sync(targetWins);
        source.put("a", event("a", "Source title", SOON));
        target.put("a", event("a", "Target title", SOON));

        sync(targetWins);

        assertThat(textOf(source, "a")).contains("Target title");
        assertThat(journal.entries(Optional.empty())).extracting(journal::text)
                .anySatisfy(t -> assertThat(t).contains("Source title"));
    }

    @Test
    void newerWinsUsesLastModified() {
        source.put("a", event("a", "Original", SOON));
        twoWay();
        source.put("a", event("a", "Older edit", SOON, "LAST-MODIFIED:20261120T000000Z\r\n"));
        target.put("a", event("a", "Newer edit", SOON, "LAST-MODIFIED:20261125T000000Z\r\n"));

        twoWay();

        assertThat(textOf(source, "a")).contains("Newer edit");
        assertThat(textOf(target, "a")).contains("Newer edit");
    }

    @Test
    void twoWayKeepsAChangeWhenTheOtherSideDeletedIt() {
        source.put("a", event("a", "A", SOON));
        twoWay();
        source.put("a", event("a", "A changed", SOON));
        target.remove(MemoryStore.hrefFor("a"));

        twoWay();

        assertThat(textOf(target, "a")).contains("A changed");
        assertThat(textOf(source, "a")).contains("A changed");
    }

    @Test
    void failedWritesAreReportedAndRetriedNextRun() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        target.failNextWrites(1);

        SyncReport first = mirror();
        assertThat(first.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(first.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Injected"));

        SyncReport second = mirror();
        assertThat(second.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(target.snapshot()).hasSize(2);
    }

    @Test
    void aCrashBetweenAWriteAndItsStatusRowNeitherLosesNorDuplicates() {
        source.put("a", event("a", "A", SOON));
        CrashingStore crashing = new CrashingStore(target, 1);
        SyncPair pair = new SyncPair("p", source, crashing, SyncPolicy.defaults(SyncMode.MIRROR));
        // the process "dies" right after the store write, before the status row
        assertThatThrownBy(() -> engine.sync(pair, db, SyncOptions.normal()))
                .isInstanceOf(CrashingStore.SimulatedCrash.class);
        assertThat(target.snapshot()).hasSize(1);
        assertThat(db.rows()).doesNotContainKey("a");

        SyncReport after = mirror();

        assertThat(after.changes()).isEmpty();
        assertThat(target.snapshot()).hasSize(1);
        assertThat(db.rows()).containsKey("a");
    }

    @Test
    void missingEtagsFromWritesDoNotCauseChurn() {
        target.setMissingEtags(true);
        source.put("a", event("a", "A", SOON));
        mirror();

        SyncReport second = mirror();
        SyncReport third = mirror();

        assertThat(second.changes()).isEmpty();
        assertThat(third.changes()).isEmpty();
        assertThat(third.fetched().get(Side.TARGET)).isZero();
    }

    @Test
    void verificationFailsTheRunWhenWritesDoNotStick() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        ForgetfulStore forgetful = new ForgetfulStore(target);

        SyncReport report = engine.sync(new SyncPair("p", source, forgetful, SyncPolicy.defaults(SyncMode.MIRROR)),
                db, SyncOptions.normal());

        assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(report.failure()).contains("verification failed: 2 items");
    }

    @Test
    void expandRecurringWritesEachOccurrenceAsItsOwnEventWithoutChurn() {
        SyncPolicy expand = new SyncPolicy(SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, 30, 365, true, 1, true, true,
                5, 20);
        source.put("w", event("w", "Weekly", SOON, "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));

        SyncReport first = sync(expand);

        assertThat(first.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(4);
        assertThat(target.snapshot().values()).allSatisfy(i -> assertThat(i.ics()).doesNotContain("RRULE"));
        assertThat(sync(expand).nothingChanged()).as("a re-sync does not churn").isTrue();

        source.put("w", event("w", "Weekly", SOON, "RRULE:FREQ=WEEKLY;COUNT=3\r\n"));
        SyncReport shorter = sync(expand);
        assertThat(shorter.count(Side.TARGET, ItemChange.Kind.DELETED)).isEqualTo(1);
        assertThat(shorter.count(Side.TARGET, ItemChange.Kind.UPDATED)).isZero();
        assertThat(target.snapshot()).hasSize(3);
    }

    @Test
    void aSideThatComesBackEmptyIsHeldEvenWhenTheOtherSideLostSomeOfItToo() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        twoWay();
        source.remove(MemoryStore.hrefFor("a"));
        target.remove(MemoryStore.hrefFor("a"));
        source.remove(MemoryStore.hrefFor("b"));

        SyncReport report = twoWay();

        assertThat(report.held()).extracting(ItemChange::key).containsExactly("b");
        assertThat(report.guard().reason()).contains("2 of 2 items vanished from the source");
        assertThat(textOf(target, "b")).isNotNull();
    }

    @Test
    void anEmptiedMirrorSourceIsHeldEvenWhenTheTargetLostOneOfTheItemsItself() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        mirror();
        target.remove(MemoryStore.hrefFor("a"));
        source.remove(MemoryStore.hrefFor("a"));
        source.remove(MemoryStore.hrefFor("b"));

        SyncReport report = mirror();

        assertThat(report.held()).extracting(ItemChange::key).containsExactly("b");
        assertThat(mirror().held()).as("the next run holds them too").extracting(ItemChange::key).containsExactly("b");
        assertThat(textOf(target, "b")).isNotNull();
    }

    @Test
    void progressCountsTheChangesWritten() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        source.put("c", event("c", "C", SOON));
        List<String> updates = new java.util.ArrayList<>();

        engine.sync(new SyncPair("p", source, target, SyncPolicy.defaults(SyncMode.MIRROR)), db,
                SyncOptions.normal().withProgress((done, total) -> updates.add(done + "/" + total)));

        assertThat(updates).containsExactly("0/3", "1/3", "2/3", "3/3");
    }
    @Test
    void aReadOnlySideIsNotWrittenAndItsChangesWaitUntilItTakesWritesAgain() {
        source.put("a", event("a", "A", SOON));
        source.put("b", event("b", "B", SOON));
        twoWay();
        target.setReadOnly(true);
        source.put("a", event("a", "A edited", SOON));
        source.put("c", event("c", "C", SOON));
        source.remove(MemoryStore.hrefFor("b"));
        target.put("d", event("d", "D", SOON));
        var targetBefore = target.snapshot();
        RecordingStore recordedTarget = new RecordingStore(target);

        SyncReport report = engine.sync(new SyncPair("p", source, recordedTarget, SyncPolicy.defaults(SyncMode.TWO_WAY)),
                db, SyncOptions.normal());

        assertThat(report.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(recordedTarget.writes).isEmpty();
        assertThat(target.snapshot()).isEqualTo(targetBefore);
        assertThat(journal.entries(Optional.empty())).as("nothing was overwritten or deleted").isEmpty();
        assertThat(report.errors()).extracting(ItemError::key).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.side()).isEqualTo(Side.TARGET))
                .allSatisfy(e -> assertThat(e.message()).contains("memory store target) is read-only"));
        assertThat(textOf(source, "d")).as("the writable side still gets the other's changes").contains("SUMMARY:D");

        target.setReadOnly(false);
        assertThat(twoWay().outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(textOf(target, "a")).contains("A edited");
        assertThat(textOf(target, "c")).contains("SUMMARY:C");
        assertThat(textOf(target, "b")).isNull();
    }

    @Test
    void aMergeWithAReadOnlySideWaitsWholeAndLosesNeitherEdit() {
        source.put("a", event("a", "Planning", SOON, "LOCATION:Room 1\r\n"));
        twoWay();
        source.put("a", event("a", "Planning (agenda attached)", SOON, "LOCATION:Room 1\r\n"));
        target.put("a", event("a", "Planning", SOON, "LOCATION:Room 2\r\n"));
        target.setReadOnly(true);

        SyncReport blocked = twoWay();

        assertThat(blocked.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(blocked.changes()).isEmpty();
        assertThat(textOf(source, "a")).contains("Planning (agenda attached)").contains("Room 1");

        target.setReadOnly(false);
        twoWay();
        for (MemoryStore side : new MemoryStore[] {source, target}) {
            assertThat(textOf(side, "a")).contains("Planning (agenda attached)").contains("Room 2");
        }
    }
}
