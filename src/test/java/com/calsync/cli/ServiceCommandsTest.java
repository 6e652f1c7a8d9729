package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control commands when no service runs, in-process (the running case is ServiceProcessTest). */
class ServiceCommandsTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.systemUTC(), Os.LINUX, home);
        return CalSyncCommand.commandLine(environment)
                .execute(Stream.concat(Stream.of(args), Stream.of("--home", home.toString())).toArray(String[]::new));
    }

    @Test
    void helpListsEveryControlCommand() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("daemon", "start", "stop", "restart", "status", "logs", "pause", "resume", "test", "help");
    }

    @Test
    void withNothingRunningStatusSaysSoAndControlCommandsTellHowToStart() {
        assertThat(run("status")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains("CalSync is not running and has not run yet");
        assertThat(run("status", "--json")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains("\"running\" : false", "\"sync_count\" : 0", "\"pairs\" : [ ]");
        assertThat(run("pause")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("CalSync is not running; `calsync start` starts it.");
        assertThat(run("stop")).isZero();
        assertThat(out.toString()).contains("CalSync is not running.");
    }

    @Test
    void aPidFileLeftByAKilledServiceIsNamed() throws Exception {
        Files.createDirectories(home.resolve("state"));
        Files.writeString(home.resolve("state/calsync.pid"), "999999\n");
        assertThat(run("resume")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("a pid file names 999999, left by a CalSync that was killed");
    }

    @Test
    void logsPrintsTheLastLinesOfTheChosenFile() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Files.write(logs.resolve("calsync.log"), List.of("one", "two", "three"));
        Files.write(logs.resolve("calsync-error.log"), List.of("bad"));
        assertThat(run("logs", "-n", "2")).isZero();
        assertThat(out.toString()).isEqualTo("two\nthree\n");
        assertThat(run("logs", "--errors")).isZero();
        assertThat(out.toString()).endsWith("bad\n");
    }

    @Test
    void testRunsInProcessWhenNothingRuns() throws Exception {
        Files.createDirectories(home.resolve("a"));
        Files.createDirectories(home.resolve("b"));
        Files.writeString(home.resolve("a/x.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:x@t", "DTSTAMP:20261101T000000Z",
                "DTSTART:" + java.time.LocalDate.now().plusDays(1).toString().replace("-", "") + "T090000Z", "SUMMARY:X",
                "END:VEVENT", "END:VCALENDAR", ""));
        Files.writeString(home.resolve("config.json"), """
                { "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ] }
                """);
        assertThat(run("test")).isZero();
        assertThat(out.toString()).contains("CalSync is not running; syncing in this process:", "p: ok", "target +1 ~0 -0");
    }

    @Test
    void theDetachedDaemonIsThisJavaWithThisClassPathAndTheSameHome() {
        List<String> cmd = new DetachedDaemonLauncher(Map.of(DetachedDaemonLauncher.JAVA_OPTS_VARIABLE, "-Dx=1  -Dy=2"))
                .command(Optional.of(home));
        assertThat(cmd).containsSubsequence(ProcessHandle.current().info().command().orElseThrow(), "-XX:+UseSerialGC",
                "-Dx=1", "-Dy=2", "-cp", System.getProperty("java.class.path"), "com.calsync.App", "daemon", "--detached",
                "--home", home.toString());
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            assertThat(cmd.get(0)).isEqualTo("/usr/bin/setsid");
        }
    }

    @Test
    void onADesktopStartLaunchesTheTrayAppWithTheLinuxJavaFxOptions() {
        List<String> cmd = DetachedDaemonLauncher.tray(Map.of(), Os.LINUX).command(Optional.of(home));

        assertThat(cmd).containsSubsequence("-XX:+UseSerialGC", "-Dprism.order=sw", "-Djavafx.animation.pulse=10", "-cp",
                System.getProperty("java.class.path"), "com.calsync.App", "--home", home.toString());
        assertThat(cmd).doesNotContain("daemon", "--detached");
        assertThat(DetachedDaemonLauncher.tray(Map.of(), Os.MACOS).command(Optional.empty())).doesNotContain("-Dprism.order=sw");
    }
}
