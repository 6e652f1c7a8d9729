package com.calsync.service;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.PairConfig;
import com.calsync.config.SafeFileName;
import com.calsync.config.WholeAccount;
import com.calsync.store.CalendarStore;
import com.calsync.store.EmptyStore;
import com.calsync.store.StoreException;
import com.calsync.store.caldav.CalDavClient;
import com.calsync.store.caldav.CalDavDiscovery;
import com.calsync.store.caldav.CalDavStore;
import com.calsync.store.caldav.CalendarCreator;
import com.calsync.store.caldav.CalendarInfo;
import com.calsync.sync.CalendarRoute;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import com.calsync.sync.SyncStateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole-account pair ({@code "source": "icloud:*"}): lists the source account's calendars
 * (so one added since the last run takes part now), and syncs each one whose name matches as a
 * pair of its own, {@code pair/Calendar name}, with its own state database, against the target
 * calendar of the same name, which it makes (MKCALENDAR) or the folder it creates when missing.
 * One calendar that fails does not stop the others. A source calendar that is gone is no longer
 * synced; its target calendar is left as it is.
 */
final class WholeAccountRunner {
    private static final Logger log = LoggerFactory.getLogger(WholeAccountRunner.class);

    private final StoreOpener stores;
    private final SyncEngine engine;
    private final Path dbDir;
    private final Clock clock;
    private final Duration lockWait;

    /** @param lockWait how long a calendar's run waits for another run of it (another process's) */
    WholeAccountRunner(StoreOpener stores, SyncEngine engine, Path dbDir, Clock clock, Duration lockWait) {
        this.lockWait = lockWait;
        this.stores = stores;
        this.engine = engine;
        this.dbDir = dbDir;
        this.clock = clock;
    }

    /**
     * @param optionsFor the options of each calendar's run, by its pair name ({@code pair/Calendar})
     * @param only       sync only the calendar of this display name
     */
    SyncReport run(CalSyncConfig config, PairConfig pair, SyncPolicy policy, Function<String, SyncOptions> optionsFor,
                   Optional<String> only) {
        WholeAccount whole = pair.wholeAccount().orElseThrow();
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        boolean dryRun = optionsFor.apply(pair.name()).dryRun();
        List<SyncReport> runs = new ArrayList<>();
        try {
            AccountConfig sourceAccount = config.accounts().get(whole.account());
            CalDavClient sourceClient = stores.caldavClient(sourceAccount, config.limits());
            List<CalendarInfo> all = new CalDavDiscovery(sourceClient).calendars();
            List<CalendarInfo> matching = all.stream().filter(c -> whole.matches(c.displayName()))
                    .filter(c -> only.map(o -> o.equals(c.displayName())).orElse(true)).toList();
            if (matching.isEmpty()) {
                String had = all.stream().map(c -> "\"" + c.displayName() + "\"").collect(Collectors.joining(", "));
                throw new StoreException("no calendar of account " + whole.account() + " is named "
                        + only.map(o -> "\"" + o + "\"").orElse("like \"" + whole.pattern() + "\"")
                        + " (it has " + (had.isEmpty() ? "none" : had) + ")");
            }
            Targets targets = targets(config, whole.target());
            for (CalendarInfo calendar : matching) {
                String name = pair.name() + "/" + calendar.displayName();
                SyncOptions options = optionsFor.apply(name).withMaxWritesInFlight(config.limits().maxWritesInFlight());
                if (options.cancelled().getAsBoolean()) {
                    break;
                }
                runs.add(runCalendar(pair, policy, sourceClient, calendar, targets, name, options));
            }
        } catch (StoreException e) {
            log.warn("{}: cannot sync the calendars of account {}: {}", pair.name(), whole.account(), e.getMessage());
            return SyncReport.ofCalendars(pair.name(), policy.mode(), dryRun, started, elapsed(startNanos),
                    policy.transform(), runs, e.getMessage());
        }
        return SyncReport.ofCalendars(pair.name(), policy.mode(), dryRun, started, elapsed(startNanos),
                policy.transform(), runs, null);
    }

    private SyncReport failedCalendar(PairConfig pair, SyncPolicy policy, SyncOptions options, CalendarInfo calendar,
                                      String targetName, Target target, String name, String why) {
        return SyncReport.failed(name, policy.mode(), options.dryRun(), clock.instant(), why)
                .withTransform(policy.transform())
                .forCalendar(new CalendarRoute(pair.name(), sourceName(pair, calendar), targetName,
                        target != null && target.created().getAsBoolean()));
    }

