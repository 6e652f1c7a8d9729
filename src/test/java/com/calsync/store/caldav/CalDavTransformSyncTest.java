package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.TimeWindow;
import com.calsync.ical.transform.CopyUid;
import com.calsync.ical.transform.EventFilter.Rule;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoredItem;
import com.calsync.sync.IcalKit;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Journal;
import com.calsync.sync.PrivateSeries;
import com.calsync.sync.Side;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import com.calsync.sync.transform.CopyMode;
import com.calsync.sync.transform.PairTransform;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transformed pairs and task lists between a real Radicale and a real Xandikos: a busy copy of a
 * series with overrides (times right, nothing private on the server), edits and deletions
 * following it, a changed transform, every filter and the title prefix, and a task list.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalDavTransformSyncTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final PairTransform BUSY = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(), Optional.empty(),
            Set.of());

    private CalDavStoreFixture radicale;
    private CalDavStoreFixture xandikos;
    private final ItemParser parser = new ItemParser();

    @TempDir
    Path temp;

    @BeforeAll
    void startServers() {
        radicale = CalDavStoreFixture.start(RadicaleServer::start);
        xandikos = CalDavStoreFixture.start(XandikosServer::start);
    }

    @AfterAll
    void stopServers() {
        if (radicale != null) {
            radicale.close();
        }
        if (xandikos != null) {
            xandikos.close();
        }
    }

    @AfterEach
    void closeStores() {
        radicale.closeStores();
        xandikos.closeStores();
    }

    @Test
    void aFamilyToWorkBusyPairCarriesTimesOnlyAndFollowsEditsDeletionsAndATransformChange() throws Exception {
        CalDavStore family = radicale.newEmptyStore();
        CalDavStore work = xandikos.newEmptyStore();
        family.create(PrivateSeries.UID, PrivateSeries.text());
        String dentist = event("dentist@family.example", "Dentist: root canal", "20261201T100000Z", "20261201T110000Z",
                "LOCATION:Main St 5\r\n");
        family.create("dentist@family.example", dentist);
        Runner run = new Runner("family-busy", family, work);

        SyncReport first = run.sync(BUSY);

        assertThat(first.outcome()).as("%s", first).isEqualTo(SyncOutcome.OK);
        assertThat(first.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(2);
        Map<String, String> onWork = byUid(work);
        String seriesCopy = CopyUid.of("family-busy", PrivateSeries.UID);
        assertThat(onWork).containsOnlyKeys(seriesCopy, CopyUid.of("family-busy", "dentist@family.example"));
        for (String text : onWork.values()) {
            for (String secret : PrivateSeries.PRIVATE) {
                assertThat(text).as("Xandikos holds \"%s\"", secret).doesNotContain(secret);
            }
            assertThat(text).doesNotContain("root canal", "Main St", "dentist@family.example").contains("SUMMARY:Busy");
        }
        assertThat(occurrences(onWork.get(seriesCopy))).as("times as stored by Xandikos")
                .isEqualTo(occurrences(PrivateSeries.text())).hasSize(9);
        assertThat(run.sync(BUSY).nothingChanged()).isTrue();

        // the source's edit moves the copy, and the source's deletion removes it
        StoredItem stored = byHref(family, "dentist@family.example");
        family.update(stored.href(), stored.ics().replace("20261201T1", "20261202T1"), stored.etag());
        SyncReport moved = run.sync(BUSY);
        assertThat(moved.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ItemChange.Kind.UPDATED));
        assertThat(byUid(work).get(CopyUid.of("family-busy", "dentist@family.example")))
                .contains("DTSTART:20261202T100000Z");
        // busy → no details: the dentist's copy gets its title; the private series stays busy-only, so unchanged
        PairTransform noDetails = new PairTransform(CopyMode.NO_DETAILS, "Busy", "", Set.of(), Optional.empty(), Set.of());
        SyncReport titled = run.sync(noDetails);
        assertThat(titled.changes()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("dentist@family.example");
            assertThat(c.why()).isEqualTo("the pair's copy settings changed; the copy is written again");
        });
        assertThat(byUid(work).get(CopyUid.of("family-busy", "dentist@family.example")))
                .contains("SUMMARY:Dentist: root canal").doesNotContain("Main St");
        assertThat(byUid(work).get(seriesCopy)).contains("SUMMARY:Busy").doesNotContain("Therapy");
        assertThat(run.sync(noDetails).nothingChanged()).as("rewritten once").isTrue();

        family.delete(stored.href(), byHref(family, "dentist@family.example").etag());
        SyncReport deleted = run.sync(noDetails);
        assertThat(deleted.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ItemChange.Kind.DELETED));
        assertThat(byUid(work)).containsOnlyKeys(seriesCopy);

        // → full: the copy is replaced by the event itself, under the source's UID
        SyncReport full = run.sync(PairTransform.NONE);
        assertThat(full.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(byUid(work)).containsOnlyKeys(PrivateSeries.UID);
        assertThat(run.sync(PairTransform.NONE).nothingChanged()).isTrue();
    }

    @Test
    void eachFilterAndThePrefixIntoRadicale() throws Exception {
        CalDavStore source = xandikos.newEmptyStore();
        CalDavStore target = radicale.newEmptyStore();
        source.create("free@x", event("free@x", "Maybe gym", "20261201T070000Z", "20261201T080000Z", "TRANSP:TRANSPARENT\r\n"));
        source.create("declined@x", event("declined@x", "Boring", "20261201T090000Z", "20261201T100000Z",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:" + PrivateSeries.OWNER + "\r\n"));
        source.create("allday@x", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:allday@x\r\n"
                + "DTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261204\r\n"
                + "SUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        source.create("cancelled@x", event("cancelled@x", "Called off", "20261201T110000Z", "20261201T120000Z",
                "STATUS:CANCELLED\r\n"));
        source.create("title@x", event("title@x", "Lunch (private)", "20261201T120000Z", "20261201T130000Z", ""));
        source.create("kept@x", event("kept@x", "Planning, Q4", "20261201T140000Z", "20261201T150000Z",
                "DESCRIPTION:agenda\r\n"));
        PairTransform filtered = new PairTransform(CopyMode.NO_DETAILS, "Busy", "[Family] ", Set.of(Rule.values()),
                Optional.of("\\(private\\)"), Set.of(PrivateSeries.OWNER));
        Runner run = new Runner("filtered", source, target);

        SyncReport report = run.sync(filtered);

        assertThat(report.outcome()).as("%s", report).isEqualTo(SyncOutcome.OK);
        assertThat(report.leftOut()).isEqualTo(5);
        Map<String, String> onTarget = byUid(target);
        assertThat(onTarget).containsOnlyKeys(CopyUid.of("filtered", "kept@x"));
        assertThat(onTarget.values().iterator().next()).as("prefixed, comma kept through Radicale, details dropped")
                .contains("SUMMARY:[Family] Planning\\, Q4").doesNotContain("agenda");
        SyncReport again = run.sync(filtered);
        assertThat(again.nothingChanged()).isTrue();
        assertThat(again.requests()).as("an unchanged pair costs one request per side")
                .containsEntry(Side.SOURCE, 1L).containsEntry(Side.TARGET, 1L);
    }

    @Test
    void aTaskListSyncsToATaskCalendarAndEventsAreLeftWhereTheyCannotGo() throws Exception {
        CalDavStore tasks = radicale.open(radicale.server().newCalendar("Tasks " + radicale.nextCalendarNumber(),
                List.of("VTODO")), radicale.client());
        CalDavStore events = radicale.open(radicale.server().newCalendar("Events " + radicale.nextCalendarNumber(),
                List.of("VEVENT")), radicale.client());
        CalDavStore copy = xandikos.newEmptyStore(); // Xandikos holds every kind
        tasks.create("milk@x", todo("milk@x", "Buy milk", "NEEDS-ACTION"));
        tasks.create("tax@x", todo("tax@x", "File taxes", "COMPLETED"));
        Runner run = new Runner("tasks", tasks, copy);

        SyncReport first = run.sync(PairTransform.NONE);

        assertThat(first.outcome()).as("%s", first).isEqualTo(SyncOutcome.OK);
        assertThat(byUid(copy)).containsOnlyKeys("milk@x", "tax@x");
        assertThat(byUid(copy).get("milk@x")).contains("BEGIN:VTODO", "SUMMARY:Buy milk");
        StoredItem milk = byHref(tasks, "milk@x");
        tasks.update(milk.href(), milk.ics().replace("NEEDS-ACTION", "COMPLETED"), milk.etag());
        assertThat(run.sync(PairTransform.NONE).changes()).singleElement()
                .satisfies(c -> assertThat(c.why()).isEqualTo("changed on the source"));
        assertThat(byUid(copy).get("milk@x")).contains("STATUS:COMPLETED");

        // Xandikos → an events-only Radicale calendar: the to-dos stay where they are, with the reason
        SyncReport intoEvents = new Runner("tasks-into-events", copy, events).sync(PairTransform.NONE);
        assertThat(intoEvents.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(intoEvents.skipped()).hasSize(2).allSatisfy(s -> assertThat(s.reason())
                .contains("holds a VTODO").contains("the target (" + events.describe() + ") holds no to-dos"));
        assertThat(byUid(events)).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** One engine and status database for a pair, kept across its runs. */
    private final class Runner {
        private final String name;
        private final CalendarStore source;
        private final CalendarStore target;
        private final SyncEngine engine;
        private final Path db;

        Runner(String name, CalendarStore source, CalendarStore target) throws Exception {
            this.name = name;
            this.source = source;
            this.target = target;
            Path dir = Files.createDirectories(temp.resolve(name));
            this.engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(dir.resolve("journal"), CLOCK), CLOCK);
            this.db = dir.resolve("status.db");
        }

        SyncReport sync(PairTransform transform) {
            try (StatusDb status = StatusDb.open(db)) {
                return engine.sync(new SyncPair(name, source, target,
                        SyncPolicy.defaults(SyncMode.MIRROR).withTransform(transform)), status, SyncOptions.normal());
            }
        }
    }

    private static String event(String uid, String summary, String start, String end, String extra) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync tests//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end + "\r\nSUMMARY:"
                + summary.replace(",", "\\,") + "\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String todo(String uid, String summary, String status) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync tests//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDUE:20261205T170000Z\r\nSUMMARY:" + summary + "\r\nSTATUS:" + status
                + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    private Map<String, String> byUid(CalendarStore store) throws MalformedItemException {
        Map<String, String> byUid = new TreeMap<>();
        for (StoredItem item : store.get(store.list(TimeWindow.ALL).etags().keySet())) {
            byUid.put(parser.parse(item.ics()).uid(), item.ics());
        }
        return byUid;
    }

    private StoredItem byHref(CalendarStore store, String uid) throws MalformedItemException {
        for (StoredItem item : store.get(store.list(TimeWindow.ALL).etags().keySet())) {
            if (parser.parse(item.ics()).uid().equals(uid)) {
                return item;
            }
        }
        throw new AssertionError(uid + " is not in " + store.describe());
    }

    /** Occurrence (RECURRENCE-ID in UTC) → its DTSTART and DTEND lines, as an expanding reader sees the series. */
    private Map<String, String> occurrences(String text) throws MalformedItemException {
        Map<String, String> times = new TreeMap<>();
        TimeWindow window = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
        for (var occurrence : new com.calsync.ical.RecurrenceExpander(ZoneOffset.UTC).expand(parser.parse(text), window)) {
            String stamp = occurrence.uid().substring(occurrence.uid().lastIndexOf('-') + 1);
            StringBuilder lines = new StringBuilder();
            for (String line : occurrence.text().split("\r?\n")) {
                if (line.startsWith("DTSTART") || line.startsWith("DTEND")) {
                    lines.append(line).append(' ');
                }
            }
            times.put(stamp, lines.toString().trim());
        }
        return times;
    }
}
