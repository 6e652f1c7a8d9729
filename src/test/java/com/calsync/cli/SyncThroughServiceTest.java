package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.service.CalSyncService;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsync sync} while the service runs: the service runs the pairs (one process syncs, with
 * what it keeps open) and the command prints the same report and exits with the same code as a
 * run in its own process; what only a run of its own can do stays in the command's process.
 */
class SyncThroughServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private CalSyncService service;

    /** What one command line printed and returned. */
    private record Outcome(int code, String out, String err) {
        /** The report with its run times left out: they differ from run to run. */
        String timeless() {
            return out.replaceAll(" in \\d+ ms", " in … ms").replaceAll("\"(duration_ms|started)\" : [^,]*,", "");
        }
    }

    private CliEnvironment environment(StringWriter out, StringWriter err) {
        return new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("CALSYNC_HOME", home.toString()), CLOCK, Os.LINUX, home);
    }

    private Outcome full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CalSyncCommand.commandLine(environment(out, err)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome quick(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FastPath.run(args, environment(out, err)).orElseThrow(() -> new AssertionError("not a quick form"));
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeEach
    void firstSyncInItsOwnProcessThenAServiceStarts() throws Exception {
        assertThat(full("sync").code()).as("the demo's first sync, no service yet").isEqualTo(ExitCodes.OK);
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        // a first-run delay far away: runs here come only from the command line
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, CLOCK),
                CLOCK, 4242, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1),
                        Duration.ofSeconds(15)));
        service.start();
    }

    @AfterEach
    void stopTheService() {
        service.stop();
    }

    private long serviceRuns() {
        return service.latest().syncCount();
    }

    @Test
    void theServiceRunsThePairsAndTheCommandPrintsWhatItsOwnRunWould() throws Exception {
        Outcome quiet = quick("sync");
        assertThat(quiet.code()).isEqualTo(ExitCodes.OK);
        assertThat(quiet.out()).matches("demo \\(sample → demo-folder, mirror\\): nothing to do in \\d+ ms\\R");
        assertThat(serviceRuns()).as("the service ran it").isEqualTo(1);
        assertThat(full("sync").timeless()).as("picocli's sync asks the service too").isEqualTo(quiet.timeless());
        assertThat(serviceRuns()).isEqualTo(2);

        Files.writeString(home.resolve("state/demo/sample-calendar.ics"),
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nEND:VCALENDAR\r\n");
        Outcome held = quick("sync", "--pair", "demo");
        assertThat(held.code()).as("held deletions need the user").isEqualTo(ExitCodes.ATTENTION);
        assertThat(held.out()).contains("HELD: 12 deletion(s) not carried out");
        assertThat(serviceRuns()).isEqualTo(3);

        Outcome json = quick("sync", "--json");
        assertThat(json.code()).isEqualTo(ExitCodes.ATTENTION);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("pairs").get(0).path("pair").asText()).isEqualTo("demo");
        assertThat(report.path("pairs").get(0).path("guard").path("held").size()).isEqualTo(12);
        assertThat(full("sync", "--json").timeless()).isEqualTo(json.timeless());
    }

    @Test
    void whatOnlyItsOwnRunCanDoStaysInTheCommandsProcess() {
        Outcome dryRun = full("sync", "--dry-run");
        assertThat(dryRun.code()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).contains("[dry run: nothing was changed]");
        assertThat(FastPath.run(new String[] {"sync", "--pair", "nope"}, environment(new StringWriter(), new StringWriter())))
                .as("the service refuses the name: the quick path leaves it to the full command line").isEmpty();
        Outcome unknown = full("sync", "--pair", "nope");
        assertThat(unknown.code()).as("whose own run names the mistake").isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no pair named \"nope\"");
        assertThat(FastPath.Parsed.of(new String[] {"sync", "--dry-run"})).as("not a quick form").isEmpty();
        assertThat(serviceRuns()).as("none of these went to the service").isZero();
    }
}
