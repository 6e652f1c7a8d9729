package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.platform.Os;
import com.calsync.service.InstanceLock;
import com.calsync.testing.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The menu-bar app as a user's desktop runs it, a process of its own on a real X server with a
 * tray host (packaging/linux/tray-test.sh): {@code calsync start} on a desktop launches it,
 * {@code restart} replaces it and {@code stop} ends it — process, icon and all — and its console
 * stays free of JavaFX's start-up lines.
 */
@Tag("tray")
@Tag("external")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrayProcessTest {
    /** The tray app logs as in production (the test class path would pick the quiet logback-test.xml). */
    private static final String PRODUCTION_LOGGING = "-Dlogback.configurationFile=logback.xml";

    @TempDir
    Path home;

    private CalSyncPaths paths;

    @AfterEach
    void killLeftovers() {
        if (paths != null) {
            pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void stopEndsTheTrayAppAndRestartReplacesIt() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null, "needs DISPLAY with a tray host (packaging/linux/tray-test.sh)");
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(home.resolve("source"));
        Files.createDirectories(home.resolve("target"));
        Files.writeString(paths.configFile(), """
                { "calendars": { "src": { "type": "folder", "path": "source" }, "dst": { "type": "folder", "path": "target" } },
                  "pairs": [ { "name": "mirror", "source": "src", "target": "dst" } ] }
                """);

        Cli start = cli(display, "start");
        assertThat(start.code).as(start.all()).isZero();
        long first = pid().orElseThrow();
        awaitTrayIcons(1);

        Cli restart = cli(display, "restart");
        assertThat(restart.code).as(restart.all()).isZero();
        long second = pid().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(restart.out).contains("CalSync stopped (pid " + first + ")", "CalSync started (pid " + second + ")");
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).as("the first tray app ended").isFalse();
        awaitTrayIcons(2);

        Cli stop = cli(display, "stop");
        assertThat(stop.code).as(stop.all()).isZero();
        assertThat(stop.out).contains("CalSync stopped (pid " + second + ")");
        assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false)).as("the tray app ended").isFalse();
        assertThat(paths.pidFile()).doesNotExist();
        assertThat(paths.controlSocket()).doesNotExist();
        assertThat(log()).contains("the service has stopped; closing the menu-bar app");

        // both tray apps wrote their console here; -Djavafx.animation.pulse=10 is on their command line
        String console = Files.readString(paths.logDir().resolve(ServiceControl.CONSOLE_FILE));
        assertThat(console).doesNotContain("Unsupported JavaFX configuration").doesNotContain("PULSE_DURATION");
    }

    /** Waits until the log says the tray host got {@code count} icons in all (one per tray app started). */
    private void awaitTrayIcons(int count) throws InterruptedException {
        Await.until(count + " tray icon(s) added", Duration.ofSeconds(60),
                () -> log().split("tray icon added", -1).length - 1 >= count);
    }

    private String log() {
        try {
            Path file = paths.logDir().resolve(LogSetup.LOG_FILE);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private OptionalLong pid() {
        return InstanceLock.readPid(paths.pidFile());
    }

    private record Cli(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** {@code calsync ARGS --home HOME} in this process, on {@code display}; start/restart launch the real tray app. */
    private Cli cli(String display, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("DISPLAY", display, DetachedDaemonLauncher.JAVA_OPTS_VARIABLE, PRODUCTION_LOGGING),
                Clock.systemDefaultZone(), Os.LINUX, home);
        String[] withHome = Stream.concat(Stream.of(args), Stream.of("--home", home.toString())).toArray(String[]::new);
        int code = CalSyncCommand.commandLine(environment).execute(withHome);
        return new Cli(code, out.toString(), err.toString());
    }
}
