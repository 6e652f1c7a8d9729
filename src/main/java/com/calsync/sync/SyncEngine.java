package com.calsync.sync;

import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.sync.SyncAction.DeleteItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        SyncPolicy policy = pair.policy();
        TimeWindow window = TimeWindow.around(started, policy.pastDays(), policy.futureDays());
        ReportBuilder report = new ReportBuilder(pair, ical, options.dryRun(), started);
        try {
            // read
            Map<String, StatusRow> rows = db.rows();
            boolean recheck = db.windowCheckedAt().map(t -> t.plus(WINDOW_RECHECK).isBefore(started)).orElse(true);
            SideReader reader = new SideReader(ical, window, recheck, rows);
            SideSnapshot source = reader.read(Side.SOURCE, pair.source(), db.skipped(Side.SOURCE),
                    db.syncToken(Side.SOURCE), policy.expandRecurring());
            SideSnapshot target = reader.read(Side.TARGET, pair.target(), db.skipped(Side.TARGET),
                    db.syncToken(Side.TARGET), false);
            report.read(source, target);

            // plan
            Set<String> heldBefore = db.heldKeys();
            Set<String> approved = options.heldDeletions() == HeldDeletions.APPROVE ? heldBefore : Set.of();
            Set<String> rejected = options.heldDeletions() == HeldDeletions.REJECT ? heldBefore : Set.of();
            // a deletion the user answered does not count as vanished again, whichever the answer
            Set<String> answered = new java.util.HashSet<>(approved);
            answered.addAll(rejected);
            Planner.Draft draft = new Planner(policy, ical).plan(rows, source, target, answered);
            if (!rejected.isEmpty() && !options.dryRun()) {
                log.info("{}: {} held deletion(s) rejected: the items stay on the {}", pair.name(), rejected.size(),
                        policy.mode() == SyncMode.MIRROR ? "target" : "side that still has them");
            }

            // guard against mass deletions
            SyncPlan plan = new PlanGuard(policy).guard(draft, rows, approved, rejected);
            report.guard(plan.guard());
            if (options.dryRun()) {
                report.planned(plan);
                return report.finish(SyncOutcome.OK, null);
            }

            // apply
            PlanApplier applier = new PlanApplier(pair.name(), Map.of(Side.SOURCE, pair.source(),
                    Side.TARGET, pair.target()), db, journal, ical, policy, window, options.cancelled(),
                    options.progress());
            applier.apply(plan, rows);
            report.applied(applier);
            db.replaceSkipped(Side.SOURCE, source.skipped());
            db.replaceSkipped(Side.TARGET, target.skipped());
            db.putHeldKeys(plan.guard().held().stream().map(DeleteItem::key).toList());
            if (recheck) {
                db.putWindowCheckedAt(started);
                journal.prune(Journal.DEFAULT_RETENTION);
            }

            // verify
            Optional<String> mismatch = new Verifier(pair, policy.verifyThreshold()).check(db, applier.changes);
            boolean done = applier.errors.isEmpty() && !plan.guard().holding();
            if (done && mismatch.isEmpty() && !options.cancelled().getAsBoolean()) {
                // A token is kept only after a clean run: otherwise items to retry would look unchanged.
                db.putSyncToken(Side.SOURCE, source.syncToken());
                db.putSyncToken(Side.TARGET, target.syncToken());
            }
            if (mismatch.isPresent()) {
                return report.finish(SyncOutcome.FAILED, mismatch.get());
            }
            return report.finish(done ? SyncOutcome.OK : SyncOutcome.PARTIAL, null);
        } catch (StoreException | SyncStateException | java.io.UncheckedIOException e) {
            log.warn("{}: sync stopped: {}", pair.name(), e.getMessage());
            return report.finish(SyncOutcome.FAILED, e.getMessage());
        }
    }
}
