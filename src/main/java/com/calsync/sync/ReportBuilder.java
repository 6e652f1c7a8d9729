package com.calsync.sync;

import com.calsync.ical.ItemTitle;
import com.calsync.ical.MalformedItemException;
import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.MergeItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what one run of one pair did into a {@link SyncReport}: what was read and skipped,
 * what the guard held, what was planned (dry run) or applied, the requests each store was sent
 * and how long it took. Made when the run starts, so the request counts and duration are the
 * run's own.
 */
final class ReportBuilder {
    // The summary line is the engine's: logs and tests look for it under SyncEngine.
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final SyncPair pair;
    private final IcalKit ical;
    private final boolean dryRun;
    private final Instant started;
    private final long startNanos;
    private final Map<Side, Long> requestsBefore = new EnumMap<>(Side.class);
    private final List<ItemChange> changes = new ArrayList<>();
    private final List<ItemError> errors = new ArrayList<>();
    private final List<SkippedItem> skipped = new ArrayList<>();
    private final List<ItemChange> held = new ArrayList<>();
    private final Map<Side, Integer> fetched = new EnumMap<>(Side.class);
    private int leftOut;
    private final Map<String, String> titles = new HashMap<>();
    private final ItemTitle itemTitle = new ItemTitle();
    private GuardHold guard;

    ReportBuilder(SyncPair pair, IcalKit ical, boolean dryRun, Instant started) {
        this.pair = pair;
        this.ical = ical;
        this.dryRun = dryRun;
        this.started = started;
        this.startNanos = System.nanoTime();
        for (Side side : Side.values()) {
            requestsBefore.put(side, pair.store(side).requestCount());
        }
    }

    void read(SideSnapshot source, SideSnapshot target) {
        skipped.addAll(source.skipped());
        skipped.addAll(target.skipped());
        fetched.put(Side.SOURCE, source.fetched());
        fetched.put(Side.TARGET, target.fetched());
        leftOut = (int) source.items().values().stream().filter(i -> i.leftOutBecause().isPresent()).count();
    }

    void guard(GuardVerdict verdict) {
        lookUpTitles(verdict.held().stream().map(d -> Map.entry(d.on(), d.existing())).toList());
        for (DeleteItem d : verdict.held()) {
            held.add(new ItemChange(d.on(), ItemChange.Kind.DELETED, d.key(), title(d.existing()), d.existing().href(),
                    d.why()));
        }
        guard = verdict.hold();
    }

    /** A dry run: the writes the plan would make, reported as changes. */
    void planned(SyncPlan plan) {
        List<Map.Entry<Side, SideItem>> shown = new ArrayList<>();
        for (SyncAction action : plan.writes()) {
            if (action instanceof CopyItem c) {
                shown.add(Map.entry(c.to().other(), c.from()));
            } else if (action instanceof DeleteItem d) {
                shown.add(Map.entry(d.on(), d.existing()));
            }
        }
        lookUpTitles(shown);
        for (SyncAction action : plan.writes()) {
            if (action instanceof CopyItem c) {
                changes.add(new ItemChange(c.to(), c.isCreate() ? ItemChange.Kind.CREATED
                        : ItemChange.Kind.UPDATED, c.key(), title(c.from()),
                        c.isCreate() ? null : c.existing().href(), c.why()));
            } else if (action instanceof MergeItem m) {
                changes.add(new ItemChange(Side.SOURCE, ItemChange.Kind.UPDATED, m.key(), title(m.source()),
                        m.source().href(), m.why()));
                changes.add(new ItemChange(Side.TARGET, ItemChange.Kind.UPDATED, m.key(), title(m.target()),
                        m.target().href(), m.why()));
            } else if (action instanceof DeleteItem d) {
                changes.add(new ItemChange(d.on(), ItemChange.Kind.DELETED, d.key(), title(d.existing()),
                        d.existing().href(), d.why()));
            }
        }
    }

    void applied(PlanApplier applier) {
        changes.addAll(applier.changes);
        errors.addAll(applier.errors);
    }

    /** The changes applied so far (empty in a dry run). */
    List<ItemChange> appliedChanges() {
        return List.copyOf(changes);
    }

    /** The item errors of the run so far. */
    List<ItemError> appliedErrors() {
        return List.copyOf(errors);
    }

    /**
     * Fetches, in batches, the items a report names but the run did not download, so the
     * user reads titles rather than UIDs; a title that cannot be had falls back to the UID.
     */
    private void lookUpTitles(List<Map.Entry<Side, SideItem>> items) {
        Map<Side, List<String>> wanted = new EnumMap<>(Side.class);
        for (Map.Entry<Side, SideItem> e : items) {
            if (!e.getValue().fetched()) {
                wanted.computeIfAbsent(e.getKey(), s -> new ArrayList<>()).add(e.getValue().href());
            }
        }
        wanted.forEach((side, hrefs) -> BatchFetch.each(pair.store(side), hrefs, stored -> {
            try {
                titles.put(stored.href(), itemTitle.of(ical.parser().read(stored.ics())));
            } catch (MalformedItemException | RuntimeException e) {
                // keep the UID
            }
        }));
    }

    private String title(SideItem item) {
        return item.title() != null ? item.title() : titles.getOrDefault(item.href(), item.key());
    }

    /** The report, logged as the run's one summary line. */
    SyncReport finish(SyncOutcome outcome, String failure) {
        Map<Side, Long> requests = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            requests.put(side, pair.store(side).requestCount() - requestsBefore.get(side));
        }
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        SyncReport report = new SyncReport(pair.name(), pair.policy().mode(), dryRun, started, ms, outcome,
                changes, skipped, held, guard, errors, failure, requests, fetched, pair.policy().transform(), leftOut,
                null, List.of());
        log.info("{}{}: {}, {} created, {} updated, {} deleted; {} skipped, {} held, {} errors; {} ms{}",
                pair.name(), dryRun ? " (dry run)" : "", outcome.label(),
                changes.stream().filter(c -> c.kind() == ItemChange.Kind.CREATED).count(),
                changes.stream().filter(c -> c.kind() == ItemChange.Kind.UPDATED).count(),
                changes.stream().filter(c -> c.kind() == ItemChange.Kind.DELETED).count(),
                skipped.size(), held.size(), errors.size(), ms, leftOut > 0 ? "; " + leftOut + " left out by the filters" : "");
        return report;
    }
}
