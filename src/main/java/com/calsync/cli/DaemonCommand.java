package com.calsync.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.DefaultConfigWriter;
import com.calsync.config.LogSetup;
import com.calsync.service.AlreadyRunningException;
import com.calsync.service.CalSyncService;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync daemon}: runs the service in the foreground until {@code calsync stop}, SIGTERM
 * or SIGINT (Ctrl-C), which stop it gracefully: the run in progress stops after its current
 * item, status.json is written, and the process exits within a few seconds. What a login item
 * or service manager runs; {@code calsync start} runs it detached.
 */
@Command(name = "daemon", description = "Run the background service in the foreground (until stop, SIGTERM or Ctrl-C).")
final class DaemonCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--detached", hidden = true,
            description = "Started by `calsync start`: log to the files only, not to the console.")
    boolean detached;

    DaemonCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        CalSyncPaths paths = CalSyncCommand.root(spec).paths();
        new DefaultConfigWriter(environment.clock(), environment.userHome()).writeIfMissing(paths)
                .ifPresent(run -> environment.out().println(run.describe()));
        if (detached) {
            quietConsole();
        }
        LogSetup logs = new LogSetup(paths.logDir()).start();
        CalSyncService service = CalSyncService.standard(paths, environment.env(), environment.os(), environment.userHome(), environment.clock());
        service.onConfig(config -> logs.applyLevel(config.app().logLevel()));
        try {
            service.start();
        } catch (AlreadyRunningException e) {
            environment.err().println(e.getMessage());
            logs.close();
            return ExitCodes.ALREADY_RUNNING;
        }
        Thread hook = new Thread(() -> {
            service.stop();
            logs.close();
        }, "calsync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!detached) {
            environment.out().println("CalSync running (pid " + ProcessHandle.current().pid() + "); Ctrl-C stops it. Logs: "
                    + logs.logFile());
        }
        service.awaitStopped();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            logs.close();
        } catch (IllegalStateException e) {
            // a signal is shutting the JVM down: the hook is closing the logs
        }
        return ExitCodes.OK;
    }

    /** The detached daemon's console goes to a file; the log files already hold every line. */
    private static void quietConsole() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
        }
    }
}
