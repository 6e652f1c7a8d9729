package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.service.ControlServer;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.service.ServiceState;
import com.calsync.service.StatusFile;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick path (status, stop, pause, resume, logs, test, --version without picocli, Jackson or
 * Logback) says exactly what the picocli commands say, and leaves every other form to them.
 */
class FastPathTest {
    @TempDir
    Path home;

    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    private final ObjectMapper json = StatusFile.mapper();

    /** What one command line printed and returned. */
    private record Outcome(int code, String out, String err) {
    }

    private CliEnvironment environment(StringWriter out, StringWriter err) {
        return new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(T, ZoneId.of("Europe/Berlin")), Os.LINUX, home);
    }

    private OptionalInt quickCode;

    private Outcome quick(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        quickCode = FastPath.run(args, environment(out, err));
        return new Outcome(quickCode.orElse(-1), out.toString(), err.toString());
    }

    private Outcome full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CalSyncCommand.commandLine(environment(out, err), args).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private void sameBothWays(String... args) {
        Outcome quick = quick(args);
        assertThat(quickCode).as("taken by the quick path: %s", List.of(args)).isPresent();
        assertThat(quick).as("quick and full for %s", List.of(args)).isEqualTo(full(args));
    }

    @Test
    void takesOnlyTheQuickFormsWithHomeBeforeOrAfterTheCommand() {
        assertThat(FastPath.Parsed.of(new String[] {"status"})).isPresent();
        assertThat(FastPath.Parsed.of(new String[] {"--home", "/h", "status", "--json"}).orElseThrow().flag("--json")).isTrue();
        assertThat(FastPath.Parsed.of(new String[] {"status", "--home=/h"}).orElseThrow().home()).contains(Path.of("/h"));
        assertThat(FastPath.Parsed.of(new String[] {"logs", "-n", "5", "--follow"}).orElseThrow().flag("-f")).isTrue();
        assertThat(FastPath.Parsed.of(new String[] {"logs", "-n=5"}).orElseThrow().value("-n")).contains("5");
        assertThat(FastPath.Parsed.of(new String[] {"test", "--pair", "work"}).orElseThrow().value("--pair")).contains("work");
        assertThat(FastPath.Parsed.of(new String[] {"-V"}).orElseThrow().command()).isEqualTo("--version");
        assertThat(FastPath.Parsed.of(new String[] {"sync", "--json", "--pair=work"}).orElseThrow().value("--pair")).contains("work");
        for (String[] other : List.of(new String[] {}, new String[] {"sync", "--dry-run"}, new String[] {"status", "--help"},
                new String[] {"status", "--json", "--json"}, new String[] {"logs", "-n", "many"}, new String[] {"logs", "-n"},
                new String[] {"--home"}, new String[] {"help", "status"}, new String[] {"statu"}, new String[] {"status", "x"},
                new String[] {"--version", "status"}, new String[] {"--home", "/a", "--home", "/b", "status"},
                new String[] {"pause", "--pair", "x"}, new String[] {"--json", "status"})) {
            assertThat(FastPath.Parsed.of(other)).as("%s", List.of(other)).isEmpty();
        }
    }

    @Test
    void withNothingRunningEveryQuickFormPrintsWhatThePicocliCommandPrints() throws Exception {
        String h = home.toString();
        sameBothWays("--home", h, "status");
        sameBothWays("--home", h, "status", "--json");
        sameBothWays("pause", "--home", h);
        sameBothWays("resume", "--home=" + h);
        sameBothWays("stop", "--home", h);
        sameBothWays("logs", "--home", h);
        sameBothWays("--version");

        Files.createDirectories(home.resolve("state"));
        Files.writeString(home.resolve("state/calsync.pid"), "999999\n");
        new StatusFile(home.resolve("state/status.json")).write(running());
        sameBothWays("--home", h, "status");
        sameBothWays("--home", h, "status", "--json");
        sameBothWays("--home", h, "resume");

        Path logs = Files.createDirectories(home.resolve("logs"));
        Files.write(logs.resolve("calsync.log"), List.of("one", "two", "three"));
        Files.write(logs.resolve("calsync-error.log"), List.of("bad"));
        sameBothWays("--home", h, "logs", "-n", "2");
        sameBothWays("--home", h, "logs", "--errors", "-n=1");
    }

    @Test
    void aDamagedStatusFileIsReportedAndTakenAsNone() throws Exception {
        Files.createDirectories(home.resolve("state"));
        Files.writeString(home.resolve("state/status.json"), "{\"running\": tr");

        Outcome quick = quick("--home", home.toString(), "status");

        assertThat(quick.code()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(quick.err()).contains("status.json cannot be read (not valid JSON at character");
        assertThat(quick.out()).contains("CalSync is not running and has not run yet");
        assertThat(full("--home", home.toString(), "status")).isEqualTo(quick);
    }

    @Test
    void withAServiceRunningStatusPauseResumeAndTestMatchThePicocliCommands() throws Exception {
        Path socket = home.resolve("state/calsync.sock");
        try (ControlServer server = new ControlServer(socket, request -> {
            ObjectNode ok = json.createObjectNode().put("ok", true).put("pid", 4242);
            return switch (request.path("cmd").asText()) {
                case "status" -> ok.set("status", json.valueToTree(running()));
                case "pause" -> ok.put("state", "paused");
                case "resume" -> ok.put("state", "idle");
                case "sync" -> {
                    ObjectNode report = json.valueToTree(result());
                    report.put("pair", request.path("pair").asText("work"));
                    ok.putArray("reports").add(report);
                    yield ok;
                }
                default -> json.createObjectNode().put("ok", false).put("error", "no " + request.path("cmd").asText() + " here");
            };
        }).start()) {
            String h = home.toString();
            sameBothWays("--home", h, "status");
            sameBothWays("--home", h, "status", "--json");
            sameBothWays("--home", h, "pause");
            sameBothWays("--home", h, "resume");
            sameBothWays("--home", h, "test");
            sameBothWays("--home", h, "test", "--pair", "home");
            assertThat(quick("--home", h, "status").out()).contains("CalSync is running (pid 4242", "work (a → b, every 30 min)");
            assertThat(quick("--home", h, "test").out()).contains("Synced through the running CalSync (pid 4242):",
                    "  work: partial in 412 ms; source +0 ~0 -0, target +3 ~1 -0; 2 skipped, 1 errors");
            Outcome refused = quick("--home", h, "stop");
            assertThat(refused.code()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(refused.err()).isEqualTo("calsync: no stop here\n");
            assertThat(full("--home", h, "stop")).isEqualTo(refused);
        }
    }

    @Test
    void testWithNoServiceIsLeftToTheFullCommandLine() {
        assertThat(quick("--home", home.toString(), "test").out()).isEmpty();
        assertThat(quickCode).isEmpty();
        assertThat(quick("--home", home.toString(), "sync", "--json").out()).isEmpty();
        assertThat(quickCode).as("sync with no service: its own run").isEmpty();
    }

    private static RunResult result() {
        return new RunResult(SyncOutcome.PARTIAL, T, 412, new SideCounts(0, 0, 0), new SideCounts(3, 1, 0), 2, 0, null, 1, null,
                null, java.util.List.of());
    }

    static ServiceSnapshot running() {
        return new ServiceSnapshot(true, 4242, T.minusSeconds(3600), null, ServiceState.IDLE, null, T.minusSeconds(60),
                T.plusSeconds(1740), 12, 1, 412L, "/c/config.json", null,
                List.of(new PairStatus("work", "a", "b", SyncMode.MIRROR, 30, false, T.plusSeconds(1740), 12, 1, 0, result(),
                        "the server answered 503")),
                List.of(), null);
    }
}
