package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ComponentKind;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.OpaqueItem;
import com.calsync.ical.ReadItem;
import com.calsync.ical.RecurrenceExpander;
import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.Listing;
import com.calsync.store.StoreException;
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
        Map<String, String> listed = current;
        BatchFetch.inBatches(store, toFetch, batch -> batch.parallelStream().map(run::inspect).toList().forEach(run::accept),
                (href, e) -> run.unfetchable(href, listed.get(href), e));
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

        /**
         * What one fetched item turned out to be; computed off this thread, so it only reads.
         *
         * @param skip  why it does not take part, or null
         * @param notes parts of it left out while the rest takes part
         */
        private record Inspection(StoredItem stored, List<SideItem> items, SkippedItem skip, List<SkippedItem> notes) {
        }

        /**
         * Reads, fingerprints, windows and (for expand_recurring) expands one item. Nothing it
         * throws leaves here: an item CalSync cannot read becomes a skip with its reason, one whose
         * parsed form fails later on is carried as text, one whose occurrences cannot be computed
         * "may occur" — so one item never stops the others.
         */
        Inspection inspect(StoredItem stored) {
            try {
                return inspectItem(stored);
            } catch (RuntimeException | StackOverflowError e) {
                log.warn("{} {}: CalSync failed on this item; it is skipped", side.label(), stored.href(), e);
                return skipped(stored, "CalSync failed while reading it (" + e + "); it is left as it is."
                        + " Please report this with the item's text", false, SkippedItem.Kind.PROBLEM);
            }
        }

        private Inspection inspectItem(StoredItem stored) {
            ReadItem item;
            try {
                item = ical.parser().read(stored.ics());
            } catch (MalformedItemException e) {
                return skipped(stored, "cannot be read as iCalendar: " + e.getMessage()
                        + "; it is left as it is (fix or remove it)", false, SkippedItem.Kind.PROBLEM);
            }
            if (!kinds.carried(item.kind())) {
                return skipped(stored, "holds a " + item.kind() + " (UID " + item.uid() + "); "
                        + kinds.whyNot(item.kind()) + ", so it is left as it is", false, SkippedItem.Kind.IGNORED);
            }
            if (item instanceof OpaqueItem o) {
                log.info("{} {} (UID {}) is carried as text: {}", side.label(), stored.href(), o.uid(), o.problem());
            }
            if (side == Side.SOURCE && item instanceof CalendarItem parsed) {
                return inspectSource(stored, parsed);
            }
            if (side == Side.SOURCE && !shaper.carriesAsText()) {
                return skipped(stored, CopyShaper.cannotTransform((OpaqueItem) item) + "; it is left as it is",
                        false, SkippedItem.Kind.PROBLEM);
            }
            String key = side == Side.SOURCE ? item.uid() : targetKeys.keyOf(stored.href(), item.uid());
            String hash;
            try {
                hash = ical.fingerprinter().fingerprint(item);
            } catch (RuntimeException e) {
                // the parsed form fails where reading did not (a lazily built zone, an odd value): carry the text
                item = asText(stored, item, e);
                hash = ical.fingerprinter().fingerprint(item);
            }
            if (!rows.containsKey(key) && !mayOccur(stored, item)) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true,
                        SkippedItem.Kind.IGNORED);
            }
            return new Inspection(stored, List.of(sideItem(stored, key, item, hash, item)), null, List.of());
        }

        /** A source item becomes what the target is to get of it: {@link CopyShaper}. */
        private Inspection inspectSource(StoredItem stored, CalendarItem item) {
            if (!expand && !rows.containsKey(item.uid()) && !mayOccur(stored, item)) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true,
                        SkippedItem.Kind.IGNORED);
            }
            RecurrenceExpander.Expansion expansion;
            try {
                expansion = shaper.occurrences(item);
            } catch (RuntimeException e) {
                log.warn("{} {} (UID {}): its occurrences cannot be computed ({}); the series is copied as it is",
                        side.label(), stored.href(), item.uid(), e.toString());
                expansion = new RecurrenceExpander.Expansion(List.of(item), false, e.toString());
            }
            if (expansion.notExpanded() != null) {
                log.info("{} {} (UID {}): {}", side.label(), stored.href(), item.uid(), expansion.notExpanded());
            }
            List<CopyShaper.Shaped> shaped;
            try {
                shaped = shaper.shape(expansion.items());
            } catch (MalformedItemException | RuntimeException e) {
                return skipped(stored, "cannot be copied with the pair's copy settings: " + e.getMessage(), false,
                        SkippedItem.Kind.PROBLEM);
            }
            if (expand && shaped.isEmpty() && !rowsByHref.containsKey(stored.href())) {
                return skipped(stored, "no occurrence between " + window.start() + " and " + window.end(), true,
                        SkippedItem.Kind.IGNORED);
            }
            List<SideItem> items = new ArrayList<>(shaped.size());
            for (CopyShaper.Shaped s : shaped) {
                if (s.copy() == null) {
                    items.add(SideItem.leftOut(s.key(), stored.href(), stored.etag(), s.leftOut(), titleOf(s.source())));
                    continue;
                }
                ReadItem copy = s.copy();
                String hash;
                try {
                    hash = ical.fingerprinter().fingerprint(copy);
                } catch (RuntimeException e) {
                    if (!shaper.carriesAsText() || expand) {
                        throw e;
                    }
                    // the parsed form fails where reading did not: carry the text, as the pair copies as it is
                    copy = asText(stored, copy, e);
                    hash = ical.fingerprinter().fingerprint(copy);
                }
                items.add(sideItem(stored, s.key(), copy, hash, s.source()));
            }
            List<SkippedItem> notes = !expansion.capped() ? List.of() : List.of(new SkippedItem(side, stored.href(),
                    stored.etag(), "series " + item.uid() + " has more than " + RecurrenceExpander.MAX_OCCURRENCES
                    + " occurrences between " + window.start() + " and " + window.end() + "; expand_recurring writes the"
                    + " first " + RecurrenceExpander.MAX_OCCURRENCES + " of a series and leaves out the rest"
                    + " (a shorter sync_future_days or sync_past_days takes in fewer)", true, SkippedItem.Kind.PARTLY));
            return new Inspection(stored, items, null, notes);
        }

        /** Whether the item may have an occurrence in the window; when that cannot be computed, it may. */
        private boolean mayOccur(StoredItem stored, ReadItem item) {
            try {
                return ical.occurrences().hasOccurrenceIn(item, window);
            } catch (RuntimeException e) {
                log.info("{} {} (UID {}): its occurrences cannot be computed ({}); it takes part as if it had one",
                        side.label(), stored.href(), item.uid(), e.toString());
                return true;
            }
        }

        private ReadItem asText(StoredItem stored, ReadItem item, RuntimeException why) {
            try {
                log.info("{} {} (UID {}) is carried as text: {}", side.label(), stored.href(), item.uid(), why.toString());
                return ical.parser().opaque(stored.ics(), why.toString());
            } catch (MalformedItemException e) {
                throw why;
            }
        }

        void accept(Inspection inspection) {
            StoredItem stored = inspection.stored();
            skipped.addAll(inspection.notes());
            if (inspection.skip() != null) {
                skipped.add(inspection.skip());
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

        /** An item listed on the side that the store failed to send: skipped, never taken as deleted. */
        void unfetchable(String href, String etag, StoreException e) {
            log.warn("{} {}: the store could not send it: {}", side.label(), href, e.getMessage());
            skipped.add(new SkippedItem(side, href, null, "could not be downloaded: " + e.getMessage()
                    + "; it is left as it is and tried again next run", false, SkippedItem.Kind.PROBLEM));
        }

        private Inspection skipped(StoredItem stored, String reason, boolean windowDependent, SkippedItem.Kind kind) {
            return new Inspection(stored, List.of(), new SkippedItem(side, stored.href(), stored.etag(), reason,
                    windowDependent, kind), List.of());
        }

        /**
         * @param content what is compared and written (on the source, the copy the target gets)
         * @param hash    its fingerprint
         * @param titled  whose title reports show (on the source, the source's own)
         */
        private SideItem sideItem(StoredItem stored, String key, ReadItem content, String hash, ReadItem titled) {
            // Only the text and title are kept: a parsed item weighs ten times its text, and a
            // first sync holds every item of a side until the plan is made.
            return new SideItem(key, stored.href(), stored.etag(), hash, content.text(), titleOf(titled),
                    content.uidDerived());
        }

        private String titleOf(ReadItem item) {
            try {
                return titles.of(item);
            } catch (RuntimeException e) {
                return item.uid();
            }
        }

        private boolean inWindow(String text) {
            try {
                return ical.occurrences().hasOccurrenceIn(ical.parser().read(text), window);
            } catch (MalformedItemException | RuntimeException e) {
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
                        + " as " + winner.href() + "; only that one is synced (give one of them another UID)", false,
                        SkippedItem.Kind.PROBLEM));
                items.put(fresh.key(), winner);
                return;
            }
            items.put(fresh.key(), fresh);
        }
    }
}
