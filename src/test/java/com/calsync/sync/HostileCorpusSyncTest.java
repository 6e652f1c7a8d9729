package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.HostileCorpus;
import com.calsync.ical.HostileCorpus.Case;
import com.calsync.ical.HostileCorpus.Expect;
import com.calsync.ical.ItemParser;
import com.calsync.ical.OpaqueItem;
import com.calsync.ical.ReadItem;
import com.calsync.store.StoredItem;
import com.calsync.store.local.FolderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's "done when", folder → folder: one run over the hostile corpus (valid, broken and
 * odd items from several producers) ends ok or partial, never failed; every file is carried
 * equal (byte for byte, as read) or skipped with a reason naming what is wrong; the next run
 * changes nothing. The skipped/total figure is printed for the closing note.
 */
class HostileCorpusSyncTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private final ItemParser parser = new ItemParser();

    private SyncReport sync(FolderStore source, FolderStore target, SyncPolicy policy) {
        TestClock clock = new TestClock(NOW);
        SyncEngine engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(dir.resolve("journal"), clock), clock);
        try (StatusDb db = StatusDb.open(dir.resolve(policy.mode().jsonName() + policy.expandRecurring() + ".db"))) {
            return engine.sync(new SyncPair("hostile", source, target, policy), db, SyncOptions.normal());
        }
    }

    private Path copyOfCorpus(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Path file : HostileCorpus.files()) {
            Files.write(folder.resolve(file.getFileName()), HostileCorpus.bytes(file.getFileName().toString()));
        }
        return folder;
    }

    @Test
    void everyFileIsCarriedEqualOrSkippedWithAReasonAndTheNextRunIsANoOp() throws Exception {
        assertThat(HostileCorpus.files()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(HostileCorpus.cases().stream().map(Case::file).toList());
        FolderStore source = new FolderStore(copyOfCorpus("source"), java.time.Clock.systemUTC(), false);
        FolderStore target = new FolderStore(dir.resolve("target"), java.time.Clock.systemUTC());

        SyncReport first = sync(source, target, SyncPolicy.defaults(SyncMode.MIRROR));

        assertThat(first.outcome()).as("%s", first).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(first.errors()).isEmpty();
        Map<String, SkippedItem> skipped = first.skipped().stream()
                .collect(Collectors.toMap(SkippedItem::href, s -> s));
        Map<String, StoredItem> onSource = byHref(source);
        Map<String, String> onTargetByUid = textsByUid(target);
        int duplicatesSkipped = 0;
        for (Case c : HostileCorpus.cases()) {
            SkippedItem skip = skipped.get(c.file());
            switch (c.expect()) {
                case CARRIED, CARRIED_AS_TEXT -> {
                    assertThat(skip).as("%s is not skipped", c.file()).isNull();
                    ReadItem read = parser.read(onSource.get(c.file()).ics());
                    assertThat(read instanceof OpaqueItem).as("%s read as text", c.file())
                            .isEqualTo(c.expect() == Expect.CARRIED_AS_TEXT);
                    assertThat(onTargetByUid.get(read.uid())).as("the copy of %s", c.file()).isEqualTo(read.text());
                }
                case SKIPPED_NEEDS_YOU, SKIPPED_BY_DESIGN -> {
                    assertThat(skip).as("%s is skipped", c.file()).isNotNull();
                    assertThat(skip.reason()).as("why %s is skipped", c.file()).contains(c.reasonWord());
                    assertThat(skip.needsAttention()).as("%s needs the user", c.file())
                            .isEqualTo(c.expect() == Expect.SKIPPED_NEEDS_YOU);
                }
                case ONE_OF_TWO_SKIPPED -> {
                    if (skip != null) {
                        duplicatesSkipped++;
                        assertThat(skip.reason()).contains(c.reasonWord());
                        assertThat(skip.needsAttention()).isTrue();
                    }
                }
            }
        }
        assertThat(duplicatesSkipped).as("one of the two files with one UID is skipped").isEqualTo(1);
        assertThat(skipped).hasSize((int) HostileCorpus.cases().stream()
                .filter(c -> c.expect() == Expect.SKIPPED_NEEDS_YOU || c.expect() == Expect.SKIPPED_BY_DESIGN).count() + 1);

        // What the issue asks to report: events skipped of all events, against vdirsyncer's 25 of 962.
        int events = HostileCorpus.events();
        int eventsSkipped = first.skipped().stream().mapToInt(s -> eventsIn(s.href())).sum();
        int byDesign = first.skipped().stream().filter(s -> !s.needsAttention()).mapToInt(s -> eventsIn(s.href())).sum();
        System.out.printf("hostile corpus, folder → folder: %d files, %d events: %d carried, %d skipped"
                + " (%d of them by design: outside the window)%n", HostileCorpus.files().size(), events,
                onTargetByUid.size(), eventsSkipped, byDesign);
        int toDos = 1; // vtodo-in-event-calendar.ics: folders hold to-dos too, so it is carried
        assertThat(onTargetByUid).hasSize(36 + toDos);
        assertThat(first.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(36 + toDos);
        assertThat(eventsSkipped).isEqualTo(4);
        assertThat(onTargetByUid.size() - toDos + eventsSkipped).isEqualTo(events);

        SyncReport second = sync(source, target, SyncPolicy.defaults(SyncMode.MIRROR));
        assertThat(second.nothingChanged()).as("second run: %s", second.changes()).isTrue();
        assertThat(second.errors()).isEmpty();
        assertThat(second.skipped()).extracting(SkippedItem::href).containsExactlyInAnyOrderElementsOf(skipped.keySet());
        assertThat(second.fetched().get(Side.SOURCE)).as("skipped files are remembered by etag").isZero();
    }

    @Test
    void twoWayCarriesTheCorpusAndGivesTheUidLessEventItsUidOnBothSides() throws Exception {
        FolderStore a = new FolderStore(copyOfCorpus("a"), java.time.Clock.systemUTC(), false);
        FolderStore b = new FolderStore(dir.resolve("b"), java.time.Clock.systemUTC());

        SyncReport first = sync(a, b, SyncPolicy.defaults(SyncMode.TWO_WAY));

        assertThat(first.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(first.errors()).isEmpty();
        String derived = parser.parse(Files.readString(dir.resolve("a/no-uid.ics"))).uid();
        assertThat(derived).startsWith("calsync-");
        assertThat(Files.readString(dir.resolve("a/no-uid.ics"))).as("the UID is written back where the event came from")
                .contains("UID:" + derived);
        assertThat(textsByUid(b)).containsKey(derived);
        assertThat(first.changes()).anySatisfy(c -> {
            assertThat(c.side()).isEqualTo(Side.SOURCE);
            assertThat(c.why()).contains("had no UID");
        });

        SyncReport second = sync(a, b, SyncPolicy.defaults(SyncMode.TWO_WAY));
        assertThat(second.nothingChanged()).as("second run: %s", second.changes()).isTrue();
        assertThat(textsByUid(a).keySet()).containsAll(textsByUid(b).keySet());
    }

    @Test
    void expandingTheCorpusReportsTheOccurrenceCapAndCarriesWhatCannotBeExpanded() throws Exception {
        FolderStore source = new FolderStore(copyOfCorpus("source"), java.time.Clock.systemUTC(), false);
        FolderStore target = new FolderStore(dir.resolve("expanded"), java.time.Clock.systemUTC());
        SyncPolicy expand = new SyncPolicy(SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, 30, 365, true, 1, true, true, 5, 20);

        SyncReport first = sync(source, target, expand);

        assertThat(first.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(first.errors()).isEmpty();
        assertThat(first.skipped()).filteredOn(s -> s.href().equals("minutely-forever.ics")).singleElement()
                .satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(SkippedItem.Kind.PARTLY);
                    assertThat(s.reason()).contains("more than 1000 occurrences").contains("expand_recurring");
                });
        Map<String, String> onTarget = textsByUid(target);
        assertThat(onTarget.keySet().stream().filter(u -> u.startsWith("minutely@hostile.test-"))).hasSize(1000);
        assertThat(onTarget).as("a series whose rule cannot be expanded is carried whole")
                .containsKeys("rscale@hostile.test", "libical-broken@hostile.test");
        assertThat(onTarget.get("rscale@hostile.test")).contains("RSCALE=ETHIOPIC");
        assertThat(onTarget).as("an orphan override is an occurrence")
                .containsKey("orphan-range@hostile.test-20261210T100000Z");

        SyncReport second = sync(source, target, expand);
        assertThat(second.nothingChanged()).as("second run: %s", second.changes()).isTrue();
    }

    private static int eventsIn(String file) {
        return HostileCorpus.of(file).map(Case::events).orElse(0);
    }

    private static Map<String, StoredItem> byHref(FolderStore store) {
        List<String> hrefs = List.copyOf(store.list(com.calsync.ical.TimeWindow.ALL).etags().keySet());
        return store.get(hrefs).stream().collect(Collectors.toMap(StoredItem::href, i -> i));
    }

    private Map<String, String> textsByUid(FolderStore store) throws Exception {
        Map<String, String> result = new HashMap<>();
        for (StoredItem item : byHref(store).values()) {
            try {
                result.put(parser.read(item.ics()).uid(), item.ics());
            } catch (com.calsync.ical.MalformedItemException e) {
                // a file the sync skipped, copied into a two-way side: not an item
            }
        }
        return result;
    }
}
