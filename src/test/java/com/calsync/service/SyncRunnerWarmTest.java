package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's runner keeps a pair open between its runs; the command line's opens and closes it each time. */
class SyncRunnerWarmTest {
    @TempDir
    Path home;

    private CalSyncConfig config(String pairs) throws Exception {
        Files.createDirectories(home.resolve("a"));
        Files.createDirectories(home.resolve("b"));
        Files.writeString(home.resolve("a/x.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:x@t", "DTSTAMP:20261101T000000Z", "DTSTART:" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString().replace("-", "") + "T090000Z", "SUMMARY:X",
                "END:VEVENT", "END:VCALENDAR", ""));
        return new ConfigLoader(home).parse("""
                { "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "gone": { "type": "folder", "path": "no/such/folder" } },
                  "pairs": [ %s ] }
                """.formatted(pairs), "config.json", home).config().orElseThrow();
    }

    private SyncRunner runner() {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        return SyncRunner.standard(paths, Map.of(), Os.LINUX, Clock.systemUTC());
    }

    @Test
    void aWarmRunnerKeepsAPairOpenBetweenRunsUntilTheConfigDropsIt() throws Exception {
        CalSyncConfig config = config("{ \"name\": \"p\", \"source\": \"a\", \"target\": \"b\" }");
        try (SyncRunner runner = runner().warm()) {
            SyncReport first = runner.run(config, config.pairs().get(0), SyncOptions.normal());
            assertThat(first.outcome()).isEqualTo(SyncOutcome.OK);
            assertThat(first.changes()).hasSize(1);
            assertThat(runner.openPairs()).containsExactly("p");

            SyncReport second = runner.run(config, config.pairs().get(0), SyncOptions.normal());
            assertThat(second.outcome()).isEqualTo(SyncOutcome.OK);
            assertThat(second.changes()).as("the kept state knows the item").isEmpty();

            runner.keepOnly(config("{ \"name\": \"q\", \"source\": \"a\", \"target\": \"b\" }"));
            assertThat(runner.openPairs()).isEmpty();
        }
    }

    @Test
    void aPairThatFailsIsNotKeptAndTheColdRunnerKeepsNothing() throws Exception {
        CalSyncConfig config = config("{ \"name\": \"broken\", \"source\": \"a\", \"target\": \"gone\" }");
        try (SyncRunner runner = runner().warm()) {
            assertThat(runner.run(config, config.pairs().get(0), SyncOptions.normal()).outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(runner.openPairs()).isEmpty();
        }
        CalSyncConfig good = config("{ \"name\": \"p\", \"source\": \"a\", \"target\": \"b\" }");
        try (SyncRunner cold = runner()) {
            assertThat(cold.run(good, good.pairs().get(0), SyncOptions.normal()).outcome()).isEqualTo(SyncOutcome.OK);
            assertThat(cold.openPairs()).isEmpty();
        }
    }
}
