package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.service.ControlRequest;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.StatusBook;
import com.calsync.service.SyncRunner;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        PrintWriter out = environment.out();
        List<Map.Entry<String, RunResult>> results = new ArrayList<>();
        Optional<JsonNode> answer = control.send(ControlRequest.sync(Optional.ofNullable(pair), true));
        if (answer.isPresent()) {
            out.println("Synced through the running CalSync (pid " + answer.get().path("pid").asText("?") + "):");
            for (JsonNode n : answer.get().path("reports")) {
                results.add(Map.entry(n.path("pair").asText(), control.client().json().treeToValue(n, RunResult.class)));
            }
        } else {
            CalSyncPaths paths = control.paths();
            Optional<CalSyncConfig> config = new ConfigAccess(environment).load(paths, true);
            if (config.isEmpty()) {
                return ExitCodes.PROBLEMS;
            }
            if (pair != null && config.get().pair(pair).isEmpty()) {
                environment.err().println("calsync test: no pair named \"" + pair + "\" in " + paths.configFile());
                return ExitCodes.PROBLEMS;
            }
            out.println("CalSync is not running; syncing in this process:");
            try (LogSetup logs = new LogSetup(paths.logDir()).start()) {
                SyncRunner runner = SyncRunner.standard(paths, environment.env(), environment.os(), environment.clock());
                List<SyncReport> reports = pair == null ? runner.runAll(config.get(), SyncOptions.normal())
                        : List.of(runner.run(config.get(), config.get().pair(pair).orElseThrow(), SyncOptions.normal()));
                for (SyncReport r : reports) {
                    results.add(Map.entry(r.pair(), StatusBook.resultOf(r, environment.clock().instant())));
                }
            }
        }
        int code = ExitCodes.OK;
        for (Map.Entry<String, RunResult> e : results) {
            RunResult r = e.getValue();
            out.println("  " + e.getKey() + ": " + r.outcome().label() + " in " + r.durationMs() + " ms; source +" + r.source().created()
                    + " ~" + r.source().updated() + " -" + r.source().deleted() + ", target +" + r.target().created() + " ~"
                    + r.target().updated() + " -" + r.target().deleted() + "; " + r.skipped() + " skipped"
                    + (r.errors() > 0 ? ", " + r.errors() + " errors" : "") + (r.held() > 0 ? ", " + r.held() + " deletions held" : "")
                    + (r.failure() != null ? "\n    " + r.failure() : "") + (r.guardNote() != null ? "\n    " + r.guardNote() : ""));
            if (r.outcome() == SyncOutcome.FAILED) {
                code = ExitCodes.PROBLEMS;
            } else if (r.outcome() == SyncOutcome.PARTIAL && code == ExitCodes.OK) {
                code = ExitCodes.ATTENTION;
            }
        }
        if (results.isEmpty()) {
            out.println("  no enabled pairs");
        }
        out.flush();
        return code;
    }
}
