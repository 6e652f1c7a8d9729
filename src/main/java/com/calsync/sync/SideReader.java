package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ComponentKind;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.Listing;
import com.calsync.store.StoredItem;
import com.calsync.store.SyncTokenExpiredException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out what one side of a pair holds now, downloading only what changed: an item whose
 * etag is the one remembered from the last sync is taken as unchanged without being fetched.
 */
final class SideReader {
    private static final Logger log = LoggerFactory.getLogger(SideReader.class);

    private final IcalKit ical;
    private final com.calsync.ical.ItemTitle titles = new com.calsync.ical.ItemTitle();
    private final TimeWindow window;
    private final boolean recheckWindow;
    private final Map<String, StatusRow> rows;
    private final CopyShaper shaper;
    private final TargetKeys targetKeys;
    private final Kinds kinds;

    /**
     * The kinds of items a pair carries (those both of its stores hold), and why it leaves another
     * kind where it is.
     */
    interface Kinds {
        boolean carried(ComponentKind kind);

        String whyNot(ComponentKind kind);
    }

    /**
     * @param recheckWindow re-read items whose place in the window may have changed as time moved
     * @param shaper        what the target is to get of each source item (expansion and transform)
     * @param targetKeys    the key each target item syncs under
     */
    SideReader(IcalKit ical, TimeWindow window, boolean recheckWindow, Map<String, StatusRow> rows,
               CopyShaper shaper, TargetKeys targetKeys, Kinds kinds) {
        this.ical = ical;
        this.window = window;
        this.recheckWindow = recheckWindow;
        this.rows = rows;
        this.shaper = shaper;
        this.targetKeys = targetKeys;
        this.kinds = kinds;
    }

    /**
     * @param refetch fetch every item, also those whose etag says they are unchanged: the pair's
     *                transform changed, so what the target gets of them may have too
     */
    SideSnapshot read(Side side, CalendarStore store, Map<String, SkippedItem> lastSkipped,
                      Optional<String> lastToken, boolean refetch) {
        boolean expand = side == Side.SOURCE && shaper.expands();
        Map<String, List<StatusRow>> rowsByHref = new HashMap<>();
        for (StatusRow row : rows.values()) {
            if (row.isOn(side)) {
                rowsByHref.computeIfAbsent(row.href(side), h -> new ArrayList<>()).add(row);
            }
        }
        Map<String, String> current = new LinkedHashMap<>();
        Optional<String> token = listing(side, store, rowsByHref, lastSkipped, lastToken, current);

        Run run = new Run(side, expand, rowsByHref);
        List<String> toFetch = new ArrayList<>();
        for (Map.Entry<String, String> entry : current.entrySet()) {
            String href = entry.getKey();
            String etag = entry.getValue();
            List<StatusRow> tracked = rowsByHref.get(href);
            SkippedItem skipped = lastSkipped.get(href);
            if (etag != null && tracked != null && !(expand && recheckWindow) && !refetch
                    && tracked.stream().allMatch(r -> etag.equals(r.etag(side)))) {
                tracked.forEach(r -> run.add(SideItem.unchanged(r.key(), href, etag, r.hash(side))));
            } else if (etag != null && skipped != null && etag.equals(skipped.etag()) && !refetch
                    && !(skipped.windowDependent() && recheckWindow)) {
                run.skipped.add(skipped);
            } else {
                toFetch.add(href);
            }
        }
        if (store.capabilities().serverSideTimeRange()) {
            // Such a listing leaves out what has no occurrence in the window: ask for the
            // missing items themselves to tell "left the window" from "deleted".
            rowsByHref.keySet().stream().filter(h -> !current.containsKey(h)).forEach(toFetch::add);
        }
        // Reading iCalendar is most of a first sync's work and each item stands alone:
        // inspect a batch on all cores, then gather the results in order on this thread.
        BatchFetch.inBatches(store, toFetch, batch -> batch.parallelStream().map(run::inspect).toList().forEach(run::accept));
        return new SideSnapshot(side, run.items, run.skipped, run.leftWindow, token, toFetch.size());
    }

    /** Fills {@code current} with href → etag and returns the new sync token, if any. */
    private Optional<String> listing(Side side, CalendarStore store, Map<String, List<StatusRow>> rowsByHref,
                                     Map<String, SkippedItem> lastSkipped, Optional<String> lastToken,
                                     Map<String, String> current) {
        if (store.capabilities().syncTokens() && lastToken.isPresent()) {
            try {
                ChangeSet changes = store.changesSince(lastToken.get());
                rowsByHref.forEach((href, tracked) -> current.put(href, tracked.get(0).etag(side)));
                lastSkipped.values().forEach(s -> current.put(s.href(), s.etag()));
                current.putAll(changes.changed());
                changes.removed().forEach(current::remove);
                return Optional.of(changes.newToken());
            } catch (SyncTokenExpiredException e) {
                log.info("{} no longer accepts the sync token of the last run; listing all items instead",
                        store.describe());
                current.clear();
            }
        }
        Listing listing = store.list(window);
        current.putAll(listing.etags());
        return listing.syncToken();
    }

