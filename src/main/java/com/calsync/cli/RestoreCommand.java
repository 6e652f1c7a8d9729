package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.PairConfig;
import com.calsync.service.SyncRunner;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.sync.Journal;
import com.calsync.sync.JournalEntry;
import com.calsync.sync.JournalRestorer;
import com.calsync.sync.Side;
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
        Journal journal = SyncRunner.journal(paths, environment.clock());
        PrintWriter out = environment.out();
        if (entries.isEmpty()) {
            List<JournalEntry> all = journal.entries(Optional.ofNullable(pair));
            if (all.isEmpty()) {
                out.println("No saved copies in " + journal.dir() + ".");
            }
            ZoneId zone = environment.clock().getZone();
            for (JournalEntry e : all) {
                out.printf("%s  %s  %s %s: \"%s\" (%s)%n", e.id(), WHEN.format(e.saved().atZone(zone)), e.pair(),
                        e.side().label(), e.title(), e.reason());
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
        JournalRestorer restorer = new JournalRestorer(journal);
        SyncRunner runner = SyncRunner.standard(paths, environment.env(), environment.os(), environment.clock());
        int failures = 0;
        for (String id : entries) {
            Optional<JournalEntry> entry = journal.find(id);
            if (entry.isEmpty()) {
                environment.err().println("calsync restore: no saved copy " + id + " (`calsync restore` lists them)");
                failures++;
                continue;
            }
            Optional<PairConfig> p = config.get().pair(entry.get().pair());
            if (p.isEmpty()) {
                environment.err().println("calsync restore: " + id + " came from pair \"" + entry.get().pair()
                        + "\", which is no longer in config.json; its text is in " + entry.get().file());
                failures++;
                continue;
            }
            var calendar = entry.get().side() == Side.SOURCE ? config.get().sourceOf(p.get()) : config.get().targetOf(p.get());
            try (CalendarStore store = runner.stores().open(config.get(), calendar)) {
                JournalRestorer.Restored done = restorer.restore(entry.get(), store);
                out.printf("restored \"%s\" to %s (%s)%n", entry.get().title(), store.describe(),
                        done.replacedExisting() ? "over the version there, which was saved in turn" : "as a new item");
            } catch (StoreException e) {
                environment.err().println("calsync restore: " + id + ": " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
