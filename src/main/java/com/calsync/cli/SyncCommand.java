package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.config.PairConfig;
import com.calsync.service.HeldDeletionsNote;
import com.calsync.service.SyncRunner;
import com.calsync.sync.HeldDeletions;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SkippedItem;
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
 * did. On first run it writes the default config with its demo pair. Exit codes: 0 all pairs
 * fine, 1 a pair failed (or the config is invalid), 3 a pair needs attention (held deletions,
 * items that could not be written).
 */
@Command(name = "sync", description = "Sync the configured pairs once and print what changed.")
final class SyncCommand implements Callable<Integer> {
    private static final int LISTED_ITEMS = 15;

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
        CalSyncPaths paths = CalSyncCommand.root(spec).paths();
        Optional<CalSyncConfig> loaded = new ConfigAccess(environment).load(paths, true,
                json ? environment.err() : environment.out());
        if (loaded.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        CalSyncConfig config = loaded.get();
        String only = approve != null ? approve : reject != null ? reject : pair;
        if (only != null && config.pair(only).isEmpty()) {
            // a name that is not in the config is a mistake on the command line, like an unknown option
            environment.err().println("calsync sync: no pair named \"" + only + "\" in " + paths.configFile()
                    + " (pairs: " + config.pairs().stream().map(PairConfig::name).collect(Collectors.joining(", ")) + ")");
            return ExitCodes.USAGE;
        }
        if (config.enabledPairs().isEmpty() && only == null) {
            environment.out().println("No pairs configured in " + paths.configFile() + ": nothing to sync.");
            return ExitCodes.OK;
        }
        HeldDeletions held = approve != null ? HeldDeletions.APPROVE : reject != null ? HeldDeletions.REJECT
                : HeldDeletions.HOLD;
        SyncOptions options = new SyncOptions(dryRun, held, () -> false);
        SyncRunner runner = SyncRunner.standard(paths, environment.env(), environment.os(), environment.clock());
        List<SyncReport> reports = new ArrayList<>();
        int heldBefore = held == HeldDeletions.HOLD ? 0 : runner.heldDeletions(config.pair(only).orElseThrow());
        try (LogSetup logs = new LogSetup(paths.logDir()).start()) {
            if (only != null) {
                reports.add(runner.run(config, config.pair(only).orElseThrow(), options));
            } else {
                reports.addAll(runner.runAll(config, options));
            }
        }
        PrintWriter out = environment.out();
        if (json) {
            out.println(new SyncReportJson().render(reports));
        } else {
            if (held != HeldDeletions.HOLD && !dryRun) {
                out.println(decision(only, held, heldBefore, reports.get(0)));
            }
            reports.forEach(r -> print(out, config, r));
        }
        out.flush();
        if (reports.stream().anyMatch(r -> r.outcome() == SyncOutcome.FAILED)) {
            return ExitCodes.PROBLEMS;
        }
        return reports.stream().anyMatch(r -> r.outcome() == SyncOutcome.PARTIAL) ? ExitCodes.ATTENTION : ExitCodes.OK;
    }

    private void print(PrintWriter out, CalSyncConfig config, SyncReport r) {
        PairConfig p = config.pair(r.pair()).orElseThrow();
        String arrow = r.mode() == com.calsync.sync.SyncMode.MIRROR ? " → " : " ↔ ";
        out.printf("%s (%s%s%s, %s)%s: %s in %d ms%n", r.pair(), p.source(), arrow, p.target(), r.mode().jsonName(),
                r.dryRun() ? " [dry run: nothing was changed]" : "", outcome(r), r.durationMs());
        if (r.failure() != null) {
            out.println("  failed: " + r.failure());
            out.println("  nothing was deleted; the next run starts again from the last good state.");
        }
        for (Side side : Side.values()) {
            long created = r.count(side, ItemChange.Kind.CREATED);
            long updated = r.count(side, ItemChange.Kind.UPDATED);
            long deleted = r.count(side, ItemChange.Kind.DELETED);
            if (created + updated + deleted > 0) {
                out.printf("  %s%s: %d created, %d updated, %d deleted%n", r.dryRun() ? "would change " : "",
                        side.label(), created, updated, deleted);
            }
        }
        List<ItemChange> changes = r.changes();
        for (int i = 0; i < Math.min(LISTED_ITEMS, changes.size()); i++) {
            ItemChange c = changes.get(i);
            out.printf("    %s%s on the %s: \"%s\" (%s)%n", r.dryRun() ? "would be " : "", c.kind().label(),
                    c.side().label(), c.title(), c.why());
        }
        if (changes.size() > LISTED_ITEMS) {
            out.printf("    … and %d more (--json lists every one)%n", changes.size() - LISTED_ITEMS);
        }
        if (!r.skipped().isEmpty()) {
            out.printf("  skipped %d item(s):%n", r.skipped().size());
            r.skipped().stream().limit(LISTED_ITEMS).forEach((SkippedItem s) ->
                    out.printf("    %s %s: %s%n", s.side().label(), s.href(), s.reason()));
        }
        if (!r.held().isEmpty()) {
            out.printf("  HELD: %d deletion(s) not carried out. %s%n", r.held().size(), HeldDeletionsNote.of(r));
        }
        r.errors().forEach(e -> out.printf("  error on the %s, %s: %s%n", e.side().label(), e.key(), e.message()));
    }

    /** What approving or rejecting did, in one line above the run's report. */
    private static String decision(String pair, HeldDeletions held, int heldBefore, SyncReport r) {
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

    private static String outcome(SyncReport r) {
        if (r.outcome() == SyncOutcome.OK && r.nothingChanged()) {
            return "nothing to do";
        }
        return switch (r.outcome()) {
            case OK -> "done";
            case PARTIAL -> "done, needs attention";
            case FAILED -> "FAILED";
        };
    }
}
