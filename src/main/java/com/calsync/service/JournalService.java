package com.calsync.service;

import com.calsync.platform.Os;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.sync.Journal;
import com.calsync.sync.JournalEntry;
import com.calsync.sync.JournalRestorer;
import com.calsync.sync.Side;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The copies CalSync saved before overwriting or deleting items ({@code calsync restore}): lists
 * them and puts chosen ones back on the calendar they came from, opened through
 * {@link StoreOpener} as a sync opens it.
 */
public final class JournalService {
    private final Journal journal;
    private final StoreOpener stores;

    public JournalService(Journal journal, StoreOpener stores) {
        this.journal = journal;
        this.stores = stores;
    }

    /** As the app uses it: the journal a sync writes to, and the stores and passwords a sync uses. */
    public static JournalService standard(CalSyncPaths paths, Map<String, String> env, Os os, Clock clock) {
        return new JournalService(SyncRunner.journal(paths, clock), StoreOpener.standard(paths, env, os, clock));
    }

    /**
     * One saved copy.
     *
     * @param id     what {@code calsync restore ID} takes: {@code pair/file-name}
     * @param side   the calendar of the pair it was taken from
     * @param reason why it was overwritten or deleted
     * @param file   the saved text, an {@code .ics} file
     */
    public record SavedCopy(String id, String pair, Side side, String title, Instant saved, String reason, Path file) {}

    /** What restoring one copy came to. */
    public sealed interface Restore permits Restored, NotFound, PairGone, Failed {}

    /**
     * The copy is back.
     *
     * @param calendar         the calendar it went to, as its store describes itself
     * @param replacedExisting it replaced the version there (which was saved in turn); else it was created anew
     */
    public record Restored(SavedCopy copy, String calendar, boolean replacedExisting) implements Restore {}

    /** No saved copy has this id. */
    public record NotFound(String id) implements Restore {}

    /** The copy's pair is no longer in config.json, so there is nowhere to put it back. */
    public record PairGone(SavedCopy copy) implements Restore {}

    /** The calendar could not be opened or written. */
    public record Failed(String id, String message) implements Restore {}

    /** Where the copies are kept. */
    public Path dir() {
        return journal.dir();
    }

    /** Every saved copy, newest first, optionally of one pair only. */
    public List<SavedCopy> list(Optional<String> pair) {
        return journal.entries(pair).stream().map(JournalService::copy).toList();
    }

    /** Puts the copy {@code id} back on the side of its pair it was taken from. */
    public Restore restore(CalSyncConfig config, String id) {
        Optional<JournalEntry> entry = journal.find(id);
        if (entry.isEmpty()) {
            return new NotFound(id);
        }
        SavedCopy copy = copy(entry.get());
        Optional<PairConfig> pair = config.pair(entry.get().pair());
        Optional<PairConfig> whole = SyncRunner.wholeAccountPairOf(config, entry.get().pair());
        if (pair.isEmpty() && whole.isEmpty()) {
            return new PairGone(copy);
        }
        try (CalendarStore store = open(config, pair, whole, entry.get())) {
            JournalRestorer.Restored done = new JournalRestorer(journal).restore(entry.get(), store);
            return new Restored(copy, store.describe(), done.replacedExisting());
        } catch (StoreException e) {
            return new Failed(id, e.getMessage());
        }
    }

    /** The calendar a copy came from: a pair's source or target, or one calendar's of a whole-account pair. */
    private CalendarStore open(CalSyncConfig config, Optional<PairConfig> pair, Optional<PairConfig> whole, JournalEntry e) {
        if (pair.isPresent()) {
            CalendarConfig calendar = e.side() == Side.SOURCE ? config.sourceOf(pair.get()) : config.targetOf(pair.get());
            return stores.open(config, calendar);
        }
        String calendar = e.pair().substring(whole.orElseThrow().name().length() + 1);
        return new WholeAccountCalendars(stores).open(config, whole.get(), calendar, e.side());
    }

    private static SavedCopy copy(JournalEntry e) {
        return new SavedCopy(e.id(), e.pair(), e.side(), e.title(), e.saved(), e.reason(), e.file());
    }
}
