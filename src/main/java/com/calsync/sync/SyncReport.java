package com.calsync.sync;

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
 */
public record SyncReport(String pair, SyncMode mode, boolean dryRun, Instant started, long durationMs,
                         SyncOutcome outcome, List<ItemChange> changes, List<SkippedItem> skipped,
                         List<ItemChange> held, GuardHold guard, List<ItemError> errors, String failure,
                         Map<Side, Long> requests, Map<Side, Integer> fetched) {

    public SyncReport {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
        held = List.copyOf(held);
        errors = List.copyOf(errors);
        requests = Map.copyOf(requests);
        fetched = Map.copyOf(fetched);
    }

    /** A run that could not start, e.g. because a calendar could not be opened. */
    public static SyncReport failed(String pair, SyncMode mode, boolean dryRun, Instant started, String why) {
        return new SyncReport(pair, mode, dryRun, started, 0, SyncOutcome.FAILED, List.of(), List.of(), List.of(),
                null, List.of(), why, Map.of(Side.SOURCE, 0L, Side.TARGET, 0L), Map.of(Side.SOURCE, 0, Side.TARGET, 0));
    }

    public long count(Side side, ItemChange.Kind kind) {
        return changes.stream().filter(c -> c.side() == side && c.kind() == kind).count();
    }

    public boolean nothingChanged() {
        return changes.isEmpty();
    }
}
