package com.calsync.sync;

import static com.calsync.sync.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.RecurrenceExpander;
import com.calsync.ical.TimeWindow;
import com.calsync.ical.transform.CopyUid;
import com.calsync.ical.transform.EventFilter.Rule;
import com.calsync.store.local.FolderStore;
import com.calsync.sync.transform.CopyMode;
import com.calsync.sync.transform.PairTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transformed pairs end to end between two real folders: busy-only, no-details and prefixed
 * copies, every filter, edits and deletions following a copy, a changed transform rewriting the
 * copies once, and nothing private reaching the target.
 */
class TransformSyncTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant SOON = NOW.plus(Duration.ofDays(3));
    private static final PairTransform BUSY = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(), Optional.empty(),
            Set.of());

    @TempDir
    Path home;

    private final TestClock clock = new TestClock(NOW);
    private final ItemParser parser = new ItemParser();
    private Path sourceDir;
    private Path targetDir;
    private FolderStore source;
    private FolderStore target;
    private SyncEngine engine;
    private StatusDb db;

    @BeforeEach
    void setUp() throws IOException {
        sourceDir = Files.createDirectories(home.resolve("family"));
        targetDir = home.resolve("work");
        source = new FolderStore(sourceDir, clock);
        target = new FolderStore(targetDir, clock);
        engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(home.resolve("journal"), clock), clock);
        db = StatusDb.open(home.resolve("pair.db"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private SyncReport sync(PairTransform transform) {
        return engine.sync(new SyncPair("family-busy", source, target,
                SyncPolicy.defaults(SyncMode.MIRROR).withTransform(transform)), db, SyncOptions.normal());
    }

    private void putSource(String name, String text) throws IOException {
        Files.writeString(sourceDir.resolve(name + ".ics"), text);
        clock.advance(Duration.ofSeconds(1)); // a new mtime, so a new etag
        Files.setLastModifiedTime(sourceDir.resolve(name + ".ics"), java.nio.file.attribute.FileTime.from(clock.instant()));
    }

    /** The target's items by UID. */
    private Map<String, String> targetByUid() throws IOException {
        Map<String, String> byUid = new TreeMap<>();
        if (!Files.isDirectory(targetDir)) {
            return byUid;
        }
        try (Stream<Path> files = Files.list(targetDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ics")).toList()) {
                String text = Files.readString(f);
                try {
                    byUid.put(parser.parse(text).uid(), text);
                } catch (MalformedItemException e) {
                    throw new AssertionError(f + " does not parse", e);
                }
            }
        }
        return byUid;
    }

    private static PairTransform skipping(Rule... rules) {
        return new PairTransform(CopyMode.FULL, "Busy", "", Set.of(rules), Optional.empty(), Set.of(PrivateSeries.OWNER));
    }

    @Test
    void aBusyCopyHasTheTimesUnderItsOwnUidAndEditsAndDeletionsFollowIt() throws Exception {
        putSource("dentist", event("dentist@family.example", "Dentist", SOON,
                "DESCRIPTION:root canal\r\nLOCATION:Main St 5\r\n"));

        SyncReport first = sync(BUSY);

        assertThat(first.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(first.transform()).isEqualTo(BUSY);
        Map<String, String> copies = targetByUid();
        String copyUid = CopyUid.of("family-busy", "dentist@family.example");
        assertThat(copies).containsOnlyKeys(copyUid);
        String copy = copies.get(copyUid);
        assertThat(copy).contains("SUMMARY:Busy", "DTSTART:20261129T120000Z", "DTEND:20261129T130000Z")
                .doesNotContain("Dentist", "root canal", "Main St", "dentist@family.example");
        assertThat(Files.list(targetDir).map(p -> p.getFileName().toString()))
                .as("the file name comes from the copy's UID").allMatch(n -> !n.contains("dentist"));
        assertThat(db.copyLinks()).containsEntry("dentist@family.example", copyUid);
        assertThat(sync(BUSY).nothingChanged()).as("an unchanged pair has nothing to do").isTrue();

        putSource("dentist", event("dentist@family.example", "Dentist (moved)", SOON.plus(Duration.ofHours(2)),
                "DESCRIPTION:root canal\r\n"));
        SyncReport moved = sync(BUSY);
        assertThat(moved.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ItemChange.Kind.UPDATED);
            assertThat(c.why()).isEqualTo("changed on the source");
        });
        assertThat(targetByUid()).containsOnlyKeys(copyUid);
        assertThat(targetByUid().get(copyUid)).contains("DTSTART:20261129T140000Z").doesNotContain("moved");

        Files.delete(sourceDir.resolve("dentist.ics"));
        SyncReport deleted = sync(BUSY);
        assertThat(deleted.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ItemChange.Kind.DELETED);
            assertThat(c.side()).isEqualTo(Side.TARGET);
        });
        assertThat(targetByUid()).isEmpty();
        assertThat(db.copyLinks()).isEmpty();
    }

    @Test
    void aCopyEditedOrDeletedOnTheTargetIsPutBackBusyNotAsTheSourceIs() throws Exception {
        putSource("dentist", event("dentist@family.example", "Dentist", SOON, "DESCRIPTION:root canal\r\n"));
        sync(BUSY);
        Path copy;
        try (Stream<Path> files = Files.list(targetDir)) {
            copy = files.findFirst().orElseThrow();
        }

        Files.writeString(copy, Files.readString(copy).replace("SUMMARY:Busy", "SUMMARY:Edited at work"));
        SyncReport restored = sync(BUSY);
        assertThat(restored.fetched().get(Side.SOURCE)).as("the source did not change").isZero();
        assertThat(restored.changes()).singleElement().satisfies(c -> assertThat(c.why())
                .isEqualTo("edited on the target; mirror puts the source's version back"));
        assertThat(Files.readString(copy)).contains("SUMMARY:Busy").doesNotContain("Dentist", "root canal", "Edited");

        Files.delete(copy);
        SyncReport recreated = sync(BUSY);
        assertThat(recreated.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ItemChange.Kind.CREATED));
        assertThat(targetByUid().values()).singleElement().asString().contains("SUMMARY:Busy")
                .doesNotContain("Dentist", "root canal");
    }

    @Test
    void aRecurringSeriesWithOverridesIsCopiedBusyWithTheRightTimesAndNothingPrivate() throws Exception {
        putSource("series", PrivateSeries.text());

        SyncReport report = sync(BUSY);

        assertThat(report.outcome()).isEqualTo(SyncOutcome.OK);
        String copy = targetByUid().get(CopyUid.of("family-busy", PrivateSeries.UID));
        assertThat(copy).isNotNull();
        for (String secret : PrivateSeries.PRIVATE) {
            assertThat(copy).as("the busy copy leaks \"%s\"", secret).doesNotContain(secret);
        }
        assertThat(occurrences(copy)).as("every occurrence, moved ones included, at its own time")
                .isEqualTo(occurrences(PrivateSeries.text()))
                .hasSize(9);
        assertThat(copy).contains("SUMMARY:Busy", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin");
    }

    @Test
    void anOverrideTheOwnerDeclinedBecomesAnExceptionOfTheBusySeries() throws Exception {
        putSource("series", PrivateSeries.text());
        PairTransform busyNoDeclined = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(Rule.DECLINED),
                Optional.empty(), Set.of(PrivateSeries.OWNER));

        sync(busyNoDeclined);

        String copy = targetByUid().get(CopyUid.of("family-busy", PrivateSeries.UID));
        Map<String, String> expected = occurrences(PrivateSeries.text());
        expected.remove("20261221T080000Z");
        assertThat(occurrences(copy)).isEqualTo(expected).hasSize(8);
        assertThat(copy).contains("EXDATE;TZID=Europe/Berlin:20261221T090000");
    }

    @Test
    void noDetailsKeepsTitlesButCopiesPrivateEventsBusyOnly() throws Exception {
        putSource("lunch", event("lunch@x", "Lunch with Sam", SOON, "DESCRIPTION:at Luigi's\r\nBEGIN:VALARM\r\n"
                + "ACTION:DISPLAY\r\nDESCRIPTION:go\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"));
        putSource("private", event("private@x", "Job interview", SOON.plusSeconds(7200), "CLASS:CONFIDENTIAL\r\n"));
        PairTransform noDetails = new PairTransform(CopyMode.NO_DETAILS, "Blocked", "", Set.of(), Optional.empty(),
                Set.of());

        sync(noDetails);

        Map<String, String> copies = targetByUid();
        assertThat(copies.get(CopyUid.of("family-busy", "lunch@x"))).contains("SUMMARY:Lunch with Sam")
                .doesNotContain("Luigi", "VALARM");
        assertThat(copies.get(CopyUid.of("family-busy", "private@x"))).contains("SUMMARY:Blocked")
                .doesNotContain("interview", "CONFIDENTIAL");
    }

    @Test
    void aTitlePrefixMarksEveryCopy() throws Exception {
        putSource("a", event("a@x", "Standup", SOON));
        PairTransform prefixed = new PairTransform(CopyMode.FULL, "Busy", "[Work] ", Set.of(), Optional.empty(), Set.of());

        sync(prefixed);

        assertThat(targetByUid().get(CopyUid.of("family-busy", "a@x"))).contains("SUMMARY:[Work] Standup");
    }

    @Test
    void eachFilterLeavesOutItsEventsAndTheOthersAreCopiedAsTheyAre() throws Exception {
        putSource("free", event("free@x", "Maybe gym", SOON, "TRANSP:TRANSPARENT\r\n"));
        putSource("declined", event("declined@x", "Boring meeting", SOON,
                "ATTENDEE;PARTSTAT=DECLINED:mailto:ME@family.example\r\n"));
        putSource("accepted", event("accepted@x", "Good meeting", SOON,
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@family.example\r\n"));
        putSource("allday", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:allday@x\r\n"
                + "DTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"
                + "SUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        putSource("cancelled", event("cancelled@x", "Called off", SOON, "STATUS:CANCELLED\r\n"));
        putSource("lunch", event("lunch@x", "Lunch (private)", SOON));
        PairTransform all = new PairTransform(CopyMode.FULL, "Busy", "", Set.of(Rule.values()),
                Optional.of("\\(private\\)"), Set.of(PrivateSeries.OWNER));

        SyncReport report = sync(all);

        assertThat(targetByUid()).containsOnlyKeys("accepted@x");
        assertThat(targetByUid().get("accepted@x")).as("a filter alone copies byte for byte")
                .isEqualTo(Files.readString(sourceDir.resolve("accepted.ics")));
        assertThat(report.leftOut()).isEqualTo(5);
        assertThat(report.skipped()).as("left-out events are not \"skipped\" items").isEmpty();

        SyncReport again = sync(all);
        assertThat(again.nothingChanged()).isTrue();
        assertThat(again.fetched().get(Side.SOURCE)).as("left-out events are not fetched again").isZero();
        assertThat(again.leftOut()).isEqualTo(5);
    }

    @Test
    void aCopyIsDeletedWhenItsEventIsDeclinedLater() throws Exception {
        putSource("m", event("m@x", "Meeting", SOON, "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:me@family.example\r\n"));
        PairTransform busyNoDeclined = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(Rule.DECLINED),
                Optional.empty(), Set.of(PrivateSeries.OWNER));
        sync(busyNoDeclined);
        assertThat(targetByUid()).hasSize(1);

        putSource("m", event("m@x", "Meeting", SOON, "ATTENDEE;PARTSTAT=DECLINED:mailto:me@family.example\r\n"));
        SyncReport report = sync(busyNoDeclined);

        assertThat(report.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ItemChange.Kind.DELETED);
            assertThat(c.why()).contains("left out by the pair's filters now (declined by me@family.example)");
        });
        assertThat(targetByUid()).isEmpty();
        assertThat(sync(busyNoDeclined).nothingChanged()).isTrue();
    }

    @Test
    void changingTheTransformRewritesTheCopiesOnceWithoutDuplicates() throws Exception {
        putSource("a", event("a@x", "Dentist", SOON));
        putSource("b", event("b@x", "Piano", SOON.plusSeconds(7200)));
        sync(PairTransform.NONE);
        assertThat(targetByUid()).containsOnlyKeys("a@x", "b@x");

        SyncReport toBusy = sync(BUSY);
        assertThat(toBusy.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(toBusy.changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ItemChange.Kind.UPDATED);
            assertThat(c.why()).isEqualTo("the pair's copy settings changed; the copy is written again");
        });
        assertThat(toBusy.held()).isEmpty();
        assertThat(targetByUid()).containsOnlyKeys(CopyUid.of("family-busy", "a@x"), CopyUid.of("family-busy", "b@x"));
        assertThat(targetByUid().values()).allSatisfy(t -> assertThat(t).contains("SUMMARY:Busy"));
        assertThat(sync(BUSY).nothingChanged()).as("rewritten once").isTrue();

        PairTransform blocked = new PairTransform(CopyMode.BUSY, "Blocked", "", Set.of(), Optional.empty(), Set.of());
        assertThat(sync(blocked).changes()).hasSize(2);
        assertThat(targetByUid()).hasSize(2).allSatisfy((uid, t) -> assertThat(t).contains("SUMMARY:Blocked"));

        SyncReport back = sync(PairTransform.NONE);
        assertThat(back.changes()).hasSize(2);
        assertThat(targetByUid()).containsOnlyKeys("a@x", "b@x");
        assertThat(targetByUid().get("a@x")).isEqualTo(Files.readString(sourceDir.resolve("a.ics")));
        assertThat(db.copyLinks()).isEmpty();
        assertThat(sync(PairTransform.NONE).nothingChanged()).isTrue();
    }

    @Test
    void theUsersOwnEventWithASourceUidIsLeftAloneByABusyPair() throws Exception {
        putSource("invite", event("invite@corp.example", "Offsite", SOON));
        Files.createDirectories(targetDir);
        String own = event("invite@corp.example", "Offsite (my copy, with notes)", SOON);
        Files.writeString(targetDir.resolve("mine.ics"), own);

        SyncReport report = sync(BUSY);

        assertThat(report.changes()).extracting(ItemChange::kind).containsExactly(ItemChange.Kind.CREATED);
        assertThat(Files.readString(targetDir.resolve("mine.ics"))).isEqualTo(own);
        assertThat(targetByUid()).hasSize(2);
        assertThat(sync(BUSY).nothingChanged()).isTrue();
    }

    @Test
    void aLostStateDatabaseDoesNotDuplicateBusyCopies() throws Exception {
        putSource("a", event("a@x", "Dentist", SOON));
        sync(BUSY);
        db.close();
        Files.delete(home.resolve("pair.db"));
        db = StatusDb.open(home.resolve("pair.db"));

        SyncReport rebuilt = sync(BUSY);

        assertThat(rebuilt.changes()).as("the copy is found by its derived UID").isEmpty();
        assertThat(targetByUid()).hasSize(1);
    }

    @Test
    void expandedSeriesAreCopiedBusyOccurrenceByOccurrence() throws Exception {
        putSource("series", PrivateSeries.text());
        SyncPolicy policy = new SyncPolicy(SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, 30, 365, true, 1, true, true, 5,
                20, BUSY);

        SyncReport report = engine.sync(new SyncPair("family-busy", source, target, policy), db, SyncOptions.normal());

        assertThat(report.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(targetByUid()).hasSize(9).allSatisfy((uid, text) -> {
            assertThat(uid).startsWith("calsync-copy-");
            assertThat(text).contains("SUMMARY:Busy").doesNotContain("FREQ=WEEKLY", "RECURRENCE-ID", "Therapy", "Baker");
        });
        assertThat(engine.sync(new SyncPair("family-busy", source, target, policy), db, SyncOptions.normal())
                .nothingChanged()).isTrue();
    }

    /** Occurrence (its RECURRENCE-ID in UTC) → "start/end" in UTC, as an expanding reader sees the series. */
    private Map<String, String> occurrences(String text) throws MalformedItemException {
        CalendarItem item = parser.parse(text);
        TimeWindow window = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
        Map<String, String> times = new TreeMap<>();
        for (CalendarItem occurrence : new RecurrenceExpander(ZoneOffset.UTC).expand(item, window)) {
            String stamp = occurrence.uid().substring(occurrence.uid().lastIndexOf('-') + 1);
            List<String> lines = new ArrayList<>();
            for (String line : occurrence.text().split("\r?\n")) {
                if (line.startsWith("DTSTART") || line.startsWith("DTEND")) {
                    lines.add(line);
                }
            }
            times.put(stamp, String.join(" ", lines));
        }
        return times;
    }
}
