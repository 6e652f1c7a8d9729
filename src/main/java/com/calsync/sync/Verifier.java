package com.calsync.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back what a run wrote (and checks that what it deleted is gone): a write that a server
 * accepted but did not keep shows up here. Only the written items are fetched, so the check
 * costs as many requests as the writes, not a listing of the whole calendar. More mismatches
 * than the pair's {@code verify_threshold} fail the run.
 */
final class Verifier {
    private static final int EXAMPLES = 3;

    private final SyncPair pair;
    private final int threshold;

    Verifier(SyncPair pair, int threshold) {
        this.pair = pair;
        this.threshold = threshold;
    }

    /** @return why the run failed verification, or empty when it passed (or wrote nothing) */
    Optional<String> check(StatusDb db, List<ItemChange> written) {
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StatusRow> rows = db.rows();
        Map<Side, Map<String, String>> etagsNow = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<String> hrefs = written.stream().filter(c -> c.side() == side && c.href() != null)
                    .map(ItemChange::href).distinct().toList();
            Map<String, String> found = new HashMap<>();
            BatchFetch.each(pair.store(side), hrefs, item -> found.put(item.href(), item.etag()));
            etagsNow.put(side, found);
        }
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (ItemChange change : written) {
            Optional<String> problem = problem(change, etagsNow.get(change.side()), rows.get(change.key()));
            if (problem.isPresent()) {
                mismatches++;
                if (examples.size() < EXAMPLES) {
                    examples.add("\"" + change.title() + "\" (" + problem.get() + " on the " + change.side().label() + ")");
                }
            }
        }
        if (mismatches > threshold) {
            return Optional.of("verification failed: " + mismatches + " items differ from what was just written (threshold "
                    + threshold + "), e.g. " + String.join(", ", examples) + "; the next run compares them again");
        }
        return Optional.empty();
    }

    /** What is wrong with one written item now, given the etags found on its side and its status row. */
    private static Optional<String> problem(ItemChange change, Map<String, String> now, StatusRow row) {
        if (change.kind() == ItemChange.Kind.DELETED) {
            return now.containsKey(change.href()) ? Optional.of("still there") : Optional.empty();
        }
        if (!now.containsKey(change.href())) {
            return Optional.of("missing");
        }
        String etag = now.get(change.href());
        boolean changed = row != null && row.isOn(change.side()) && row.etag(change.side()) != null
                && etag != null && !etag.equals(row.etag(change.side()));
        return changed ? Optional.of("changed") : Optional.empty();
    }
}
