package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import com.calsync.testservers.XandikosServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * config.json's {@code limits.max_writes_in_flight} reaches the engine: a folder mirrored into a
 * real Xandikos calendar goes out several writes at once by default, one at a time with 1.
 */
@Tag("caldav")
@Tag("external")
class SyncRunnerWritesInFlightTest {
    private static final int EVENTS = 12;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theDefaultSendsSeveralWritesAtOnceAndOneSendsOneAtATime() throws IOException {
        try (XandikosServer server = XandikosServer.start()) {
            assertThat(firstMirror(server, "default", "")).as("the window's summary")
                    .anyMatch(m -> m.matches(".*wrote to the target: " + EVENTS + " writes, up to [2-4] at once.*"));
            assertThat(firstMirror(server, "one", ",\n  \"limits\": { \"max_writes_in_flight\": 1 }"))
                    .as("no window at all with 1").noneMatch(m -> m.contains(" at once"));
        }
    }

    /** Mirrors a new folder of {@link #EVENTS} events into a new calendar; returns what the sync logged. */
    private List<String> firstMirror(XandikosServer server, String name, String limits) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name + "-folder"));
        for (int i = 0; i < EVENTS; i++) {
            Files.writeString(folder.resolve("e" + i + ".ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                    "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:" + name + "-" + i + "@test", "DTSTAMP:20261101T000000Z",
                    "DTSTART:202612%02dT090000Z".formatted(1 + i), "SUMMARY:Event " + i, "END:VEVENT", "END:VCALENDAR", ""),
                    StandardCharsets.UTF_8);
        }
        URI calendar = server.newCalendar("Runner " + name);
        Path home = Files.createDirectories(dir.resolve(name + "-home"));
        Files.writeString(home.resolve("config.json"), """
                {
                  "accounts": { "x": { "type": "caldav", "url": "%s" } },
                  "calendars": {
                    "folder": { "type": "folder", "path": "%s" },
                    "xandikos": { "account": "x", "path": "%s" }
                  },
                  "pairs": [ { "name": "p", "source": "folder", "target": "xandikos", "mode": "mirror" } ]%s
                }
                """.formatted(server.baseUrl(), folder, calendar.getRawPath(), limits), StandardCharsets.UTF_8);
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        CalSyncConfig config = new ConfigLoader(home).load(paths.configFile()).config().orElseThrow();

        Logger syncLog = (Logger) LoggerFactory.getLogger("com.calsync.sync");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        syncLog.addAppender(logged);
        try (SyncRunner runner = SyncRunner.standard(paths, Map.of(), Os.LINUX, CLOCK)) {
            SyncReport report = runner.run(config, config.pairs().get(0), SyncOptions.normal());
            assertThat(report.outcome()).as("%s %s", report.failure(), report.errors()).isEqualTo(SyncOutcome.OK);
            assertThat(report.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(EVENTS);
        } finally {
            syncLog.detachAppender(logged);
        }
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
