package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.platform.PrivateFiles;
import com.calsync.service.ControlClient;
import com.calsync.service.ControlCommand;
import com.calsync.service.ControlRequest;
import com.calsync.service.InstanceLock;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.StatusFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the control commands share: finding the running service through its socket, starting
 * it detached and stopping it. Each method prints what happened and returns an exit code.
 */
final class ServiceControl {
    static final String CONSOLE_FILE = "calsync-console.log";
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final CliEnvironment environment;
    private final CalSyncPaths paths;
    private final Optional<Path> home;
    private final ControlClient client;

    ServiceControl(CliEnvironment environment, CalSyncCommand root) {
        this.environment = environment;
        this.paths = root.paths();
        this.home = Optional.ofNullable(root.home);
        this.client = new ControlClient(paths.controlSocket());
    }

    CalSyncPaths paths() {
        return paths;
    }

    ControlClient client() {
        return client;
    }

    /** Sends {@code request}; empty when no service answers. A service's {"ok":false} becomes an exception with its message. */
    Optional<JsonNode> send(ControlRequest request) throws IOException {
        Optional<JsonNode> response = client.send(request);
        if (response.isPresent() && !response.get().path("ok").asBoolean()) {
            throw new IllegalStateException(response.get().path("error")
                    .asText("the service refused " + request.command().wireName()));
        }
        return response;
    }

    Optional<JsonNode> send(ControlCommand command) throws IOException {
        return send(ControlRequest.of(command));
    }

    /** Prints that nothing runs, and how to start it; returns {@link ExitCodes#PROBLEMS}. */
    int notRunning() {
        environment.err().println("CalSync is not running" + staleHint() + "; `calsync start` starts it.");
        return ExitCodes.PROBLEMS;
    }

    private String staleHint() {
        OptionalLong stale = InstanceLock.readPid(paths.pidFile());
        return stale.isPresent() ? " (a pid file names " + stale.getAsLong()
                + ", left by a CalSync that was killed; the next start cleans it up)" : "";
    }

    /** The status of the running service, or of the last one from status.json marked not running. */
    Optional<ServiceSnapshot> status() throws IOException {
        Optional<JsonNode> live = send(ControlCommand.STATUS);
        if (live.isPresent()) {
            return Optional.of(client.json().treeToValue(live.get().get("status"), ServiceSnapshot.class));
        }
        return new StatusFile(paths.statusFile()).read().map(ServiceSnapshot::notRunning);
    }

    int start(DaemonLauncher launcher) throws IOException {
        PrintWriter out = environment.out();
        Optional<JsonNode> ping = send(ControlCommand.PING);
        if (ping.isPresent()) {
            environment.err().println("CalSync is already running (pid " + ping.get().path("pid").asLong()
                    + "); `calsync restart` starts it anew.");
            return ExitCodes.ALREADY_RUNNING;
        }
        PrivateFiles.createDirectories(paths.logDir());
        Path console = paths.logDir().resolve(CONSOLE_FILE);
        long startNanos = System.nanoTime();
        Process process = launcher.launch(paths, home, console);
        long deadline = startNanos + START_TIMEOUT.toNanos();
        while (deadline - System.nanoTime() > 0) {
            Optional<JsonNode> answer = client.send(ControlRequest.of(ControlCommand.PING));
            if (answer.isPresent()) {
                long pid = answer.get().path("pid").asLong();
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
        OptionalLong pidBefore = InstanceLock.readPid(paths.pidFile());
        Optional<JsonNode> answer;
        try {
            answer = send(ControlCommand.STOP);
        } catch (IOException e) {
            // the service may close the socket as it stops, before its answer got out
            if (pidBefore.isEmpty()) {
                throw e;
            }
            answer = Optional.of(client.json().createObjectNode().put("pid", pidBefore.getAsLong()));
        }
        if (answer.isEmpty()) {
            environment.out().println("CalSync is not running" + staleHint() + ".");
            return ExitCodes.OK;
        }
        long pid = answer.get().path("pid").asLong();
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
            while (client.answers() && deadline - System.nanoTime() > 0) {
                sleep(100);
            }
        }
        environment.out().println("CalSync stopped (pid " + pid + ").");
        return ExitCodes.OK;
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
