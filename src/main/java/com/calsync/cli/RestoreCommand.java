package com.calsync.cli;

import com.calsync.platform.ControlCharacters;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.service.JournalService;
import com.calsync.service.JournalService.SavedCopy;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calsync restore}: lists the copies CalSync saved before overwriting or deleting items
 * (kept 30 days) and puts chosen ones back where they were.
 */
@Command(name = "restore", description = {"Put back items CalSync overwrote or deleted (copies are kept 30 days).",
        "Without ENTRY, lists the saved copies, newest first."})
final class RestoreCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Only copies from this pair.")
    String pair;

    @Parameters(arity = "0..*", paramLabel = "ENTRY", description = "Entries to restore, as listed (pair/file.ics).")
    List<String> entries = List.of();

    RestoreCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CalSyncPaths paths = CalSyncCommand.root(spec).paths();
        JournalService journal = JournalService.standard(paths, environment.env(), environment.os(),
                environment.clock());
        PrintWriter out = environment.out();
        if (entries.isEmpty()) {
            List<SavedCopy> all = journal.list(Optional.ofNullable(pair));
            if (all.isEmpty() && pair != null && !knownPair(paths)) {
                return ExitCodes.USAGE;
            }
            if (all.isEmpty()) {
                out.println("No saved copies in " + journal.dir() + ".");
            }
            ZoneId zone = environment.clock().getZone();
            for (SavedCopy e : all) {
                out.printf("%s  %s  %s %s: \"%s\" (%s)%n", e.id(), WHEN.format(e.saved().atZone(zone)), e.pair(),
                        e.side().label(), ControlCharacters.escape(e.title()), ControlCharacters.escape(e.reason()));
            }
            if (!all.isEmpty()) {
                out.println("Restore one with: calsync restore ENTRY");
            }
            out.flush();
            return ExitCodes.OK;
        }
        Optional<CalSyncConfig> config = new ConfigAccess(environment).load(paths, false);
        if (config.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        int failures = 0;
        for (String id : entries) {
            JournalService.Restore result = journal.restore(config.get(), id);
            if (result instanceof JournalService.Restored done) {
                out.printf("restored \"%s\" to %s (%s)%n", ControlCharacters.escape(done.copy().title()), done.calendar(),
                        done.replacedExisting() ? "over the version there, which was saved in turn" : "as a new item");
                continue;
            }
            environment.err().println("calsync restore: " + problem(result));
            failures++;
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /**
     * Whether {@code --pair} names a pair of config.json (a pair that was removed still has its
     * copies, so this is asked only when none were found); says so when it does not.
     */
    private boolean knownPair(CalSyncPaths paths) {
        // read quietly: a config with problems says so when it is needed, not while listing copies
        Optional<CalSyncConfig> config = java.nio.file.Files.exists(paths.configFile())
                ? new com.calsync.config.ConfigLoader(environment.userHome()).load(paths.configFile()).config()
                : Optional.empty();
        if (config.isEmpty() || config.get().pair(pair).isPresent()) {
            return true;
        }
        environment.err().println("calsync restore: no pair named \"" + pair + "\" in " + paths.configFile() + " (pairs: "
                + config.get().pairs().stream().map(com.calsync.config.PairConfig::name)
                        .collect(java.util.stream.Collectors.joining(", ")) + ") and no saved copies from one");
        return false;
    }

    private static String problem(JournalService.Restore result) {
        if (result instanceof JournalService.NotFound notFound) {
            return "no saved copy " + notFound.id() + " (`calsync restore` lists them)";
        }
        if (result instanceof JournalService.PairGone gone) {
            return gone.copy().id() + " came from pair \"" + gone.copy().pair()
                    + "\", which is no longer in config.json; its text is in " + gone.copy().file();
        }
        JournalService.Failed failed = (JournalService.Failed) result;
        return failed.id() + ": " + failed.message();
    }
}
