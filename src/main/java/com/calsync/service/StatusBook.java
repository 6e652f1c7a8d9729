package com.calsync.service;

import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunRecord;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's counters: totals, each pair's last result and last error, and the recent-run
 * history. Seeded from the previous status.json so counts carry across restarts. Not
 * thread-safe; the service guards it.
 */
public final class StatusBook {
    /** How many recent runs the history keeps (the UI's chart). */
    public static final int HISTORY_SIZE = 50;
    /** How many titles of held deletions status keeps, for the tray's "what will be deleted". */
    public static final int HELD_TITLES = 50;

    /** One pair's counters. */
    public record PairTotals(long syncCount, long errorCount, RunResult lastResult, String lastError) {
        static final PairTotals NONE = new PairTotals(0, 0, null, null);
    }

    private long syncCount;
    private long errorCount;
    private Instant lastSync;
    private Long lastDurationMs;
    private final Map<String, PairTotals> pairs = new HashMap<>();
    private final Deque<RunRecord> history = new ArrayDeque<>();
    /** Per whole-account pair, its calendars as its last run listed them. */
    private final Map<String, List<CalendarRow>> calendars = new HashMap<>();

    /** One calendar of a whole-account pair: its row's name ({@code pair/Calendar}) and where it syncs. */
    public record CalendarRow(String name, String source, String target) {}

    /** Counters continuing from a previous status, or from zero. */
    public static StatusBook continuing(Optional<ServiceSnapshot> previous) {
        StatusBook book = new StatusBook();
        previous.ifPresent(p -> {
            book.syncCount = p.syncCount();
            book.errorCount = p.errorCount();
            book.lastSync = p.lastSync();
            book.lastDurationMs = p.lastDurationMs();
            for (PairStatus ps : p.pairs()) {
                book.pairs.put(ps.name(), new PairTotals(ps.syncCount(), ps.errorCount(), ps.lastResult(), ps.lastError()));
                if (ps.parent() != null) {
                    book.calendars.computeIfAbsent(ps.parent(), k -> new java.util.ArrayList<>())
                            .add(new CalendarRow(ps.name(), ps.source(), ps.target()));
                }
            }
            List<RunRecord> h = p.history();
            h.subList(Math.max(0, h.size() - HISTORY_SIZE), h.size()).forEach(book.history::addLast);
        });
        return book;
    }

    /** Counts a finished run. */
    public void record(SyncReport report, Instant finished) {
        RunResult result = resultOf(report, finished);
        boolean failed = report.outcome() == SyncOutcome.FAILED;
        if (failed) {
            errorCount++;
        } else {
            syncCount++;
        }
        lastSync = finished;
        lastDurationMs = report.durationMs();
        PairTotals t = pairs.getOrDefault(report.pair(), PairTotals.NONE);
        pairs.put(report.pair(), new PairTotals(t.syncCount() + (failed ? 0 : 1), t.errorCount() + (failed ? 1 : 0),
                result, failed ? report.failure() : t.lastError()));
        history.addLast(new RunRecord(report.pair(), finished, report.durationMs(), report.changes().size(),
                result.outcome()));
        if (!report.calendars().isEmpty()) {
            // each calendar counts as a row of its own; the pair's totals above count the run once
            for (SyncReport calendar : report.calendars()) {
                RunResult r = resultOf(calendar, finished);
                boolean calendarFailed = calendar.outcome() == SyncOutcome.FAILED;
                PairTotals c = pairs.getOrDefault(calendar.pair(), PairTotals.NONE);
                pairs.put(calendar.pair(), new PairTotals(c.syncCount() + (calendarFailed ? 0 : 1),
                        c.errorCount() + (calendarFailed ? 1 : 0), r, calendarFailed ? calendar.failure() : c.lastError()));
            }
            calendars.put(report.pair(), report.calendars().stream().filter(c -> c.calendar() != null)
                    .map(c -> new CalendarRow(c.pair(), c.calendar().source(), c.calendar().target())).toList());
        }
        while (history.size() > HISTORY_SIZE) {
            history.removeFirst();
        }
    }

    /** A report reduced to what status shows. */
    public static RunResult resultOf(SyncReport r, Instant finished) {
        return new RunResult(r.outcome(), finished, r.durationMs(), counts(r, Side.SOURCE), counts(r, Side.TARGET),
                r.skipped().size(), r.held().size(), HeldDeletionsNote.of(r), r.errors().size(), r.failure(),
                r.guard() == null ? null : r.guard().reason(),
                r.held().stream().limit(HELD_TITLES).map(ItemChange::title).toList());
    }

    private static SideCounts counts(SyncReport r, Side side) {
        return new SideCounts(r.count(side, ItemChange.Kind.CREATED), r.count(side, ItemChange.Kind.UPDATED),
                r.count(side, ItemChange.Kind.DELETED));
    }

    public long syncCount() {
        return syncCount;
    }

    public long errorCount() {
        return errorCount;
    }

    public Instant lastSync() {
        return lastSync;
    }

    public Long lastDurationMs() {
        return lastDurationMs;
    }

    /** The calendars of whole-account pair {@code parent} its last run listed (none before its first run). */
    public List<CalendarRow> calendarsOf(String parent) {
        return List.copyOf(calendars.getOrDefault(parent, List.of()));
    }

    public PairTotals pair(String name) {
        return pairs.getOrDefault(name, PairTotals.NONE);
    }

    public List<RunRecord> history() {
        return List.copyOf(history);
    }
}
