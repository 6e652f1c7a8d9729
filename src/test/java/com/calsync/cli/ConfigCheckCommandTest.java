package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
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

class ConfigCheckCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.LINUX, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    private Path writeConfig(Path dir, String text) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("config.json"), text);
    }

    @Test
    void aValidConfigPrintsItsWarningsAndPairsAndExitsZero() throws Exception {
        Path config = writeConfig(home.resolve(".config/calsync"), """
                {
                  "sync": { "intervl_minutes": 5 },
                  "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b", "sync": { "interval_minutes": 10 } },
                             { "name": "q", "source": "a", "target": "b", "mode": "two-way", "enabled": false } ]
                }
                """);

        int code = run(Map.of(), "config", "check");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().split("\n")).containsExactly(
                config + ":2:13: warning: sync.intervl_minutes: unknown key, ignored, did you mean interval_minutes?",
                config + ": valid (2 pairs, 2 calendars, 0 accounts, 1 warning)",
                "  p: a → b (mirror, every 10 min)",
                "  q: a ↔ b (two-way, newer-wins, every 30 min, disabled)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void errorsArePrintedWithFileLineAndColumnAndExitOne() throws Exception {
        Path config = writeConfig(home.resolve("cs"), """
                {
                  "sync": { "interval_minutes": "ten" },
                  "pairs": [ { "name": "p", "source": "x", "target": "y", "mode": "mirrror" } ]
                }
                """);

        int code = run(Map.of("CALSYNC_HOME", home.resolve("cs").toString()), "config", "check");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString().split("\n")).containsExactly(
                config + ":2:33: sync.interval_minutes: must be a whole number from 1 to 525600 (a year) (got \"ten\")",
                config + ":3:39: pairs[0].source: no calendar named \"x\": there is no \"calendars\" section; add one",
                config + ":3:54: pairs[0].target: no calendar named \"y\": there is no \"calendars\" section; add one",
                config + ":3:67: pairs[0].mode: \"mirrror\" is not one of mirror, two-way, did you mean mirror?",
                config + ": 4 errors, 0 warnings; CalSync will not sync until the errors are fixed.");
    }

    @Test
    void aSeedEraConfigIsValidButSaysNoPairsAreConfigured() throws Exception {
        writeConfig(home.resolve("cs"), "{ \"sync\": { \"interval_minutes\": 30 } }");

        int code = run(Map.of(), "config", "check", "--home", home.resolve("cs").toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("valid (0 pairs, 0 calendars, 0 accounts)", "No pairs configured");
    }

    @Test
    void homeOptionBeatsCalsyncHomeAndWorksBeforeTheSubcommandToo() throws Exception {
        writeConfig(home.resolve("by-option"), "{}");

        int code = run(Map.of("CALSYNC_HOME", home.resolve("by-env").toString()),
                "--home", home.resolve("by-option").toString(), "config", "check");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith(home.resolve("by-option/config.json") + ": valid");
    }

    @Test
    void aMissingConfigSaysWhereItWouldBeAndWhatWritesIt() {
        int code = run(Map.of("CALSYNC_HOME", home.resolve("none").toString()), "config", "check");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains("No config file at " + home.resolve("none/config.json"), "`calsync sync`");
    }

    @Test
    void anExplicitFileIsChecked() throws Exception {
        Path file = Files.writeString(home.resolve("other.json"), "{ \"pairs\": {} }");

        int code = run(Map.of(), "config", "check", file.toString());

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains(file + ":1:12: pairs: must be a list");
    }

    @Test
    void versionHelpAndUsageErrors() {
        assertThat(run(Map.of(), "--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("calsync ").contains("Java ");

        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "help", "config")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: calsync config", "check");

        assertThat(run(Map.of(), "frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument");
    }
}
