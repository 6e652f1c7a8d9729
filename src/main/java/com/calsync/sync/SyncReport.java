package com.calsync.sync;

import com.calsync.sync.transform.PairTransform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run of one pair did: the changes per side, what was skipped and why, the deletion
 * guard's state, errors, timing and the requests sent to each store.
 *
 * @param held       deletions held back by the guard, to be approved or rejected in a later run
 * @param guard      why the guard holds them, when it does; else null
 * @param failure    why the run stopped, when {@code outcome} is FAILED
 * @param requests   requests sent to each side's server during the run
 * @param transform  what events underwent on their way to the target
 * @param leftOut    source items the pair's filters left out (all of them, not only those read in this run)
 * @param calendar   for one calendar of a whole-account pair, which calendars it synced; else null
 * @param calendars  for a whole-account pair, the run of each of its calendars (this report sums
 *                   them up); else empty
 */
public record SyncReport(String pair, SyncMode mode, boolean dryRun, Instant started, long durationMs,
                         SyncOutcome outcome, List<ItemChange> changes, List<SkippedItem> skipped,
                         List<ItemChange> held, GuardHold guard, List<ItemError> errors, String failure,
                         Map<Side, Long> requests, Map<Side, Integer> fetched, PairTransform transform,
                         int leftOut, CalendarRoute calendar, List<SyncReport> calendars) {

    public SyncReport {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
        held = List.copyOf(held);
        errors = List.copyOf(errors);
        requests = Map.copyOf(requests);
        fetched = Map.copyOf(fetched);
        transform = transform == null ? PairTransform.NONE : transform;
        calendars = List.copyOf(calendars);
    }

    /** A report of a pair without transform, outside a whole-account pair. */
    public SyncReport(String pair, SyncMode mode, boolean dryRun, Instant started, long durationMs,
                      SyncOutcome outcome, List<ItemChange> changes, List<SkippedItem> skipped,
                      List<ItemChange> held, GuardHold guard, List<ItemError> errors, String failure,
                      Map<Side, Long> requests, Map<Side, Integer> fetched) {
        this(pair, mode, dryRun, started, durationMs, outcome, changes, skipped, held, guard, errors, failure, requests,
                fetched, PairTransform.NONE, 0, null, List.of());
    }

    /** A run that could not start, e.g. because a calendar could not be opened. */
    public static SyncReport failed(String pair, SyncMode mode, boolean dryRun, Instant started, String why) {
        return new SyncReport(pair, mode, dryRun, started, 0, SyncOutcome.FAILED, List.of(), List.of(), List.of(),
                null, List.of(), why, Map.of(Side.SOURCE, 0L, Side.TARGET, 0L), Map.of(Side.SOURCE, 0, Side.TARGET, 0));
    }

    /** This report, marked as the run of one calendar of a whole-account pair. */
    public SyncReport forCalendar(CalendarRoute route) {
        return new SyncReport(pair, mode, dryRun, started, durationMs, outcome, changes, skipped, held, guard, errors,
                failure, requests, fetched, transform, leftOut, route, calendars);
    }

    /** This report with {@code newTransform} named (a run that failed before the engine knew it). */
    public SyncReport withTransform(PairTransform newTransform) {
        return new SyncReport(pair, mode, dryRun, started, durationMs, outcome, changes, skipped, held, guard, errors,
                failure, requests, fetched, newTransform, leftOut, calendar, calendars);
    }

    /**
     * The run of a whole-account pair: the sum of its calendars' runs. It failed when it could not
     * list the source's calendars ({@code failure}) or when every calendar failed; it is partial
     * when some failed or need attention. Held deletions stay with the calendar that holds them
     * (each is approved or rejected by that calendar's name), so the sum holds none itself.
     */
    public static SyncReport ofCalendars(String pair, SyncMode mode, boolean dryRun, Instant started, long durationMs,
                                         PairTransform transform, List<SyncReport> calendars, String failure) {
        List<ItemChange> changes = new java.util.ArrayList<>();
        List<SkippedItem> skipped = new java.util.ArrayList<>();
        List<ItemError> errors = new java.util.ArrayList<>();
        Map<Side, Long> requests = new java.util.EnumMap<>(Map.of(Side.SOURCE, 0L, Side.TARGET, 0L));
        Map<Side, Integer> fetched = new java.util.EnumMap<>(Map.of(Side.SOURCE, 0, Side.TARGET, 0));
        int leftOut = 0;
        for (SyncReport r : calendars) {
            changes.addAll(r.changes());
            skipped.addAll(r.skipped());
            errors.addAll(r.errors());
            r.requests().forEach((side, n) -> requests.merge(side, n, Long::sum));
            r.fetched().forEach((side, n) -> fetched.merge(side, n, Integer::sum));
            leftOut += r.leftOut();
        }
        long failedCalendars = calendars.stream().filter(r -> r.outcome() == SyncOutcome.FAILED).count();
        SyncOutcome outcome = failure != null || !calendars.isEmpty() && failedCalendars == calendars.size()
                ? SyncOutcome.FAILED
                : failedCalendars > 0 || calendars.stream().anyMatch(r -> r.outcome() == SyncOutcome.PARTIAL)
                ? SyncOutcome.PARTIAL : SyncOutcome.OK;
        String why = failure != null ? failure : outcome == SyncOutcome.FAILED
                ? "every calendar failed; the first: " + calendars.get(0).failure() : null;
        return new SyncReport(pair, mode, dryRun, started, durationMs, outcome, changes, skipped, List.of(), null, errors,
                why, requests, fetched, transform, leftOut, null, calendars);
    }

    public long count(Side side, ItemChange.Kind kind) {
        return changes.stream().filter(c -> c.side() == side && c.kind() == kind).count();
    }

    public boolean nothingChanged() {
        return changes.isEmpty();
    }
}
