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
import com.calsync.sync.SyncStateException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the pairs of a config once: opens both calendars of each pair and its sync state, and
 * hands them to the engine. A pair that cannot start (a calendar that cannot be opened) gets a
 * failed report; the other pairs still run, whatever went wrong with one of them.
 *
 * <p>One pair is synced by one run at a time, across processes ({@link PairRunLock}): a second
 * run waits up to {@link #LOCK_WAIT} for the first, then reports which process holds the pair.
 *
 * <p>Where a CalDAV calendar was found is remembered in the pair's state, so a later run opens it
 * without discovery. A runner made {@link #warm} (the service's) keeps each pair open between its
 * runs ({@link OpenPairs}); {@link #keepOnly} and {@link #close} close what the config no longer
 * has and everything at the end.
 */
public final class SyncRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    /** How long a run waits for another run of the same pair to finish. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private final CalSyncPaths paths;
    private final StoreOpener stores;
    private final SyncEngine engine;
    private final Clock clock;
    private final WholeAccountRunner wholeAccounts;
    private final Duration lockWait;
    private final OpenPairs open;

    public SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock) {
        this(paths, stores, engine, clock, LOCK_WAIT);
    }

    /** @param lockWait how long to wait for another run of the same pair (another process's) to finish */
    public SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock, Duration lockWait) {
        this(paths, stores, engine, clock, lockWait, null);
    }

    private SyncRunner(CalSyncPaths paths, StoreOpener stores, SyncEngine engine, Clock clock, Duration lockWait,
                       OpenPairs open) {
        this.paths = paths;
        this.stores = stores;
        this.engine = engine;
        this.clock = clock;
        this.wholeAccounts = new WholeAccountRunner(stores, engine, paths.dbDir(), clock, lockWait);
        this.lockWait = lockWait;
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
        return open != null ? this : new SyncRunner(paths, stores, engine, clock, lockWait, new OpenPairs(clock));
    }

    public static com.calsync.sync.Journal journal(CalSyncPaths paths, Clock clock) {
        return new com.calsync.sync.Journal(paths.journalDir(), clock);
    }

    /** Where the runs' calendars are opened (and, on macOS, EventKit is kept for the process). */
    public StoreOpener stores() {
        return stores;
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
        return run(config, pair, name -> options);
    }

    /**
     * Runs one pair; a whole-account pair ({@code "source": "icloud:*"}) runs each of its
     * calendars as a pair named {@code pair/Calendar}, and its report sums theirs up
     * ({@link SyncReport#calendars()}).
     *
     * @param optionsFor the options of each pair run, by name (a whole-account pair's calendars may
     *                   differ, e.g. in approving the deletions one of them holds)
     */
    public SyncReport run(CalSyncConfig config, PairConfig pair, Function<String, SyncOptions> optionsFor) {
        SyncPolicy policy;
        try {
            policy = policyFor(pair, config.settingsFor(pair));
        } catch (IllegalArgumentException e) {
            return SyncReport.failed(pair.name(), pair.mode(), optionsFor.apply(pair.name()).dryRun(), clock.instant(),
                    e.getMessage());
        }
        if (pair.wholeAccount().isPresent()) {
            return wholeAccounts.run(config, pair, policy, optionsFor, Optional.empty());
        }
        SyncOptions options = optionsFor.apply(pair.name());
        try (PairRunLock lock = PairRunLock.acquire(pair.name(), lockOf(pair), ProcessHandle.current().pid(), lockWait)) {
            return open != null ? runWarm(config, pair, policy, options)
                    : runCold(config, pair, policy, options, databaseOf(pair));
        } catch (PairRunLock.PairBusyException e) {
            log.warn("{}: {}", pair.name(), e.getMessage());
            return failed(pair, policy, options, e.getMessage());
        } catch (StoreException | IllegalArgumentException | SyncStateException e) {
            return failed(pair, policy, options, e.getMessage());
        } catch (IOException e) {
            return failed(pair, policy, options, "cannot lock the state of pair \"" + pair.name() + "\" ("
                    + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // one pair's bug never stops the others, nor the report
            log.error("{}: the run failed with an internal error", pair.name(), e);
            return failed(pair, policy, options, "CalSync failed internally (" + e + "); the log has the details");
        }
    }

    /** {@code options} with config.json's {@code limits.max_writes_in_flight}. */
    private static SyncOptions withWriteLimit(CalSyncConfig config, SyncOptions options) {
        return options.withMaxWritesInFlight(config.limits().maxWritesInFlight());
    }

    /** A run that opens the pair and closes it again (the command line's). */
    private SyncReport runCold(CalSyncConfig config, PairConfig pair, SyncPolicy policy, SyncOptions options,
                               Path database) {
        OpenPairs.Open opened = null;
        try {
            opened = openPair(config, pair, database);
            return engine.sync(new SyncPair(pair.name(), opened.source(), opened.target(), policy), opened.db(),
                    withWriteLimit(config, options));
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /**
     * Runs {@code pair} with its state in {@code database}: a preview of a pair not saved yet dry-runs
     * against a fresh, throw-away state instead of creating the pair's own.
     */
    public SyncReport run(CalSyncConfig config, PairConfig pair, SyncOptions options, Path database) {
        SyncPolicy policy = policyFor(pair, config.settingsFor(pair));
        try {
            return runCold(config, pair, policy, options, database);
        } catch (StoreException | IllegalArgumentException | SyncStateException e) {
            return failed(pair, policy, options, e.getMessage());
        }
    }

    private SyncReport runWarm(CalSyncConfig config, PairConfig pair, SyncPolicy policy, SyncOptions options) {
        OpenPairs.Open opened;
        try {
            opened = open.acquire(config, pair, p -> openPair(config, p, databaseOf(p)));
        } catch (RuntimeException e) {
            throw e; // reported by run()
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        boolean keep = false;
        try {
            SyncReport report = engine.sync(new SyncPair(pair.name(), opened.source(), opened.target(), policy), opened.db(),
                    withWriteLimit(config, options));
            keep = report.outcome() != SyncOutcome.FAILED;
            return report;
        } finally {
            open.release(pair.name(), opened, keep);
        }
    }

    /** The pair's state, then its calendars, each remembering where it is in that state. */
    private OpenPairs.Open openPair(CalSyncConfig config, PairConfig pair, Path database) {
        StatusDb db = StatusDb.open(database);
        CalendarStore source = null;
        try {
            // a source folder that is missing is an error, never an empty calendar
            source = stores.open(config, config.sourceOf(pair), true, memory(db, Side.SOURCE));
            CalendarStore target = stores.open(config, config.targetOf(pair), false, memory(db, Side.TARGET));
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

    /**
     * Runs {@code name}: a pair of the config, or one calendar of a whole-account pair
     * ({@code family-all/Work}, as reports and held-deletion notes name it).
     *
     * @return empty when the config has no pair (or whole-account pair) of that name
     */
    public Optional<SyncReport> runNamed(CalSyncConfig config, String name, SyncOptions options) {
        Optional<PairConfig> pair = config.pair(name);
        if (pair.isPresent()) {
            return Optional.of(run(config, pair.get(), options));
        }
        Optional<PairConfig> whole = wholeAccountPairOf(config, name);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        SyncPolicy policy = policyFor(whole.get(), config.settingsFor(whole.get()));
        SyncReport summary = wholeAccounts.run(config, whole.get(), policy, n -> options,
                Optional.of(name.substring(whole.get().name().length() + 1)));
        return Optional.of(summary.calendars().size() == 1 ? summary.calendars().get(0) : summary);
    }

    /** The whole-account pair whose calendar {@code name} ({@code pair/Calendar}) is, if any. */
    public static Optional<PairConfig> wholeAccountPairOf(CalSyncConfig config, String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? Optional.empty()
                : config.pair(name.substring(0, slash)).filter(p -> p.wholeAccount().isPresent());
    }

    private SyncReport failed(PairConfig pair, SyncPolicy policy, SyncOptions options, String why) {
        return SyncReport.failed(pair.name(), policy.mode(), options.dryRun(), clock.instant(), why)
                .withTransform(policy.transform());
    }

    /** The file that keeps two runs of a pair apart, beside its state database. */
    public Path lockOf(PairConfig pair) {
        return paths.dbDir().resolve(SafeFileName.of(pair.name()) + ".lock");
    }

    /**
     * How many deletions the guard holds back for {@code pair} now (0 before its first run), so an
     * approve or reject can say what it did.
     */
    public int heldDeletions(PairConfig pair) {
        Path file = databaseOf(pair);
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        try (StatusDb db = StatusDb.open(file)) {
            return db.heldKeys().size();
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
                s.maxMissingPercent(), pair.transform());
    }

}
