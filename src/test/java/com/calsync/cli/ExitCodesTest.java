package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.service.CalSyncService;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code of the README's table ("Exit codes: 0 done, 1 a pair failed or the config is
 * invalid, 2 wrong command line, 3 done but something needs you, 4 already running, 70 internal
 * error"), each reached the way a user reaches it, with the message that goes with it.
 */
class ExitCodesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        return runWith(Map.of("CALSYNC_HOME", home.toString()), args);
    }

    private int runWith(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env, CLOCK,
                Os.LINUX, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    private void emptyTheDemoSource() throws Exception {
        Files.writeString(home.resolve("state/demo/sample-calendar.ics"),
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void zeroWhenDone() {
        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(run("sync", "--help")).as("help of a subcommand").isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--dry-run", "--reject-deletions");
    }

    @Test
    void oneWhenAPairFailsOrTheConfigIsInvalid() throws Exception {
        Files.writeString(home.resolve("config.json"), """
                { "calendars": { "a": { "type": "folder", "path": "no/such/folder" }, "b": { "type": "folder", "path": "b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ] }
                """);
        assertThat(run("sync")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains("p (a → b, mirror): FAILED");

        Files.writeString(home.resolve("config.json"), "{ \"pairs\": [ { \"name\": \"p\" } ] }");
        assertThat(run("sync")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("config.json:1:");
    }

    @Test
    void twoForEveryMistakeOnTheCommandLine() throws Exception {
        run("sync");
        assertThat(run("sync", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");

        assertThat(run("sync", "--pair", "nosuch")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no pair named \"nosuch\"", "(pairs: demo");
        assertThat(run("sync", "--reject-deletions", "nosuch")).isEqualTo(ExitCodes.USAGE);

        assertThat(run("restore", "--pair", "nosuch")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no pair named \"nosuch\"", "(pairs: demo");
        assertThat(out.toString()).doesNotContain("No saved copies");
        assertThat(run("restore", "--pair", "demo")).as("a known pair without copies").isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("No saved copies");

        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("logs/calsync.log"), "a line\n");
        assertThat(run("logs", "-n", "-5")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("-n takes a number of lines, 0 or more (got -5)");
        assertThat(run("logs", "-n", "0")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void twoWithAHintForPlainCalsyncWithoutADesktop() {
        assertThat(runWith(Map.of("CALSYNC_HOME", home.toString()))).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("no desktop to show the menu-bar app on",
                "neither DISPLAY nor WAYLAND_DISPLAY is set", "calsync start").contains("Usage: calsync");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void threeWhenDeletionsAreHeldAndRejectSaysWhatItDidAndEndsTheHold() throws Exception {
        run("sync");
        emptyTheDemoSource();
        assertThat(run("sync")).isEqualTo(ExitCodes.ATTENTION);
        assertThat(out.toString()).contains("HELD: 12 deletion(s) not carried out");

        assertThat(run("sync", "--reject-deletions", "demo")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Rejected: the 12 held deletion(s) in demo will not be carried out")
                .doesNotContain("HELD");
        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("nothing to do").doesNotContain("HELD");
        assertThat(run("sync", "--reject-deletions", "demo")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("No deletions were held in demo");
    }

    @Test
    void fourWhenStartFindsCalSyncRunning() throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        CalSyncService service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(),
                Os.LINUX, CLOCK), CLOCK, 4242, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4),
                Duration.ofMinutes(1), Duration.ofSeconds(15)));
        service.start();
        try {
            assertThat(run("start")).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(err.toString()).contains("CalSync is already running (pid 4242)");
        } finally {
            service.stop();
        }
    }

    @Test
    void seventyForAnInternalErrorWithItsMessage() throws Exception {
        run("sync");
        // the log folder is a file: nothing a command-line change can fix, and no pair can run
        Path logs = home.resolve("logs");
        try (var files = Files.list(logs)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(logs);
        Files.writeString(logs, "not a folder");

        assertThat(run("sync")).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("calsync: ").contains("logs");
    }

    @Test
    void aStateDatabaseThatCannotBeOpenedFailsItsPairWithTheReason() throws Exception {
        run("sync");
        // the state database's folder is a file: the pair fails and says why; other pairs would still run
        Path db = home.resolve("state/db");
        try (var files = Files.list(db)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(db);
        Files.writeString(db, "not a folder");

        assertThat(run("sync")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString() + err).contains("state");
    }
}
