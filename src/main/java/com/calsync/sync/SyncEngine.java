package com.calsync.sync;

import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.transform.PairTransform;
import com.calsync.sync.transform.Transformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
    private final WriteWindow.Pause pause;

    public SyncEngine(IcalKit ical, Journal journal, Clock clock) {
        this(ical, journal, clock, WriteWindow.Pause.SLEEP);
    }

    /** @param pause how to wait out a server's Retry-After between writes; tests record instead */
    SyncEngine(IcalKit ical, Journal journal, Clock clock, WriteWindow.Pause pause) {
        this.ical = ical;
        this.journal = journal;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Whether the two sides are read at once: where either waits on a server (a calendar with
     * sync tokens: CalDAV), a no-change run is two requests, and their waits need not add up.
     * Two local stores stay one after the other (EventKit's event store is not documented as
     * safe to use from two threads at once).
     */
    private static boolean readsAtOnce(SyncPair pair) {
        return pair.source().capabilities().syncTokens() || pair.target().capabilities().syncTokens();
    }

    public SyncReport sync(SyncPair pair, StatusDb db, SyncOptions options) {
        Instant started = clock.instant();
        SyncPolicy policy = pair.policy();
        TimeWindow window = TimeWindow.around(started, policy.pastDays(), policy.futureDays());
        ReportBuilder report = new ReportBuilder(pair, ical, options.dryRun(), started);
        PlanApplier applier = null;
        try {
            // read: the source as the target is to get it (expanded, transformed: CopyShaper)
            Map<String, StatusRow> rows = db.rows();
            boolean recheck = db.windowCheckedAt().map(t -> t.plus(WINDOW_RECHECK).isBefore(started)).orElse(true);
            PairTransform transform = policy.transform();
            // A changed transform re-reads the source, so each copy is compared (and rewritten) once.
            boolean transformChanged = !db.transformFingerprint().orElse(PairTransform.NONE.fingerprint())
                    .equals(transform.fingerprint());
            if (transformChanged && !rows.isEmpty()) {
                log.info("{}: the pair's copy settings changed ({}); its copies are compared and rewritten once",
                        pair.name(), transform.isIdentity() ? "now copying events as they are" : transform.describe());
            }
            Transformer transformer = new Transformer(transform, pair.configName(), ical::parser);
            CopyShaper shaper = new CopyShaper(ical, policy.expandRecurring(), window, transformer);
            Map<String, String> links = db.copyLinks();
            SideReader reader = new SideReader(ical, window, recheck, rows, shaper,
                    new TargetKeys(links, rows, transform.rewritesCopies()), new CarriedKinds(pair));
            Map<String, SkippedItem> sourceSkipped = db.skipped(Side.SOURCE);
            Map<String, SkippedItem> targetSkipped = db.skipped(Side.TARGET);
            Optional<String> sourceToken = db.syncToken(Side.SOURCE);
            Optional<String> targetToken = db.syncToken(Side.TARGET);
            Callable<SideSnapshot> readTarget = () -> reader.read(Side.TARGET, pair.target(), targetSkipped, targetToken, false);
            SideReads reads = readsAtOnce(pair) ? SideReads.beside(readTarget, pair.name()) : SideReads.after(readTarget);
            SideSnapshot source;
            try {
                source = reader.read(Side.SOURCE, pair.source(), sourceSkipped, sourceToken, transformChanged);
            } catch (RuntimeException | Error e) {
                reads.cancel();
                throw e;
            }
            SideSnapshot target = reads.target();
            report.read(source, target);

            // plan
            Set<String> heldBefore = db.heldKeys();
            Set<String> approved = options.heldDeletions() == HeldDeletions.APPROVE ? heldBefore : Set.of();
            Set<String> rejected = options.heldDeletions() == HeldDeletions.REJECT ? heldBefore : Set.of();
            // a deletion the user answered does not count as vanished again, whichever the answer
            Set<String> answered = new java.util.HashSet<>(approved);
            answered.addAll(rejected);
            Planner.Draft draft = new Planner(policy, ical, transformChanged).plan(rows, source, target, answered);
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
            applier = new PlanApplier(pair.name(), Map.of(Side.SOURCE, pair.source(),
                    Side.TARGET, pair.target()), db, journal, ical, policy, shaper, transformer, links,
                    started, options.cancelled(), options.progress(), options.maxWritesInFlight(), pause);
            applier.apply(plan, rows);
            report.applied(applier);
            applier = null;
            db.replaceSkipped(Side.SOURCE, source.skipped());
            db.replaceSkipped(Side.TARGET, target.skipped());
            db.putHeldKeys(plan.guard().held().stream().map(DeleteItem::key).toList());
            if (recheck) {
                db.putWindowCheckedAt(started);
                journal.prune(Journal.DEFAULT_RETENTION);
            }

            // verify
            Optional<String> mismatch = new Verifier(pair, policy.verifyThreshold()).check(db, report.appliedChanges());
            boolean done = report.appliedErrors().isEmpty() && !plan.guard().holding();
            if (done && mismatch.isEmpty() && !options.cancelled().getAsBoolean()) {
                // A token is kept only after a clean run: otherwise items to retry would look unchanged.
                // (Skipped items are remembered with their etags, so they need no re-listing.)
                db.putSyncToken(Side.SOURCE, source.syncToken());
                db.putSyncToken(Side.TARGET, target.syncToken());
                if (transformChanged) {
                    db.putTransformFingerprint(transform.fingerprint());
                }
            }
            if (mismatch.isPresent()) {
                return report.finish(SyncOutcome.FAILED, mismatch.get());
            }
            // Items that cannot be read need the user as much as items that cannot be written.
            boolean needsUser = source.skipped().stream().anyMatch(SkippedItem::needsAttention)
                    || target.skipped().stream().anyMatch(SkippedItem::needsAttention);
            return report.finish(done && !needsUser ? SyncOutcome.OK : SyncOutcome.PARTIAL, null);
        } catch (StoreException | SyncStateException | java.io.UncheckedIOException e) {
            log.warn("{}: sync stopped: {}", pair.name(), e.getMessage());
            if (applier != null) {
                report.applied(applier); // what was written before it stopped is in the state and the report
            }
            return report.finish(SyncOutcome.FAILED, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not the data: the pair stops with a report, and the other pairs still run.
            log.error("{}: sync stopped by an internal error", pair.name(), e);
            if (applier != null) {
                report.applied(applier);
            }
            return report.finish(SyncOutcome.FAILED, "CalSync failed internally (" + e + "); nothing was deleted."
                    + " The log has the details; please report it");
        }
    }
}
