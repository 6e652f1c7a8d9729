package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service in this process, with folder pairs: what observers see and what the control socket answers. */
class CalSyncServiceTest {
    @TempDir
    Path home;

    private CalSyncPaths paths;
    private CalSyncService service;
    private final List<ServiceSnapshot> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(home.resolve("a"));
        Files.createDirectories(home.resolve("b"));
        Files.writeString(home.resolve("a/x.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:x@t", "DTSTAMP:20261101T000000Z",
                "DTSTART:" + java.time.LocalDate.now().plusDays(1).toString().replace("-", "") + "T090000Z", "SUMMARY:X",
                "END:VEVENT", "END:VCALENDAR", ""));
        Files.writeString(paths.configFile(), """
                { "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "c": { "type": "folder", "path": "c" },
                                 "gone": { "type": "folder", "path": "no/such/folder" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ] }
                """);
        Clock clock = Clock.systemUTC();
        // a first-run delay far away: runs here come only from syncNow
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, clock), clock, 4242,
                new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1), Duration.ofSeconds(15)));
        service.subscribe(seen::add);
        service.start();
    }

    @AfterEach
    void tearDown() {
        service.stop();
    }

    @Test
    void observersSeeEveryStateAndTheSocketAnswersWithTheSameSnapshot() throws Exception {
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).state()).isEqualTo(ServiceState.IDLE);

        List<SyncReport> reports = service.syncNow(Optional.empty()).get(20, TimeUnit.SECONDS);
        assertThat(reports).extracting(SyncReport::outcome).containsExactly(SyncOutcome.OK);
        assertThat(seen).extracting(ServiceSnapshot::state).contains(ServiceState.SYNCING);
        assertThat(seen).extracting(ServiceSnapshot::progress).as("items done of total while the run writes")
                .contains(new ServiceSnapshot.Progress(1, 1));
        assertThat(service.latest().progress()).as("no progress once the run is over").isNull();
        ServiceSnapshot after = service.latest();
        assertThat(after.pair("p").lastResult().target().created()).isEqualTo(1);
        assertThat(after.syncCount()).isEqualTo(1);

        ControlClient client = new ControlClient(paths.controlSocket());
        assertThat(client.send(client.request("pause")).orElseThrow().path("state").asText()).isEqualTo("paused");
        assertThat(service.latest().state()).isEqualTo(ServiceState.PAUSED);
        assertThat(service.latest().nextSync()).isNull();
        var status = client.send(client.request("status")).orElseThrow();
        assertThat(status.path("pid").asLong()).isEqualTo(4242);
        assertThat(client.json().treeToValue(status.get("status"), ServiceSnapshot.class).syncCount()).isEqualTo(1);
        assertThat(client.send(client.request("resume")).orElseThrow().path("state").asText()).isEqualTo("idle");

        var unknown = client.send(client.request("sync").put("pair", "nope")).orElseThrow();
        assertThat(unknown.path("ok").asBoolean()).isFalse();
        assertThat(unknown.path("error").asText()).contains("no pair named \"nope\"; pairs: p");
        var bad = client.send(client.request("dance")).orElseThrow();
        assertThat(bad.path("error").asText()).contains("unknown command \"dance\"");

        service.stop();
        assertThat(seen.get(seen.size() - 1).running()).isFalse();
        assertThat(seen.get(seen.size() - 1).state()).isEqualTo(ServiceState.STOPPED);
        assertThat(client.answers()).isFalse();
        assertThatThrownBy(() -> service.syncNow(Optional.empty()).join()).hasMessageContaining("stopping");
    }

    @Test
    void aFailingPairIsReportedWithItsErrorAndBacksOff() throws Exception {
        Files.writeString(paths.configFile(), Files.readString(paths.configFile())
                .replace("\"target\": \"b\" }", "\"target\": \"b\" }, { \"name\": \"broken\", \"source\": \"gone\", \"target\": \"c\" }"));
        service.reload();
        List<SyncReport> reports = service.syncNow(Optional.of("broken")).get(20, TimeUnit.SECONDS);
        assertThat(reports.get(0).outcome()).isEqualTo(SyncOutcome.FAILED);
        ServiceSnapshot.PairStatus broken = service.latest().pair("broken");
        assertThat(broken.lastError()).isNotBlank();
        assertThat(broken.consecutiveFailures()).isEqualTo(1);
        assertThat(broken.errorCount()).isEqualTo(1);
        assertThat(service.latest().errorCount()).isEqualTo(1);
        assertThat(service.latest().pair("p").consecutiveFailures()).isZero();
    }

    @Test
    void aSecondServiceForTheSameHomeIsRefusedWithThePidOfTheFirst() {
        CalSyncService second = new CalSyncService(paths, new ConfigLoader(home),
                SyncRunner.standard(paths, Map.of(), Os.LINUX, Clock.systemUTC()), Clock.systemUTC(), 1, SyncScheduler.Timing.DEFAULT);
        assertThatThrownBy(second::start).isInstanceOf(AlreadyRunningException.class).hasMessageContaining("pid 4242");
    }
}
