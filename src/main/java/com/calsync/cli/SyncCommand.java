package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.config.PairConfig;
import com.calsync.service.PrivateFolders;
import com.calsync.service.SyncReportJson;
import com.calsync.service.SyncReportText;
import com.calsync.service.SyncRunner;
import com.calsync.sync.HeldDeletions;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync sync}: syncs the configured pairs once, in the foreground, and prints what it
 * did. While the service runs, it runs them (see {@link ServiceControl#syncThroughService}); a
 * dry run, approving or rejecting held deletions and a whole-account pair's single calendar
 * always run in this process. On first run it writes the default config with its demo pair. Exit codes: 0 all pairs
 * fine, 1 a pair failed (or the config is invalid), 3 a pair needs attention (held deletions,
 * items that could not be written).
 */
@Command(name = "sync", description = "Sync the configured pairs once and print what changed.")
final class SyncCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Only this pair (default: every enabled pair).")
    String pair;

    @Option(names = "--dry-run", description = "Print what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the report as JSON (format in the README).")
    boolean json;

    @Option(names = "--approve-deletions", paramLabel = "PAIR",
            description = "Carry out the deletions the guard held back for PAIR.")
    String approve;

    @Option(names = "--reject-deletions", paramLabel = "PAIR",
            description = "Keep the items whose deletion the guard held back for PAIR.")
    String reject;

    SyncCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    @SuppressWarnings("try") // the log files only need to be open while the pairs run
    public Integer call() throws IOException {
        if (approve != null && reject != null) {
            environment.err().println("calsync sync: --approve-deletions and --reject-deletions exclude each other");
            return ExitCodes.USAGE;
        }
        CalSyncCommand root = CalSyncCommand.root(spec);
        if (!dryRun && approve == null && reject == null && (pair == null || !pair.contains("/"))) {
            Optional<Integer> viaService = new ServiceControl(environment, root).syncThroughService(Optional.ofNullable(pair), json);
            if (viaService.isPresent()) {
                return viaService.get();
            }
        }
        CalSyncPaths paths = root.paths();
        Optional<CalSyncConfig> loaded = new ConfigAccess(environment).load(paths, true,
                json ? environment.err() : environment.out());
        if (loaded.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        CalSyncConfig config = loaded.get();
        String only = approve != null ? approve : reject != null ? reject : pair;
        if (only != null && config.pair(only).isEmpty() && SyncRunner.wholeAccountPairOf(config, only).isEmpty()) {
            // a name that is not in the config is a mistake on the command line, like an unknown option
            environment.err().println("calsync sync: no pair named \"" + only + "\" in " + paths.configFile()
                    + " (pairs: " + config.pairs().stream().map(PairConfig::name).collect(Collectors.joining(", "))
                    + "; a calendar of a whole-account pair is named like \"pair/Calendar\")");
            return ExitCodes.USAGE;
        }
        if (config.enabledPairs().isEmpty() && only == null) {
            environment.out().println(SyncReportText.nothingConfigured(paths.configFile()));
            return ExitCodes.OK;
        }
        HeldDeletions held = approve != null ? HeldDeletions.APPROVE : reject != null ? HeldDeletions.REJECT
                : HeldDeletions.HOLD;
        SyncOptions options = new SyncOptions(dryRun, held, () -> false);
        SyncRunner runner = SyncRunner.standard(paths, environment.env(), environment.os(), environment.clock());
        List<SyncReport> reports = new ArrayList<>();
        // a whole-account pair's calendar keeps its state inside the pair's: its count is not known here
        int heldBefore = held == HeldDeletions.HOLD ? 0 : config.pair(only).map(runner::heldDeletions).orElse(UNKNOWN);
        try (LogSetup logs = new LogSetup(paths.logDir()).start()) {
            PrivateFolders.secure(paths);
            if (only != null) {
                reports.add(runner.runNamed(config, only, options).orElseThrow());
            } else {
                reports.addAll(runner.runAll(config, options));
            }
        }
        // a whole-account pair reports each of its calendars as a pair of its own
        reports = SyncReportText.perCalendar(reports);
        PrintWriter out = environment.out();
        if (json) {
            out.println(new SyncReportJson().render(reports));
        } else {
            if (held != HeldDeletions.HOLD && !dryRun) {
                out.println(decision(only, held, heldBefore, reports.get(0)));
            }
            out.print(new SyncReportText(config).render(reports));
        }
        out.flush();
        return exitCode(SyncReportText.worst(reports));
    }

    /** 0 all pairs fine, 1 a pair failed, 3 a pair needs attention. */
    static int exitCode(SyncOutcome worst) {
        return switch (worst) {
            case OK -> ExitCodes.OK;
            case PARTIAL -> ExitCodes.ATTENTION;
            case FAILED -> ExitCodes.PROBLEMS;
        };
    }

    private static final int UNKNOWN = -1;

    private static String decision(String pair, HeldDeletions held, String what) {
        return (held == HeldDeletions.APPROVE ? "Approved" : "Rejected") + ": the held deletions in " + pair + " " + what;
    }

    /** What approving or rejecting did, in one line above the run's report. */
    private static String decision(String pair, HeldDeletions held, int heldBefore, SyncReport r) {
        if (heldBefore == UNKNOWN) {
            return decision(pair, held, r.outcome() == SyncOutcome.FAILED ? "stay held: the run failed (below)."
                    : held == HeldDeletions.APPROVE ? "were carried out (each deleted item is saved; `calsync restore` puts one back)."
                    : "will not be carried out; the items stay where they are.");
        }
        if (heldBefore == 0) {
            return "No deletions were held in " + pair + "; it synced as usual.";
        }
        if (r.outcome() == SyncOutcome.FAILED) {
            return "The " + heldBefore + " held deletion(s) in " + pair + " stay held: the run failed (below).";
        }
        return held == HeldDeletions.APPROVE
                ? "Approved: the " + heldBefore + " held deletion(s) in " + pair + " were carried out (each deleted item is"
                        + " saved; `calsync restore` puts one back)."
                : "Rejected: the " + heldBefore + " held deletion(s) in " + pair + " will not be carried out; the items"
                        + " stay where they are.";
    }
}
