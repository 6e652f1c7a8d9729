package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.LogSetup;
import com.calsync.config.PairConfig;
import com.calsync.platform.ControlCharacters;
import com.calsync.service.HeldDeletionsNote;
import com.calsync.service.PrivateFolders;
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
        if (only != null && config.pair(only).isEmpty() && SyncRunner.wholeAccountPairOf(config, only).isEmpty()) {
            // a name that is not in the config is a mistake on the command line, like an unknown option
            environment.err().println("calsync sync: no pair named \"" + only + "\" in " + paths.configFile()
                    + " (pairs: " + config.pairs().stream().map(PairConfig::name).collect(Collectors.joining(", "))
                    + "; a calendar of a whole-account pair is named like \"pair/Calendar\")");
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
        reports = reports.stream().flatMap(r -> r.calendars().isEmpty() ? java.util.stream.Stream.of(r)
                : r.calendars().stream()).toList();
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
        String arrow = r.mode() == com.calsync.sync.SyncMode.MIRROR ? " → " : " ↔ ";
        out.printf("%s (%s%s%s, %s)%s: %s in %d ms%n", r.pair(), sourceOf(config, r), arrow, targetOf(config, r),
                r.mode().jsonName(), r.dryRun() ? " [dry run: nothing was changed]" : "", outcome(r), r.durationMs());
        if (r.calendar() != null && r.calendar().targetCreated()) {
            out.printf("  %s the target calendar %s%n", r.dryRun() ? "would make" : "made", r.calendar().target());
        }
        if (!r.transform().isIdentity()) {
            out.printf("  copies: %s%s%n", r.transform().describe(),
                    r.leftOut() > 0 ? "; " + r.leftOut() + " event(s) left out" : "");
        }
        if (r.failure() != null) {
            out.println("  failed: " + esc(r.failure()));
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
                    c.side().label(), esc(c.title()), esc(c.why()));
        }
        if (changes.size() > LISTED_ITEMS) {
            out.printf("    … and %d more (--json lists every one)%n", changes.size() - LISTED_ITEMS);
        }
        if (!r.skipped().isEmpty()) {
            long problems = r.skipped().stream().filter(SkippedItem::needsAttention).count();
            out.printf("  skipped %d item(s)%s:%n", r.skipped().size(),
                    problems == 0 ? "" : ", " + problems + " of them need you (marked !)");
            // the ones that need the user first, so the list's limit never hides them behind to-dos
            r.skipped().stream().sorted(java.util.Comparator.comparing((SkippedItem s) -> !s.needsAttention()))
                    .limit(LISTED_ITEMS).forEach((SkippedItem s) -> out.printf("    %s%s %s: %s%n",
                            s.needsAttention() ? "! " : "", s.side().label(), esc(s.href()), esc(s.reason())));
            if (r.skipped().size() > LISTED_ITEMS) {
                out.printf("    … and %d more (--json lists every one)%n", r.skipped().size() - LISTED_ITEMS);
            }
        }
        if (!r.held().isEmpty()) {
            out.printf("  HELD: %d deletion(s) not carried out. %s%n", r.held().size(), esc(HeldDeletionsNote.of(r)));
        }
        r.errors().forEach(e -> out.printf("  error on the %s, %s: %s%n", e.side().label(),
                esc(e.title() == null || e.title().equals(e.key()) ? e.key() : "\"" + e.title() + "\" (" + e.key() + ")"),
                esc(e.message())));
    }

    /** The source as config.json names it, or for a whole-account pair's calendar, account and calendar. */
    private static String sourceOf(CalSyncConfig config, SyncReport r) {
        if (r.calendar() != null) {
            return esc(r.calendar().source());
        }
        return config.pair(r.pair()).map(PairConfig::source).orElse("?");
    }

    private static String targetOf(CalSyncConfig config, SyncReport r) {
        return r.calendar() != null ? esc(r.calendar().target()) : config.pair(r.pair()).map(PairConfig::target).orElse("?");
    }

    /** Calendar and server text, printed with its control characters (and line breaks) escaped. */
    private static String esc(String text) {
        return ControlCharacters.escape(text);
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
