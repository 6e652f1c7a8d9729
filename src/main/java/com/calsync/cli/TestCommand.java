package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.service.StatusBook;
import com.calsync.service.SyncRunner;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync test}: one sync now, with a line per pair. Through the running service when
 * there is one (so runs never overlap and its counters see it), else in this process.
 * Exit codes as {@code sync}: 0 fine, 1 a pair failed, 3 a pair needs attention.
 */
@Command(name = "test", description = "Sync every pair once now and print a summary (through the running service, if any).")
final class TestCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Only this pair.")
    String pair;

    TestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    @SuppressWarnings("try") // the log files only need to be open while the pairs run
    public Integer call() throws IOException {
        ServiceControl control = new ServiceControl(environment, CalSyncCommand.root(spec));
        Optional<Integer> throughService = control.testThroughService(Optional.ofNullable(pair));
        if (throughService.isPresent()) {
            return throughService.get();
        }
        CalSyncPaths paths = control.paths();
        Optional<CalSyncConfig> config = new ConfigAccess(environment).load(paths, true);
        if (config.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        if (pair != null && config.get().pair(pair).isEmpty()) {
            environment.err().println("calsync test: no pair named \"" + pair + "\" in " + paths.configFile());
            return ExitCodes.PROBLEMS;
        }
        PrintWriter out = environment.out();
        out.println("CalSync is not running; syncing in this process:");
        RunSummary summary = new RunSummary(out);
        try (LogSetup logs = new LogSetup(paths.logDir()).start()) {
            SyncRunner runner = SyncRunner.standard(paths, environment.env(), environment.os(), environment.clock());
            List<SyncReport> reports = pair == null ? runner.runAll(config.get(), SyncOptions.normal())
                    : List.of(runner.run(config.get(), config.get().pair(pair).orElseThrow(), SyncOptions.normal()));
            for (SyncReport r : reports) {
                summary.add(r.pair(), StatusBook.resultOf(r, environment.clock().instant()));
            }
        }
        return summary.finish();
    }
}
