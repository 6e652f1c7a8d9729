package com.calsync.sync;

import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.MergeItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one pair once: reads both sides (fetching only what changed since the last run), plans
 * by the pair's rules, holds back mass deletions, applies the plan with a journal copy of
 * everything it overwrites or deletes, verifies the result, and reports.
 *
 * <p>A store that cannot be reached stops the run before anything is deleted; the next run
 * starts from the state the database recorded.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final Duration WINDOW_RECHECK = Duration.ofHours(24);

    private final IcalKit ical;
    private final Journal journal;
    private final Clock clock;

    public SyncEngine(IcalKit ical, Journal journal, Clock clock) {
        this.ical = ical;
        this.journal = journal;
        this.clock = clock;
    }

    public SyncReport sync(SyncPair pair, StatusDb db, SyncOptions options) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Map<Side, Long> requestsBefore = requests(pair);
        SyncPolicy policy = pair.policy();
        TimeWindow window = TimeWindow.around(started, policy.pastDays(), policy.futureDays());
        Report report = new Report(pair, ical, options.dryRun(), started);
        try {
            Map<String, StatusRow> rows = db.rows();
            boolean recheck = db.meta("window_checked_at").map(Instant::parse)
                    .map(t -> t.plus(WINDOW_RECHECK).isBefore(started)).orElse(true);
            SideReader reader = new SideReader(ical, window, recheck, rows);
            SideSnapshot source = reader.read(Side.SOURCE, pair.source(), db.skipped(Side.SOURCE),
                    db.meta(tokenKey(Side.SOURCE)), policy.expandRecurring());
            SideSnapshot target = reader.read(Side.TARGET, pair.target(), db.skipped(Side.TARGET),
                    db.meta(tokenKey(Side.TARGET)), false);
            report.read(source, target);

            Set<String> heldBefore = heldKeys(db);
            SyncPlan plan = new Planner(policy, ical).plan(rows, source, target,
                    options.approveDeletions() ? heldBefore : Set.of(),
                    options.rejectDeletions() ? heldBefore : Set.of());
            report.guard(plan.guard());
            if (options.dryRun()) {
                report.planned(plan);
                return report.finish(SyncOutcome.OK, null, requestsBefore, startNanos);
            }

            PlanApplier applier = new PlanApplier(pair.name(), Map.of(Side.SOURCE, pair.source(),
                    Side.TARGET, pair.target()), db, journal, ical, policy, window, options.cancelled(),
                    options.progress());
            applier.apply(plan, rows);
            report.applied(applier);
            db.replaceSkipped(Side.SOURCE, source.skipped());
            db.replaceSkipped(Side.TARGET, target.skipped());
            rememberHeld(db, plan.guard());
            if (recheck) {
                db.putMeta("window_checked_at", started.toString());
                journal.prune(Journal.DEFAULT_RETENTION);
            }

            String mismatch = applier.changes.isEmpty() ? null : verify(pair, db, policy, applier.changes);
            boolean clean = applier.errors.isEmpty() && !plan.guard().holding() && mismatch == null
                    && !options.cancelled().getAsBoolean();
            if (clean) {
                // A token is kept only after a clean run: otherwise items to retry would look unchanged.
                saveToken(db, Side.SOURCE, source.syncToken());
                saveToken(db, Side.TARGET, target.syncToken());
            }
            if (mismatch != null) {
                return report.finish(SyncOutcome.FAILED, mismatch, requestsBefore, startNanos);
            }
            SyncOutcome outcome = clean || options.cancelled().getAsBoolean() && applier.errors.isEmpty()
                    && !plan.guard().holding() ? SyncOutcome.OK : SyncOutcome.PARTIAL;
            return report.finish(outcome, null, requestsBefore, startNanos);
        } catch (StoreException | SyncStateException | java.io.UncheckedIOException e) {
            log.warn("{}: sync stopped: {}", pair.name(), e.getMessage());
            return report.finish(SyncOutcome.FAILED, e.getMessage(), requestsBefore, startNanos);
        }
    }

    /**
     * Reads back what this run wrote (and checks that what it deleted is gone): a write that a
     * server accepted but did not keep shows up here. Only the written items are fetched, so the
     * check costs as many requests as the writes, not a listing of the whole calendar. More
     * mismatches than the threshold fail the run.
     */
    private String verify(SyncPair pair, StatusDb db, SyncPolicy policy, List<ItemChange> written) {
        Map<String, StatusRow> rows = db.rows();
        Map<Side, Map<String, String>> etagsNow = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<String> hrefs = written.stream().filter(c -> c.side() == side && c.href() != null)
                    .map(ItemChange::href).distinct().toList();
            Map<String, String> found = new java.util.HashMap<>();
            BatchFetch.each(pair.store(side), hrefs, item -> found.put(item.href(), item.etag()));
            etagsNow.put(side, found);
        }
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (ItemChange change : written) {
            Map<String, String> now = etagsNow.get(change.side());
            StatusRow row = rows.get(change.key());
            String problem = null;
            if (change.kind() == ItemChange.Kind.DELETED) {
                if (now.containsKey(change.href())) {
                    problem = "still there";
                }
            } else if (!now.containsKey(change.href())) {
                problem = "missing";
            } else if (row != null && row.isOn(change.side()) && row.etag(change.side()) != null
                    && now.get(change.href()) != null && !now.get(change.href()).equals(row.etag(change.side()))) {
                problem = "changed";
            }
            if (problem != null) {
                mismatches++;
                if (examples.size() < 3) {
                    examples.add("\"" + change.title() + "\" (" + problem + " on the " + change.side().label() + ")");
                }
            }
        }
        if (mismatches > policy.verifyThreshold()) {
            return "verification failed: " + mismatches + " items differ from what was just written (threshold "
                    + policy.verifyThreshold() + "), e.g. " + String.join(", ", examples)
                    + "; the next run compares them again";
        }
        return null;
    }

    private static String tokenKey(Side side) {
        return "token." + side.label();
    }

    private static void saveToken(StatusDb db, Side side, Optional<String> token) {
        db.putMeta(tokenKey(side), token.orElse(null));
    }

    private static Set<String> heldKeys(StatusDb db) {
        return db.meta("held_keys").map(v -> new LinkedHashSet<>(Arrays.asList(v.split("\n"))))
                .map(s -> (Set<String>) s).orElse(Set.of());
    }

    private static void rememberHeld(StatusDb db, GuardVerdict guard) {
        db.putMeta("held_keys", guard.holding()
                ? String.join("\n", guard.held().stream().map(DeleteItem::key).toList()) : null);
        db.putMeta("held_note", guard.holding() ? guard.reason() : null);
    }

    private static Map<Side, Long> requests(SyncPair pair) {
        Map<Side, Long> counts = new EnumMap<>(Side.class);
        counts.put(Side.SOURCE, pair.source().requestCount());
        counts.put(Side.TARGET, pair.target().requestCount());
        return counts;
    }

    /** Gathers what a run did into a {@link SyncReport}. */
    private static final class Report {
        private final SyncPair pair;
        private final boolean dryRun;
        private final Instant started;
        private final List<ItemChange> changes = new ArrayList<>();
        private final List<ItemError> errors = new ArrayList<>();
        private final List<SkippedItem> skipped = new ArrayList<>();
        private final List<ItemChange> held = new ArrayList<>();
        private final Map<Side, Integer> fetched = new EnumMap<>(Side.class);
        private final Map<String, String> titles = new java.util.HashMap<>();
        private final com.calsync.ical.ItemTitle itemTitle = new com.calsync.ical.ItemTitle();
        private final IcalKit ical;
        private String guardNote;

        Report(SyncPair pair, IcalKit ical, boolean dryRun, Instant started) {
            this.pair = pair;
            this.ical = ical;
            this.dryRun = dryRun;
            this.started = started;
        }

        void read(SideSnapshot source, SideSnapshot target) {
            skipped.addAll(source.skipped());
            skipped.addAll(target.skipped());
            fetched.put(Side.SOURCE, source.fetched());
            fetched.put(Side.TARGET, target.fetched());
        }

        void guard(GuardVerdict verdict) {
            lookUpTitles(verdict.held().stream().map(d -> Map.entry(d.on(), d.existing())).toList());
            for (DeleteItem d : verdict.held()) {
                held.add(new ItemChange(d.on(), ItemChange.Kind.DELETED, d.key(), title(d.existing()), d.existing().href(),
                        d.why()));
            }
            if (verdict.holding()) {
                guardNote = verdict.reason() + " Check the " + verdict.vanishedFrom().label()
                        + ", then run `calsync sync --approve-deletions " + pair.name() + "` to delete them, or `"
                        + "calsync sync --reject-deletions " + pair.name() + "` to keep them.";
            }
        }

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
                    titles.put(stored.href(), itemTitle.of(ical.parser().parse(stored.ics())));
                } catch (com.calsync.ical.MalformedItemException e) {
                    // keep the UID
                }
            }));
        }

        private String title(SideItem item) {
            return item.title() != null ? item.title() : titles.getOrDefault(item.href(), item.key());
        }

        SyncReport finish(SyncOutcome outcome, String failure, Map<Side, Long> before, long startNanos) {
            Map<Side, Long> requests = new EnumMap<>(Side.class);
            requests.put(Side.SOURCE, pair.source().requestCount() - before.get(Side.SOURCE));
            requests.put(Side.TARGET, pair.target().requestCount() - before.get(Side.TARGET));
            long ms = (System.nanoTime() - startNanos) / 1_000_000;
            SyncReport report = new SyncReport(pair.name(), pair.policy().mode(), dryRun, started, ms, outcome,
                    changes, skipped, held, guardNote, errors, failure, requests, fetched);
            log.info("{}{}: {}, {} created, {} updated, {} deleted; {} skipped, {} held, {} errors; {} ms",
                    pair.name(), dryRun ? " (dry run)" : "", outcome.label(),
                    changes.stream().filter(c -> c.kind() == ItemChange.Kind.CREATED).count(),
                    changes.stream().filter(c -> c.kind() == ItemChange.Kind.UPDATED).count(),
                    changes.stream().filter(c -> c.kind() == ItemChange.Kind.DELETED).count(),
                    skipped.size(), held.size(), errors.size(), ms);
            return report;
        }
    }

}
