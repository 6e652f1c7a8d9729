package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.PairConfig;
import com.calsync.config.SafeFileName;
import com.calsync.config.SyncSettings;
import com.calsync.platform.Os;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pairs of a config once: opens both calendars of each pair and its sync state, and
 * hands them to the engine. A pair that cannot start (a calendar that cannot be opened) gets a
 * failed report; the other pairs still run.
 */
public final class SyncRunner {
    private final CalSyncPaths paths;
    private final StoreOpener stores;
    private final SyncEngine engine;
    private final Clock clock;

    public SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock) {
        this.paths = paths;
        this.stores = stores;
        this.engine = engine;
        this.clock = clock;
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
        return run(config, pair, options, databaseOf(pair));
    }

    /**
     * Runs {@code pair} with its state in {@code database}: a preview of a pair not saved yet dry-runs
     * against a fresh, throw-away state instead of creating the pair's own.
     */
    public SyncReport run(CalSyncConfig config, PairConfig pair, SyncOptions options, Path database) {
        SyncPolicy policy = policyFor(pair, config.settingsFor(pair));
        CalendarStore source = null;
        CalendarStore target = null;
        try {
            source = stores.open(config, config.sourceOf(pair));
            target = stores.open(config, config.targetOf(pair));
            try (StatusDb db = StatusDb.open(database)) {
                return engine.sync(new SyncPair(pair.name(), source, target, policy), db, options);
            }
        } catch (StoreException | IllegalArgumentException e) {
            return SyncReport.failed(pair.name(), policy.mode(), options.dryRun(), clock.instant(), e.getMessage());
        } finally {
            closeQuietly(source);
            closeQuietly(target);
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

    private static void closeQuietly(CalendarStore store) {
        if (store != null) {
            store.close();
        }
    }
}
