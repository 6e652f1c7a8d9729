package com.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.cli.CliEnvironment;
import com.calsync.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' command line (run by `mvn -Pbench`): it prints figures for each phase and asserts none of them. */
class BenchCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.LINUX, home);
        return BenchCommand.commandLine(environment).execute(args);
    }

    @Test
    void localPrintsEachPhaseWithItsChanges() throws Exception {
        Path work = home.resolve("work");

        int code = run("local", "--events", "12", "--dir", work.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("bench local: 12 events, folder → folder")
                .containsPattern("first mirror +\\d+ ms wall +\\d+ ms CPU +12 changes")
                .containsPattern("no-change re-sync +\\d+ ms wall +\\d+ ms CPU +0 changes")
                .containsPattern("one-change re-sync +\\d+ ms wall +\\d+ ms CPU +1 changes");
        assertThat(work.resolve("target")).as("--dir keeps the work folder").isDirectory();
        try (var files = Files.list(work.resolve("target"))) {
            assertThat(files.count()).isEqualTo(12);
        }
    }

    @Test
    void anUnknownKindIsAUsageError() {
        int code = run("remote");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("bench: unknown kind remote (known: local, caldav, startup)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void onlyVdirsyncerIsComparedAndARunIsMeasuredAtLeastOnce() {
        assertThat(run("caldav", "--compare", "khal")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--compare knows only vdirsyncer, not khal");
        assertThat(run("caldav", "--repeats", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--repeats must be at least 1");
    }

    @Test
    void caldavTakesNoFolderOfItems() {
        int code = run("caldav", "--from", home.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--from is for local only");
    }
}