    private SyncReport runCalendar(PairConfig pair, SyncPolicy policy, CalDavClient sourceClient, CalendarInfo calendar,
                                   Targets targets, String name, SyncOptions options) {
        String targetName = targets.nameFor(calendar.displayName());
        CalendarStore source = null;
        Target target = null;
        Path db = dbDir.resolve(SafeFileName.of(pair.name())).resolve(SafeFileName.of(stateName(calendar)) + ".db");
        Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
        try (PairRunLock lock = PairRunLock.acquire(name, lockFile, ProcessHandle.current().pid(), lockWait)) {
            source = new CalDavStore(sourceClient, calendar);
            target = targets.open(calendar, options.dryRun());
            try (StatusDb state = StatusDb.open(db)) {
                SyncReport report = engine.sync(new SyncPair(name, source, target.store(), policy), state, options);
                return report.forCalendar(new CalendarRoute(pair.name(), sourceName(pair, calendar), targetName,
                        target.created().getAsBoolean()));
            }
        } catch (StoreException | SyncStateException | IllegalArgumentException | PairRunLock.PairBusyException e) {
            log.warn("{}: {}", name, e.getMessage());
            return failedCalendar(pair, policy, options, calendar, targetName, target, name, e.getMessage());
        } catch (IOException e) {
            return failedCalendar(pair, policy, options, calendar, targetName, target, name,
                    "cannot lock the state of " + name + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // one calendar's bug never stops the account's other calendars
            log.error("{}: the run failed with an internal error", name, e);
            return failedCalendar(pair, policy, options, calendar, targetName, target, name,
                    "CalSync failed internally (" + e + "); the log has the details");
        } finally {
            if (source != null) {
                source.close();
            }
            if (target != null) {
                target.store().close();
            }
        }
    }

    /**
     * The target of one source calendar.
     *
     * @param created whether the calendar (or folder) came into being in this run, asked after it
     *                (a folder is made by the store's first write; in a dry run: would be made)
     */
    private record Target(CalendarStore store, java.util.function.BooleanSupplier created) {}

    private static String sourceName(PairConfig pair, CalendarInfo calendar) {
        return pair.wholeAccount().orElseThrow().account() + ":" + calendar.displayName();
    }

    /**
     * The calendar's state database is named after its collection's last path segment and its
     * name: a renamed calendar goes to a target of the new name, so it starts afresh there.
     */
    private static String stateName(CalendarInfo calendar) {
        String[] parts = calendar.path().split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        return java.net.URLDecoder.decode(last.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                + "-" + calendar.displayName();
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Targets targets(CalSyncConfig config, WholeAccount.Target into) {
        if (into instanceof WholeAccount.IntoAccount account) {
            CalDavClient client = stores.caldavClient(config.accounts().get(account.account()), config.limits());
            return new AccountTargets(account, client);
        }
        return new FolderTargets((WholeAccount.IntoFolder) into, stores);
    }

    /** Where each source calendar goes. */
    private interface Targets {
        String nameFor(String sourceName);

        /** Opens (making it when missing, unless in a dry run) the target of {@code calendar}. */
        Target open(CalendarInfo calendar, boolean dryRun);
    }

    /** The calendars of another CalDAV account, by name. */
    private final class AccountTargets implements Targets {
        private final WholeAccount.IntoAccount into;
        private final CalDavClient client;
        private final CalDavDiscovery discovery;
        private List<CalendarInfo> existing;

        AccountTargets(WholeAccount.IntoAccount into, CalDavClient client) {
            this.into = into;
            this.client = client;
            this.discovery = new CalDavDiscovery(client);
        }

        @Override
        public String nameFor(String sourceName) {
            return into.account() + ":" + WholeAccount.targetName(into.template(), sourceName);
        }

        @Override
        public Target open(CalendarInfo calendar, boolean dryRun) {
            String name = WholeAccount.targetName(into.template(), calendar.displayName());
            if (existing == null) {
                existing = new ArrayList<>(discovery.calendars());
            }
            Optional<CalendarInfo> found = existing.stream().filter(c -> c.displayName().equals(name)).findFirst()
                    .or(() -> existing.stream().filter(c -> c.displayName().equalsIgnoreCase(name)).findFirst());
            if (found.isPresent()) {
                return new Target(new CalDavStore(client, found.get()), () -> false);
            }
            if (dryRun) {
                return new Target(new EmptyStore("CalDAV calendar \"" + name + "\" of account " + into.account()
                        + " (made by the first real run)"), () -> true);
            }
            Set<String> components = calendar.components().isEmpty() ? Set.of("VEVENT", "VTODO", "VJOURNAL")
                    : calendar.components();
            Set<String> taken = existing.stream().map(CalendarInfo::path).collect(Collectors.toSet());
            CalendarInfo made = new CalendarCreator(client).create(discovery.calendarHome(), name, components, taken);
            existing.add(made);
            return new Target(new CalDavStore(client, made), () -> true);
        }
    }

    /** One sub-folder per calendar in a folder calendar. */
    private static final class FolderTargets implements Targets {
        private final WholeAccount.IntoFolder into;
        private final StoreOpener stores;

        FolderTargets(WholeAccount.IntoFolder into, StoreOpener stores) {
            this.into = into;
            this.stores = stores;
        }

        @Override
        public String nameFor(String sourceName) {
            return folderOf(sourceName).toString();
        }

        private Path folderOf(String sourceName) {
            return into.folder().resolve(WholeAccount.folderName(sourceName));
        }

        @Override
        public Target open(CalendarInfo calendar, boolean dryRun) {
            Path folder = folderOf(calendar.displayName());
            boolean existed = Files.isDirectory(folder);
            if (dryRun && !existed) {
                return new Target(new EmptyStore("folder " + folder + " (made by the first real run)"), () -> true);
            }
            if (!Files.isDirectory(into.folder())) {
                Path parent = into.folder().toAbsolutePath().getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    throw new StoreException("the folder " + into.folder() + " of calendar \"" + into.calendar()
                            + "\" does not exist and neither does its parent " + parent
                            + "; check the path in the configuration or create the folder");
                }
                try {
                    Files.createDirectory(into.folder());
                } catch (IOException e) {
                    throw new StoreException("cannot create the folder " + into.folder() + ": " + e.getMessage(), e);
                }
            }
            // the folder store makes the calendar's own folder with its first write
            return new Target(stores.openFolder(folder), () -> !existed && Files.isDirectory(folder));
        }
    }
}
