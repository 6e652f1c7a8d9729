package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.platform.JsonText;
import com.calsync.platform.PrivateFiles;
import com.calsync.service.ControlCommand;
import com.calsync.service.ControlConnection;
import com.calsync.service.ControlRequest;
import com.calsync.service.PidFile;
import com.calsync.service.PrivateFolders;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceState;
import com.calsync.service.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the control commands share: finding the running service through its socket, starting
 * it detached and stopping it. Each method prints what happened and returns an exit code.
 *
 * <p>The JDK alone (the socket through {@link ControlConnection}, JSON through {@link JsonText}
 * and {@link SnapshotJson}): {@link FastPath} runs status, stop, pause and resume through here
 * before picocli, Jackson or Logback load, and the picocli commands call the same methods.
 */
final class ServiceControl {
    static final String CONSOLE_FILE = "calsync-console.log";
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final CliEnvironment environment;
    private final CalSyncPaths paths;
    private final Optional<Path> home;

    ServiceControl(CliEnvironment environment, CalSyncCommand root) {
        this(environment, root.paths(), Optional.ofNullable(root.home));
    }

    /** @param home {@code --home}, handed on to a daemon this starts */
    ServiceControl(CliEnvironment environment, CalSyncPaths paths, Optional<Path> home) {
        this.environment = environment;
        this.paths = paths;
        this.home = home;
    }

    CalSyncPaths paths() {
        return paths;
    }

    /**
     * Sends {@code request}; empty when no service answers. A service's {"ok":false} becomes an
     * exception with its message. A request that waits for a sync waits as long as the sync takes.
     */
    Optional<Map<String, Object>> send(ControlRequest request) throws IOException {
        Optional<String> line = ControlConnection.exchange(paths.controlSocket(), request.toLine(), JsonText.quote(request.command().wireName()),
                request.await() ? null : ControlConnection.ANSWER_TIMEOUT);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> response = JsonText.parseObject(line.get());
        if (!Boolean.TRUE.equals(response.get("ok"))) {
            Object error = response.get("error");
            throw new IllegalStateException(error != null ? error.toString() : "the service refused " + request.command().wireName());
        }
        return Optional.of(response);
    }

    Optional<Map<String, Object>> send(ControlCommand command) throws IOException {
        return send(ControlRequest.of(command));
    }

    /** {@code calsync pause} and {@code resume}: says the state the service is in now. */
    int pauseOrResume(ControlCommand command) throws IOException {
        Optional<Map<String, Object>> answer = send(command);
        if (answer.isEmpty()) {
            return notRunning();
        }
        environment.out().println("CalSync is " + answer.get().get("state") + ".");
        environment.out().flush();
        return ExitCodes.OK;
    }

