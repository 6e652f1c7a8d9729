package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.Os;
import com.calsync.service.ControlClient;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceState;
import com.calsync.service.StatusFile;
import com.calsync.sync.SyncOutcome;
import com.calsync.testing.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service as separate processes, driven through the commands a user types, with a
 * temporary CALSYNC_HOME and folder → folder mirror pairs.
 */
@Tag("external")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServiceProcessTest {
    @TempDir
    Path home;

    private CalSyncPaths paths;
    private Path source;
    private Path target;
    private final List<Process> launched = new ArrayList<>();
    /** The daemons log as in production (the test class path would pick logback-test.xml, which is quiet). */
    private static final String PRODUCTION_LOGGING = "-Dcalsync.logging=builtin";

    @BeforeEach
    void setUp() throws IOException {
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        source = Files.createDirectories(home.resolve("source"));
        target = Files.createDirectories(home.resolve("target"));
        writeConfig("""
                { "calendars": { "src": { "type": "folder", "path": "source" }, "dst": { "type": "folder", "path": "target" } },
                  "pairs": [ { "name": "mirror", "source": "src", "target": "dst" } ] }
                """);
        for (int i = 1; i <= 3; i++) {
            writeEvent(i);
        }
    }

    @AfterEach
    void killLeftovers() {
        // whatever a failed test left running: started by `start` (pid file) or by this test
        pidFile().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        launched.forEach(Process::destroyForcibly);
    }

    // --- the scenarios ------------------------------------------------------------------------

    @Test
    void startStatusSyncStopAndTheCountersOutliveTheProcess() throws Exception {
        Cli start = cli("start");
        assertThat(start.code).as(start.all()).isZero();
        assertThat(start.out).contains("CalSync started (pid ");
        long pid = pidFile().orElseThrow();

        ServiceSnapshot running = statusJson(ExitCodes.OK);
        assertThat(running.running()).isTrue();
        assertThat(running.pid()).isEqualTo(pid);
        assertThat(running.started()).isNotNull();
        assertThat(running.stopped()).isNull();
        assertThat(running.configFile()).isEqualTo(paths.configFile().toString());
        assertThat(running.pairs()).extracting(ServiceSnapshot.PairStatus::name).containsExactly("mirror");
        assertThat(running.pairs().get(0).intervalMinutes()).isEqualTo(30);
        assertThat(running.nextSync()).isNotNull();

        Cli test = cli("test");
        assertThat(test.code).as(test.all()).isZero();
        assertThat(test.out).contains("Synced through the running CalSync (pid " + pid + ")").contains("mirror: ok");
        assertThat(icsFiles(target)).hasSize(3);

        ServiceSnapshot synced = statusJson(ExitCodes.OK);
        assertThat(synced.syncCount()).isGreaterThanOrEqualTo(1);
        assertThat(synced.errorCount()).isZero();
        assertThat(synced.lastSync()).isNotNull();
        assertThat(synced.lastDurationMs()).isNotNull();
        assertThat(synced.history()).isNotEmpty();
        // over all runs so far (the scheduled first run may have come before `test`), three events were created
        assertThat(synced.history().stream().mapToLong(ServiceSnapshot.RunRecord::changes).sum()).isEqualTo(3);
        assertThat(synced.pair("mirror").lastResult().outcome()).isEqualTo(SyncOutcome.OK);
        // the run's one line, with its counts, reaches the log file
        assertThat(Files.readString(paths.logDir().resolve("calsync.log")))
                .containsPattern("SyncEngine - mirror: ok, 3 created, 0 updated, 0 deleted; 0 skipped, 0 held, 0 errors; \\d+ ms");

        Cli stop = cli("stop");
        assertThat(stop.code).as(stop.all()).isZero();
        assertThat(stop.out).contains("CalSync stopped (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(paths.pidFile()).doesNotExist();
        assertThat(paths.controlSocket()).doesNotExist();

        ServiceSnapshot stopped = statusJson(ExitCodes.PROBLEMS);
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(stopped.stopped()).isNotNull();
        assertThat(stopped.syncCount()).isEqualTo(synced.syncCount());
        assertThat(stopped.history()).isEqualTo(synced.history());
        Cli text = cli("status");
        assertThat(text.out).contains("CalSync is not running (stopped ").contains(synced.syncCount() + " done, 0 failed");

        // a restart continues counting from what status.json kept
        assertThat(cli("start").code).isZero();
        assertThat(cli("test").code).isZero();
        assertThat(statusJson(ExitCodes.OK).syncCount()).isGreaterThan(synced.syncCount());
        long before = pidFile().orElseThrow();
        Cli restart = cli("restart");
        assertThat(restart.code).as(restart.all()).isZero();
        long after = pidFile().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(restart.out).contains("CalSync stopped (pid " + before + ")", "CalSync started (pid " + after + ")");
        assertThat(cli("stop").code).isZero();
    }

    @Test
    void aServiceKilledMidRunIsCleanedUpByTheNextStartAndTheNextSyncConverges() throws Exception {
        for (int i = 4; i <= 150; i++) {
            writeEvent(i);
        }
        Process daemon = daemon();
        ControlClient client = new ControlClient(paths.controlSocket());
        waitFor("the daemon to answer", client::answers);
        client.send(client.request("sync"));
        waitFor("a run to be in progress", () -> new StatusFile(paths.statusFile()).read()
                .map(s -> s.state() == ServiceState.SYNCING).orElse(false));
        daemon.destroyForcibly().waitFor(); // SIGKILL: no hook, no cleanup

        assertThat(paths.pidFile()).exists();
        assertThat(paths.controlSocket()).exists();
        assertThat(client.answers()).isFalse();
        Cli status = cli("status");
        assertThat(status.code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(status.out).contains("CalSync is not running (it ended without stopping cleanly");

        Cli start = cli("start");
        assertThat(start.code).as(start.all()).isZero();
        assertThat(start.out).contains("CalSync started");
        assertThat(pidFile().orElseThrow()).isNotEqualTo(daemon.pid());
        assertThat(Files.readString(paths.logDir().resolve("calsync.log")))
                .contains("removing the stale control socket")
                .contains("removing the pid file of a CalSync that ended without cleaning up (pid " + daemon.pid());

        Cli test = cli("test");
        assertThat(test.code).as(test.all()).isZero();
        assertThat(icsFiles(target)).hasSize(150);
        Cli again = cli("test");
        assertThat(again.out).contains("mirror: ok").contains("target +0 ~0 -0");
        assertThat(cli("stop").code).isZero();
    }

    @Test
    void sigtermMidRunStopsGracefullyLikeStop() throws Exception {
        for (int i = 4; i <= 150; i++) {
            writeEvent(i);
        }
        Process daemon = daemon();
        ControlClient client = new ControlClient(paths.controlSocket());
        waitFor("the daemon to answer", client::answers);
        client.send(client.request("sync"));
        waitFor("a run to be in progress", () -> new StatusFile(paths.statusFile()).read()
                .map(s -> s.state() == ServiceState.SYNCING).orElse(false));
        daemon.destroy(); // SIGTERM

        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isEqualTo(128 + 15); // the JVM's exit status after SIGTERM, hooks run
        assertThat(paths.pidFile()).doesNotExist();
        assertThat(paths.controlSocket()).doesNotExist();
        ServiceSnapshot stopped = new StatusFile(paths.statusFile()).read().orElseThrow();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.stopped()).isNotNull();
        String log = Files.readString(paths.logDir().resolve("calsync.log"));
        assertThat(log).contains("CalSync stopping", "CalSync stopped");

        Cli test = cli("test");
        assertThat(test.code).as(test.all()).isZero();
        assertThat(icsFiles(target)).hasSize(150);
    }

    @Test
    void anInvalidConfigEditIsReportedAndTheServiceKeepsSyncingWithTheOldOne() throws Exception {
        assertThat(cli("start").code).isZero();
        assertThat(cli("test").code).isZero();
        String good = Files.readString(paths.configFile());

        Files.writeString(paths.configFile(), good.replace("\"mirror\",", "\"mirror\", \"mode\": \"sideways\","));
        waitFor("the service to notice the edit", () -> statusJsonQuietly().configError() != null);
        ServiceSnapshot status = statusJson(ExitCodes.OK);
        assertThat(status.configError()).contains(paths.configFile() + ":2:").contains("mode");
        assertThat(cli("status").out).contains("config error (the last good config, if any, keeps running until this is fixed)");
        assertThat(Files.readString(paths.logDir().resolve("calsync-error.log")))
                .contains("the previous config keeps running until they are fixed").contains("sideways");

        writeEvent(4);
        Cli test = cli("test");
        assertThat(test.code).as(test.all()).isZero();
        assertThat(test.out).contains("target +1 ~0 -0");
        assertThat(icsFiles(target)).hasSize(4);

        // a valid edit is taken, and clears the error
        Files.writeString(paths.configFile(), good.replace("\"name\": \"mirror\"", "\"name\": \"renamed\""));
        waitFor("the service to take the fixed config", () -> statusJsonQuietly().configError() == null);
        assertThat(statusJson(ExitCodes.OK).pairs()).extracting(ServiceSnapshot.PairStatus::name).containsExactly("renamed");
        Cli stop = cli("stop");
        assertThat(stop.code).as(stop.all()).isZero();
    }

    @Test
    void twoStartsMakeOneInstance() throws Exception {
        assertThat(cli("start").code).isZero();
        long pid = pidFile().orElseThrow();

        Cli second = cli("start");
        assertThat(second.code).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(second.err).contains("CalSync is already running (pid " + pid + ")");

        Process direct = daemon();
        assertThat(direct.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(direct.exitValue()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(Files.readString(home.resolve("daemon-" + direct.pid() + ".out")))
                .contains("CalSync is already running (pid " + pid + ")");
        assertThat(pidFile()).hasValue(pid);
        assertThat(cli("stop").code).isZero();
    }

    /**
     * The socket is 0600 in a 0700 folder. Checked on the mode bits, and — where setpriv and a
     * python3 exist — by connecting as {@code nobody}: refused with the real modes, refused
     * with only the folder opened, and (the control) accepted when the socket is opened too.
     */
    @Test
    void onlyTheUserCanConnectToTheControlSocket() throws Exception {
        assertThat(cli("start").code).isZero();
        Path socket = paths.controlSocket();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.stateDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.logDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.statusFile()))).isEqualTo("rw-------");

        assumeThat(Path.of("/usr/bin/setpriv")).as("setpriv, to act as another user").isExecutable();
        assumeThat(Path.of("/usr/bin/python3")).as("a socket client nobody can run").isExecutable();
        assumeThat(ProcessHandle.current().info().user().orElse("")).isEqualTo("root");
        var homeMode = Files.getPosixFilePermissions(home);
        try {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
            assertThat(connectAsNobody(socket)).contains("PermissionError");

            Files.setPosixFilePermissions(paths.stateDir(), PosixFilePermissions.fromString("rwx--x--x"));
            assertThat(connectAsNobody(socket)).contains("PermissionError");

            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThat(connectAsNobody(socket)).isEqualTo("connected");
        } finally {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(paths.stateDir(), PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(home, homeMode);
        }
        assertThat(cli("stop").code).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------

    private String connectAsNobody(Path socket) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_UNIX)
                try:
                    s.connect(sys.argv[1]); print("connected")
                except OSError as e:
                    print(type(e).__name__, e)
                """, socket.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).trim();
    }

    /** {@code calsync daemon} as its own process, output in {@code home/daemon-PID.out}. */
    private Process daemon() throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path out = Files.createTempFile(home, "daemon-", ".out");
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", PRODUCTION_LOGGING, "-cp",
                System.getProperty("java.class.path"), "com.calsync.App", "daemon", "--home", home.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        launched.add(p);
        Files.move(out, home.resolve("daemon-" + p.pid() + ".out"));
        return p;
    }

    private record Cli(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** A command run in this process (as `calsync ARGS --home HOME`); `start` launches a real daemon. */
    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of(DetachedDaemonLauncher.JAVA_OPTS_VARIABLE, PRODUCTION_LOGGING),
                Clock.systemDefaultZone(), Os.LINUX, home);
        String[] withHome = Stream.concat(Stream.of(args), Stream.of("--home", home.toString())).toArray(String[]::new);
        int code = CalSyncCommand.commandLine(environment).execute(withHome);
        return new Cli(code, out.toString(), err.toString());
    }

    private ServiceSnapshot statusJson(int expectedCode) throws IOException {
        Cli status = cli("status", "--json");
        assertThat(status.code).as(status.all()).isEqualTo(expectedCode);
        return StatusFile.mapper().readValue(status.out, ServiceSnapshot.class);
    }

    private ServiceSnapshot statusJsonQuietly() {
        try {
            return StatusFile.mapper().readValue(cli("status", "--json").out, ServiceSnapshot.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private OptionalLong pidFile() {
        return com.calsync.service.InstanceLock.readPid(paths.pidFile());
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(20), condition);
    }

    private void writeConfig(String text) throws IOException {
        Files.writeString(home.resolve("config.json"), text);
    }

    private void writeEvent(int i) throws IOException {
        Files.writeString(source.resolve("event-" + i + ".ics"), String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CalSync tests//EN", "BEGIN:VEVENT",
                "UID:event-" + i + "@calsync.test", "DTSTAMP:20261101T000000Z",
                "DTSTART:" + java.time.LocalDate.now().plusDays(i % 60).toString().replace("-", "") + "T090000Z",
                "DURATION:PT1H", "SUMMARY:Test event " + i, "END:VEVENT", "END:VCALENDAR", ""));
    }

    private static List<Path> icsFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ics")).toList();
        }
    }
}