    /** The items and skips gathered while reading one side. */
    private final class Run {
        final Side side;
        final boolean expand;
        final Map<String, List<StatusRow>> rowsByHref;
        final Map<String, SideItem> items = new LinkedHashMap<>();
        final List<SkippedItem> skipped = new ArrayList<>();
        final Set<String> leftWindow = new HashSet<>();

        Run(Side side, boolean expand, Map<String, List<StatusRow>> rowsByHref) {
            this.side = side;
            this.expand = expand;
            this.rowsByHref = rowsByHref;
        }

        /** What one fetched item turned out to be; computed off this thread, so it only reads. */
        private record Inspection(StoredItem stored, List<SideItem> items, String skipReason,
                                  boolean windowDependent) {
        }

        Inspection inspect(StoredItem stored) {
            CalendarItem item;
            try {
                item = ical.parser().parse(stored.ics());
            } catch (MalformedItemException e) {
                return skipped(stored, "cannot be read as iCalendar: " + e.getMessage(), false);
            } catch (RuntimeException e) {
                return skipped(stored, "cannot be read as iCalendar: " + e, false);
            }
            if (!kinds.carried(item.kind())) {
                return skipped(stored, "holds a " + item.kind() + " (UID " + item.uid() + "); "
                        + kinds.whyNot(item.kind()) + ", so it is left as it is", false);
            }
            if (side == Side.SOURCE) {
                return inspectSource(stored, item);
            }
            String key = targetKeys.keyOf(stored.href(), item.uid());
            if (!rows.containsKey(key) && !ical.occurrences().hasOccurrenceIn(item, window)) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true);
            }
            return new Inspection(stored, List.of(sideItem(stored, key, item, item)), null, false);
        }

        /** A source item becomes what the target is to get of it: {@link CopyShaper}. */
        private Inspection inspectSource(StoredItem stored, CalendarItem item) {
            if (!expand && !rows.containsKey(item.uid()) && !ical.occurrences().hasOccurrenceIn(item, window)) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true);
            }
            List<CopyShaper.Shaped> shaped;
            try {
                shaped = shaper.shape(shaper.occurrences(item));
            } catch (MalformedItemException | RuntimeException e) {
                return skipped(stored, "cannot be copied with the pair's copy settings: " + e.getMessage(), false);
            }
            if (expand && shaped.isEmpty() && !rowsByHref.containsKey(stored.href())) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true);
            }
            List<SideItem> items = new ArrayList<>(shaped.size());
            for (CopyShaper.Shaped s : shaped) {
                items.add(s.copy() == null
                        ? SideItem.leftOut(s.key(), stored.href(), stored.etag(), s.leftOut(), titles.of(s.source()))
                        : sideItem(stored, s.key(), s.copy(), s.source()));
            }
            return new Inspection(stored, items, null, false);
        }

        void accept(Inspection inspection) {
            StoredItem stored = inspection.stored();
            if (inspection.skipReason() != null) {
                skipped.add(new SkippedItem(side, stored.href(), stored.etag(), inspection.skipReason(),
                        inspection.windowDependent()));
                return;
            }
            inspection.items().forEach(this::add);
            if (expand) {
                Set<String> keys = new HashSet<>();
                inspection.items().forEach(i -> keys.add(i.key()));
                for (StatusRow row : rowsByHref.getOrDefault(stored.href(), List.of())) {
                    if (!keys.contains(row.key()) && row.base() != null && !inWindow(row.base())) {
                        leftWindow.add(row.key());
                    }
                }
            }
        }

        private Inspection skipped(StoredItem stored, String reason, boolean windowDependent) {
            return new Inspection(stored, List.of(), reason, windowDependent);
        }

        /**
         * @param content what is compared and written (on the source, the copy the target gets)
         * @param titled  whose title reports show (on the source, the source's own)
         */
        private SideItem sideItem(StoredItem stored, String key, CalendarItem content, CalendarItem titled) {
            // Only the text and title are kept: a parsed item weighs ten times its text, and a
            // first sync holds every item of a side until the plan is made.
            return new SideItem(key, stored.href(), stored.etag(), ical.fingerprinter().fingerprint(content),
                    content.text(), titles.of(titled));
        }

        private boolean inWindow(String text) {
            try {
                return ical.occurrences().hasOccurrenceIn(ical.parser().parse(text), window);
            } catch (MalformedItemException e) {
                return true;
            }
        }

        void add(SideItem fresh) {
            SideItem earlier = items.get(fresh.key());
            if (earlier != null && !earlier.href().equals(fresh.href())) {
                StatusRow row = rows.get(fresh.key());
                boolean freshIsTracked = row != null && fresh.href().equals(row.href(side));
                SideItem loser = freshIsTracked ? earlier : fresh;
                SideItem winner = freshIsTracked ? fresh : earlier;
                skipped.add(new SkippedItem(side, loser.href(), loser.etag(), "has the same UID " + fresh.key()
                        + " as " + winner.href() + "; only that one is synced", false));
                items.put(fresh.key(), winner);
                return;
            }
            items.put(fresh.key(), fresh);
        }
    }
}