    /**
     * {@code calsync status}: live from the running service, else the last status.json marked not
     * running. Exit 0 when running, 1 when not (so scripts can test it), as the seed's status did.
     */
    int printStatus(boolean json) throws IOException {
        Optional<ServiceSnapshot> status = status();
        if (json) {
            // never run: the same object with zero counts, so scripts read one shape
            ServiceSnapshot shown = status.orElseGet(() -> new ServiceSnapshot(false, 0, null, null, ServiceState.STOPPED, null, null, null,
                    0, 0, null, paths.configFile().toString(), null, List.of(), List.of(), null));
            environment.out().println(SnapshotJson.pretty(shown));
        } else if (status.isEmpty()) {
            environment.out().println("CalSync is not running and has not run yet for " + paths.stateDir()
                    + "; `calsync start` starts it.");
        } else {
            new StatusText(environment.clock().getZone()).render(status.get()).forEach(environment.out()::println);
        }
        if (!json) {
            PrivateFolders.warnings(paths).forEach(w -> environment.err().println("warning: " + w));
        }
        environment.out().flush();
        return status.map(ServiceSnapshot::running).orElse(false) ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /**
     * {@code calsync test} through the running service: a sync of every pair (or {@code pair})
     * that waits for the runs, then a line per pair.
     *
     * @return empty when no service runs (the caller then syncs in its own process)
     */
    Optional<Integer> testThroughService(Optional<String> pair) throws IOException {
        Optional<Map<String, Object>> answer = send(ControlRequest.sync(pair, true));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        PrintWriter out = environment.out();
        out.println("Synced through the running CalSync (pid " + answer.get().getOrDefault("pid", "?") + "):");
        RunSummary summary = new RunSummary(out);
        if (answer.get().get("reports") instanceof List<?> reports) {
            for (Object report : reports) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) report;
                summary.add(String.valueOf(r.get("pair")), SnapshotJson.readRunResult(r));
            }
        }
        return Optional.of(summary.finish());
    }

    /**
     * {@code calsync sync [--pair P] [--json]} while a service runs: the service runs the pairs
     * (its calendars, connections and state are already open, and no second process syncs beside
     * it) and answers the report, printed here as the command prints its own.
     *
     * @return empty when no service runs or it refused (say, a pair it does not schedule): the
     *         caller then syncs in its own process, which explains any mistake itself
     */
    Optional<Integer> syncThroughService(Optional<String> pair, boolean json) throws IOException {
        Optional<Map<String, Object>> answer;
        try {
            answer = send(ControlRequest.syncReporting(pair,
                    json ? ControlRequest.ReportForm.JSON : ControlRequest.ReportForm.TEXT));
        } catch (IllegalStateException refused) {
            return Optional.empty();
        }
        if (answer.isEmpty() || !(answer.get().get("output") instanceof String output)) {
            return Optional.empty(); // a service from before this form answers no output: run here
        }
        environment.out().print(output);
        environment.out().flush();
        return Optional.of(switch (String.valueOf(answer.get().get("outcome"))) {
            case "failed" -> ExitCodes.PROBLEMS;
            case "partial" -> ExitCodes.ATTENTION;
            default -> ExitCodes.OK;
        });
    }

    /** Prints that nothing runs, and how to start it; returns {@link ExitCodes#PROBLEMS}. */
    int notRunning() {
        environment.err().println("CalSync is not running" + staleHint() + "; `calsync start` starts it.");
        return ExitCodes.PROBLEMS;
    }

    private String staleHint() {
        OptionalLong stale = PidFile.read(paths.pidFile());
        return stale.isPresent() ? " (a pid file names " + stale.getAsLong()
                + ", left by a CalSync that was killed; the next start cleans it up)" : "";
    }

    /** The status of the running service, or of the last one from status.json marked not running. */
    Optional<ServiceSnapshot> status() throws IOException {
        Optional<Map<String, Object>> live = send(ControlCommand.STATUS);
        if (live.isPresent()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) live.get().get("status");
            return Optional.of(SnapshotJson.read(status));
        }
        return lastStatus().map(ServiceSnapshot::notRunning);
    }

    /** status.json as the last service left it; a damaged one is reported and taken as none. */
    private Optional<ServiceSnapshot> lastStatus() {
        Path file = paths.statusFile();
        try {
            return Optional.of(SnapshotJson.read(JsonText.parseObject(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8))));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            environment.err().println("warning: " + file + " cannot be read (" + e.getMessage() + "); it is rewritten when CalSync next runs");
            return Optional.empty();
        }
    }

    int start(DaemonLauncher launcher) throws IOException {
        PrintWriter out = environment.out();
        Optional<Map<String, Object>> ping = send(ControlCommand.PING);
        if (ping.isPresent()) {
            environment.err().println("CalSync is already running (pid " + pidOf(ping.get())
                    + "); `calsync restart` starts it anew.");
            return ExitCodes.ALREADY_RUNNING;
        }
        PrivateFiles.createDirectories(paths.logDir());
        Path console = paths.logDir().resolve(CONSOLE_FILE);
        long startNanos = System.nanoTime();
        Process process = launcher.launch(paths, home, console);
        long deadline = startNanos + START_TIMEOUT.toNanos();
        while (deadline - System.nanoTime() > 0) {
            Optional<Map<String, Object>> answer = send(ControlCommand.PING);
            if (answer.isPresent()) {
                long pid = pidOf(answer.get());
                if (pid != process.pid()) {
                    environment.err().println("CalSync is already running (pid " + pid + ").");
                    return ExitCodes.ALREADY_RUNNING;
                } else {
                    out.println("CalSync started (pid " + pid + "); answering after "
                            + (System.nanoTime() - startNanos) / 1_000_000 + " ms. Logs: " + paths.logDir().resolve(LogSetup.LOG_FILE));
                    warnAboutConfig();
                }
                return ExitCodes.OK;
            }
            if (!process.isAlive()) {
                // lost a race with another start: the other one may answer any moment
                if (process.exitValue() == ExitCodes.ALREADY_RUNNING) {
                    continue;
                }
                environment.err().println("CalSync exited (code " + process.exitValue() + ") before answering. "
                        + "Last lines of " + console + ":");
                tail(console, 15).forEach(environment.err()::println);
                return ExitCodes.PROBLEMS;
            }
            sleep(100);
        }
        environment.err().println("CalSync (pid " + process.pid() + ") did not answer within " + START_TIMEOUT.toSeconds()
                + " s; see " + paths.logDir().resolve(LogSetup.LOG_FILE) + " and " + console);
        return ExitCodes.PROBLEMS;
    }

    /** A service started on a broken config runs but syncs nothing (or an older config): say so at once. */
    private void warnAboutConfig() throws IOException {
        Optional<ServiceSnapshot> status = status();
        if (status.isPresent() && status.get().configError() != null) {
            environment.err().println("warning: " + paths.configFile() + " has errors, so "
                    + (status.get().pairs().isEmpty() ? "nothing syncs" : "an earlier config runs") + " until they are fixed:");
            status.get().configError().lines().forEach(l -> environment.err().println("  " + l));
        }
    }

    int stop() throws IOException {
        OptionalLong pidBefore = PidFile.read(paths.pidFile());
        Optional<Map<String, Object>> answer;
        try {
            answer = send(ControlCommand.STOP);
        } catch (IOException e) {
            // the service may close the socket as it stops, before its answer got out
            if (pidBefore.isEmpty()) {
                throw e;
            }
            answer = Optional.of(Map.of("pid", pidBefore.getAsLong()));
        }
        if (answer.isEmpty()) {
            environment.out().println("CalSync is not running" + staleHint() + ".");
            return ExitCodes.OK;
        }
        long pid = pidOf(answer.get());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                environment.err().println("CalSync (pid " + pid + ") has not exited after " + STOP_TIMEOUT.toSeconds()
                        + " s; `kill " + pid + "` ends it (the next run resumes from the saved state).");
                return ExitCodes.PROBLEMS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.PROBLEMS;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } else {
            // not our child's kind of process (another user's namespace?): wait for the socket to go
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            while (answers() && deadline - System.nanoTime() > 0) {
                sleep(100);
            }
        }
        environment.out().println("CalSync stopped (pid " + pid + ").");
        return ExitCodes.OK;
    }

    private boolean answers() {
        try {
            return send(ControlCommand.PING).isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long pidOf(Map<String, Object> answer) {
        return answer.get("pid") instanceof Number n ? n.longValue() : 0;
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(" + file + " cannot be read: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
