package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.sync.PrivateSeries;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-account pairs through the service, between a real Radicale (the source account) and a real
 * Xandikos or a folder: every matching calendar syncs into a calendar of the same name, made with
 * MKCALENDAR; a calendar added to the source takes part in the next run; each calendar has its
 * own status row.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeAccountSyncTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private LocalCalDavServer radicale;
    private LocalCalDavServer xandikos;

    @TempDir
    Path home;

    private CalSyncPaths paths;
    private CalSyncService service;

    @BeforeAll
    void startServers() {
        radicale = RadicaleServer.start();
        xandikos = XandikosServer.start();
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
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    private void startService(String prefix) throws Exception {
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), """
                {
                  "accounts": {
                    "rad": { "url": "%s", "username": "%s" },
                    "xan": { "url": "%s" }
                  },
                  "calendars": { "backup": { "type": "folder", "path": "%s" } },
                  "pairs": [
                    { "name": "all", "source": "rad:%s *", "target": "xan:*" },
                    { "name": "busy-files", "source": "rad:%s *", "target": "backup", "copy": "busy" }
                  ]
                }
                """.formatted(radicale.baseUrl(), radicale.username(), xandikos.baseUrl(), home.resolve("backup"),
                prefix, prefix));
        Map<String, String> env = Map.of("CALSYNC_PASSWORD_RAD", radicale.password());
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, env, Os.LINUX, CLOCK), CLOCK,
                4243, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1),
                Duration.ofSeconds(15)));
        service.start();
    }

    private SyncReport syncNow(String pair) throws Exception {
        List<SyncReport> reports = service.syncNow(Optional.of(pair)).get(60, TimeUnit.SECONDS);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private void put(URI calendar, String uid, String text) {
        var answer = radicale.send("PUT", calendar.resolve(uid.replace("@", "-") + ".ics"),
                Map.of("Content-Type", "text/calendar; charset=utf-8", "If-None-Match", "*"), text);
        assertThat(answer.statusCode()).as("PUT %s: %s", uid, answer.body()).isBetween(200, 299);
    }

    @Test
    void everyCalendarOfTheAccountIsMirroredIntoACalendarOfTheSameNameAndANewOneJoinsNextRun() throws Exception {
        URI family = radicale.newCalendar("WA1 Family", List.of("VEVENT"));
        URI chores = radicale.newCalendar("WA1 Chores", List.of("VTODO"));
        put(family, PrivateSeries.UID, PrivateSeries.text());
        put(chores, "milk@x", todo("milk@x", "Buy milk"));
        radicale.newCalendar("Not matched", List.of("VEVENT"));
        startService("WA1");

        SyncReport first = syncNow("all");

        assertThat(first.outcome()).as("%s", first).isEqualTo(SyncOutcome.OK);
        assertThat(first.calendars()).extracting(SyncReport::pair).containsExactlyInAnyOrder("all/WA1 Family", "all/WA1 Chores");
        assertThat(first.calendars()).allSatisfy(r -> {
            assertThat(r.calendar().targetCreated()).as("%s made its target", r.pair()).isTrue();
            assertThat(r.outcome()).isEqualTo(SyncOutcome.OK);
        });
        assertThat(xandikosCalendar("WA1 Family")).contains("Therapy with Dr. Who");
        assertThat(xandikosCalendar("WA1 Chores")).contains("BEGIN:VTODO", "Buy milk");
        ServiceSnapshot status = service.latest();
        List<String> rows = status.pairs().stream().map(ServiceSnapshot.PairStatus::name).toList();
        assertThat(rows).as("a row per calendar, after its pair's own").hasSize(4).startsWith("all").endsWith("busy-files");
        assertThat(rows.subList(1, 3)).containsExactlyInAnyOrder("all/WA1 Family", "all/WA1 Chores");
        ServiceSnapshot.PairStatus familyRow = status.pair("all/WA1 Family");
        assertThat(familyRow.parent()).isEqualTo("all");
        assertThat(familyRow.source()).isEqualTo("rad:WA1 Family");
        assertThat(familyRow.target()).isEqualTo("xan:WA1 Family");
        assertThat(familyRow.lastResult().target().created()).isEqualTo(1);

        URI trips = radicale.newCalendar("WA1 Trips", List.of("VEVENT"));
        put(trips, "rome@x", event("rome@x", "Rome"));
        SyncReport second = syncNow("all");

        assertThat(second.calendars()).extracting(SyncReport::pair).hasSize(3).contains("all/WA1 Trips");
        assertThat(second.calendars()).filteredOn(r -> !r.pair().equals("all/WA1 Trips"))
                .allSatisfy(r -> assertThat(r.nothingChanged()).as("%s", r.pair()).isTrue());
        assertThat(xandikosCalendar("WA1 Trips")).contains("SUMMARY:Rome");
        assertThat(service.latest().pair("all/WA1 Trips")).isNotNull();
        assertThat(syncNow("all").calendars()).allSatisfy(r -> assertThat(r.nothingChanged()).isTrue());
    }

    @Test
    void aBusyWholeAccountPairIntoAFolderKeepsOneSubFolderPerCalendarAndNothingPrivate() throws Exception {
        URI family = radicale.newCalendar("WA2 Family", List.of("VEVENT"));
        URI chores = radicale.newCalendar("WA2 Chores", List.of("VTODO"));
        put(family, PrivateSeries.UID, PrivateSeries.text());
        put(chores, "milk@x", todo("milk@x", "Buy milk"));
        startService("WA2");

        SyncReport report = syncNow("busy-files");

        assertThat(report.outcome()).as("%s", report).isEqualTo(SyncOutcome.OK);
        assertThat(report.leftOut()).as("busy copies carry events only").isEqualTo(1);
        Path familyFolder = home.resolve("backup/WA2 Family");
        List<Path> copies;
        try (Stream<Path> files = Files.list(familyFolder)) {
            copies = files.toList();
        }
        assertThat(copies).hasSize(1);
        String copy = Files.readString(copies.get(0));
        for (String secret : PrivateSeries.PRIVATE) {
            assertThat(copy).as("the folder copy holds \"%s\"", secret).doesNotContain(secret);
        }
        assertThat(service.latest().pair("busy-files/WA2 Family").transform()).isEqualTo("busy copy (\"Busy\")");

        SyncReport one = SyncRunner.standard(paths, Map.of("CALSYNC_PASSWORD_RAD", radicale.password()), Os.LINUX, CLOCK)
                .runNamed(new ConfigLoader(home).load(paths.configFile()).config().orElseThrow(), "busy-files/WA2 Family",
                        SyncOptions.normal()).orElseThrow();
        assertThat(one.pair()).as("one calendar of the pair, by the name its row shows").isEqualTo("busy-files/WA2 Family");
        assertThat(one.nothingChanged()).isTrue();
    }

    @Test
    void aDryRunPlansAgainstTheCalendarsItWouldMakeAndMakesNothing() throws Exception {
        URI family = radicale.newCalendar("WA3 Family", List.of("VEVENT"));
        put(family, "rome@x", event("rome@x", "Rome"));
        startService("WA3");
        var config = new ConfigLoader(home).load(paths.configFile()).config().orElseThrow();
        SyncRunner runner = SyncRunner.standard(paths, Map.of("CALSYNC_PASSWORD_RAD", radicale.password()), Os.LINUX,
                CLOCK);

        for (String pair : List.of("all", "busy-files")) {
            SyncReport dry = runner.run(config, config.pair(pair).orElseThrow(), SyncOptions.dryRunOnly());
            assertThat(dry.calendars()).as(pair).singleElement().satisfies(r -> {
                assertThat(r.outcome()).as("%s", r).isEqualTo(SyncOutcome.OK);
                assertThat(r.calendar().targetCreated()).isTrue();
                assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.why()).isEqualTo("new on the source"));
            });
        }
        assertThat(new com.calsync.store.caldav.CalDavDiscovery(xandikosClient()).calendars())
                .extracting(com.calsync.store.caldav.CalendarInfo::displayName).doesNotContain("WA3 Family");
        assertThat(home.resolve("backup/WA3 Family")).doesNotExist();
    }

    private com.calsync.store.caldav.CalDavClient xandikosClient() {
        return new com.calsync.store.caldav.CalDavClient(com.calsync.store.caldav.CalDavAccount.anonymous("x",
                xandikos.baseUrl()), com.calsync.store.caldav.CalDavClient.httpClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(20), com.calsync.store.caldav.RetryPolicy.defaults(),
                com.calsync.store.caldav.Sleeper.real(), CLOCK);
    }

    /** The text of every item of the Xandikos calendar named {@code name}, joined. */
    private String xandikosCalendar(String name) throws Exception {
        var client = xandikosClient();
        var info = new com.calsync.store.caldav.CalDavDiscovery(client).pick(name);
        try (var store = new com.calsync.store.caldav.CalDavStore(client, info)) {
            StringBuilder all = new StringBuilder();
            store.get(store.list(com.calsync.ical.TimeWindow.ALL).etags().keySet()).forEach(i -> all.append(i.ics()));
            return all.toString();
        }
    }

    private static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261210T090000Z\r\nDTEND:20261210T100000Z\r\nSUMMARY:" + summary
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String todo(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDUE:20261205T170000Z\r\nSUMMARY:" + summary
                + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }
}
