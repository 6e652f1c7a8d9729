package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.PairConfig;
import com.calsync.config.SafeFileName;
import com.calsync.config.SyncSettings;
import com.calsync.platform.Os;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.sync.Side;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the pairs of a config once: opens both calendars of each pair and its sync state, and
 * hands them to the engine. A pair that cannot start (a calendar that cannot be opened) gets a
 * failed report; the other pairs still run.
 *
 * <p>Where a CalDAV calendar was found is remembered in the pair's state, so a later run opens it
 * without discovery. A runner made {@link #warm} (the service's) keeps each pair open between its
 * runs ({@link OpenPairs}); {@link #keepOnly} and {@link #close} close what the config no longer
 * has and everything at the end.
 */
public final class SyncRunner implements AutoCloseable {
    private final CalSyncPaths paths;
    private final StoreOpener stores;
    private final SyncEngine engine;
    private final Clock clock;
    private final OpenPairs open;

    public SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock) {
        this(paths, stores, engine, clock, null);
    }

    private SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock, OpenPairs open) {
        this.paths = paths;
        this.stores = stores;
        this.engine = engine;
        this.clock = clock;
        this.open = open;
    }

    /**
     * The runner as the app uses it: stores from config, passwords from {@code env} then the
     * platform's secret store, the journal in the state folder.
     *
     * @param os the system CalSync runs on (which secret store, whether EventKit exists)
     */
    public static SyncRunner standard(CalSyncPaths paths, java.util.Map<String, String> env, Os os, Clock clock) {
        StoreOpener stores = StoreOpener.standard(paths, env, os, clock);
        SyncEngine engine = new SyncEngine(com.calsync.sync.IcalKit.standard(clock.getZone()), journal(paths, clock), clock);
        return new SyncRunner(paths, stores, engine, clock);
    }

    /** This runner keeping each pair's calendars and state open between runs, as the service runs them. */
    public SyncRunner warm() {
        return open != null ? this : new SyncRunner(paths, stores, engine, clock, new OpenPairs(clock));
    }

    public static com.calsync.sync.Journal journal(CalSyncPaths paths, Clock clock) {
        return new com.calsync.sync.Journal(paths.journalDir(), clock);
    }

    /** Runs every enabled pair, in file order. */
    public List<SyncReport> runAll(CalSyncConfig config, SyncOptions options) {
        List<SyncReport> reports = new ArrayList<>();
        for (PairConfig pair : config.enabledPairs()) {
            reports.add(run(config, pair, options));
        }
        return reports;
    }

    public SyncReport run(CalSyncConfig config, PairConfig pair, SyncOptions options) {
        SyncPolicy policy = policyFor(pair, config.settingsFor(pair));
        if (open != null) {
            return runWarm(config, pair, policy, options);
        }
        OpenPairs.Open opened = null;
        try {
            opened = openPair(config, pair);
            return engine.sync(new SyncPair(pair.name(), opened.source(), opened.target(), policy), opened.db(), options);
        } catch (StoreException | IllegalArgumentException e) {
            return SyncReport.failed(pair.name(), policy.mode(), options.dryRun(), clock.instant(), e.getMessage());
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private SyncReport runWarm(CalSyncConfig config, PairConfig pair, SyncPolicy policy, SyncOptions options) {
        OpenPairs.Open opened;
        try {
            opened = open.acquire(config, pair, p -> openPair(config, p));
        } catch (StoreException | IllegalArgumentException e) {
            return SyncReport.failed(pair.name(), policy.mode(), options.dryRun(), clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        boolean keep = false;
        try {
            SyncReport report = engine.sync(new SyncPair(pair.name(), opened.source(), opened.target(), policy), opened.db(),
                    options);
            keep = report.outcome() != SyncOutcome.FAILED;
            return report;
        } finally {
            open.release(pair.name(), opened, keep);
        }
    }

    /** The pair's state, then its calendars, each remembering where it is in that state. */
    private OpenPairs.Open openPair(CalSyncConfig config, PairConfig pair) {
        StatusDb db = StatusDb.open(databaseOf(pair));
        CalendarStore source = null;
        try {
            source = stores.open(config, config.sourceOf(pair), memory(db, Side.SOURCE));
            CalendarStore target = stores.open(config, config.targetOf(pair), memory(db, Side.TARGET));
            return new OpenPairs.Open(source, target, db);
        } catch (RuntimeException e) {
            if (source != null) {
                source.close();
            }
            db.close();
            throw e;
        }
    }

    private static StoreOpener.Memory memory(StatusDb db, Side side) {
        return new StoreOpener.Memory() {
            @Override
            public Optional<String> recall() {
                return db.storeLocation(side);
            }

            @Override
            public void remember(String location) {
                db.putStoreLocation(side, Optional.of(location));
            }
        };
    }

    /** Closes the pairs {@code config} no longer has, and the HTTP clients of accounts it no longer has. */
    public void keepOnly(CalSyncConfig config) {
        if (open != null) {
            open.keepOnly(config);
        }
        stores.keepClientsOf(config.accounts().values());
    }

    /** The pairs kept open now: none unless {@link #warm}. */
    java.util.Set<String> openPairs() {
        return open != null ? open.openPairs() : java.util.Set.of();
    }

    /** Closes every pair kept open (a run in progress closes its own when it ends). */
    @Override
    public void close() {
        if (open != null) {
            open.close();
        }
    }

    /** The pair's state database: one file per pair, named after it. */
    public Path databaseOf(PairConfig pair) {
        return paths.dbDir().resolve(SafeFileName.of(pair.name()) + ".db");
    }

    /** The engine's rules for a pair, from its settings (defaults, top-level section, overrides). */
    public static SyncPolicy policyFor(PairConfig pair, SyncSettings s) {
        return new SyncPolicy(pair.mode(), pair.conflict(), s.syncPastDays(), s.syncFutureDays(), s.expandRecurring(),
                s.verifyThreshold(), s.overrideIcloudDeletions(), s.skipSyncOnTooManyMissing(), s.maxMissingCount(),
                s.maxMissingPercent());
    }

}
