package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoadResult;
import com.calsync.config.ConfigLoader;
import com.calsync.config.ConfigProblem;
import com.calsync.config.PairConfig;
import com.calsync.platform.Os;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.SyncScheduler.PairSchedule;
import com.calsync.sync.HeldDeletions;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background service the daemon and the tray app run: loads config.json (and reloads it
 * when it changes — an invalid edit keeps the last good config and is shown in status and the
 * log), schedules the pairs, keeps {@code status.json}, answers the control socket and publishes
 * an immutable {@link ServiceSnapshot} to observers after every change. Each pair's calendars and
 * state stay open between its runs ({@link SyncRunner#warm}).
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()} (from the socket's {@code stop}, a
 * signal's shutdown hook, or the UI); {@link #awaitStopped()} blocks until it has.
 */
public final class CalSyncService {
    private static final Logger log = LoggerFactory.getLogger(CalSyncService.class);
    /** How often config.json's modification time is checked. */
    static final Duration CONFIG_POLL = Duration.ofSeconds(2);
    /** How long a stop waits for the run in progress to finish its current item. */
    static final Duration STOP_GRACE = Duration.ofSeconds(8);
    /** How long a run cancelled at its deadline gets to stop before the worker moves on without it. */
    static final Duration RUN_CANCEL_GRACE = Duration.ofSeconds(10);

    private final CalSyncPaths paths;
    private final ConfigLoader loader;
    private final SyncRunner runner;
    private final Clock clock;
    private final long pid;
    private final SyncScheduler.Timing timing;
    private final StatusFile statusFile;
    private final CalendarWatchers watchers;
    private final ObjectMapper json = StatusFile.mapper();

    private final Object stateLock = new Object();
    private final List<Consumer<ServiceSnapshot>> observers = new CopyOnWriteArrayList<>();
    private final List<Consumer<CalSyncConfig>> configListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /** A decision on held deletions, taken by the pair's next run (the tray's Approve / Reject). */
    private final Map<String, HeldDeletions> heldDecisions = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile CalSyncConfig config;
    private volatile String configError;
    private volatile ServiceSnapshot latest;
    private volatile ServiceSnapshot.Progress progress;
    private volatile long progressPublishedNanos;
    private FileStamp configStamp;
    private StatusBook book;
    private Instant started;
    private Instant stoppedAt;
    private InstanceLock instanceLock;
    private ControlServer control;
    private SyncScheduler scheduler;
    private ExecutorService worker;
    private ScheduledExecutorService configWatch;

    /** config.json's size and modification time: what tells an edit. */
    private record FileStamp(FileTime modified, long size) {
    }

    public CalSyncService(CalSyncPaths paths, ConfigLoader loader, SyncRunner runner, Clock clock, long pid,
                          SyncScheduler.Timing timing) {
        this(paths, loader, runner, clock, pid, timing, CalendarWatchers.none());
    }

    /** @param watchers watch the pairs' macOS Calendar calendars and ask for a sync when one changes */
    public CalSyncService(CalSyncPaths paths, ConfigLoader loader, SyncRunner runner, Clock clock, long pid,
                          SyncScheduler.Timing timing, CalendarWatchers watchers) {
        this.watchers = watchers;
        this.paths = paths;
        this.loader = loader;
        this.runner = runner;
        this.clock = clock;
        this.pid = pid;
        this.timing = timing;
        this.statusFile = new StatusFile(paths.statusFile());
    }

    /** The service as the daemon runs it: the real stores, this process's pid, the default timing. */
    public static CalSyncService standard(CalSyncPaths paths, Map<String, String> env, Os os, Path userHome, Clock clock) {
        // warm: each pair's stores and state stay open between runs (OpenPairs)
        SyncRunner runner = SyncRunner.standard(paths, env, os, clock).warm();
        CalendarWatchers watchers = CalendarWatchers.none();
        if (os.isMac()) {
            StoreOpener stores = runner.stores();
            watchers = new CalendarWatchers((calendar, onChange) ->
                    stores.eventKit().watch(calendar.title(), calendar.source(), onChange));
            // access granted late (after the open that asked gave up): watch now, and sync the pairs that failed
            stores.onEventKitAccessGranted(watchers::retry);
        }
        return new CalSyncService(paths, new ConfigLoader(userHome), runner, clock, ProcessHandle.current().pid(),
                SyncScheduler.Timing.DEFAULT, watchers);
    }

    /**
     * Takes the instance lock, loads the config, opens the control socket and starts scheduling.
     *
     * @throws AlreadyRunningException when another service runs for this CALSYNC_HOME
     */
    public void start() throws IOException, AlreadyRunningException {
        instanceLock = InstanceLock.acquire(paths, pid);
        try {
            PrivateFolders.secure(paths);
            started = clock.instant();
            book = StatusBook.continuing(statusFile.read());
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "calsync-sync");
                t.setDaemon(true);
                return t;
            });
            BoundedPairRuns runs = new BoundedPairRuns(this::runPair, this::runDeadlineOf, RUN_CANCEL_GRACE, clock);
            scheduler = new SyncScheduler(clock, System::nanoTime, worker, runs, new SchedulerEvents(), timing);
            loadConfig(true);
            control = new ControlServer(paths.controlSocket(), this::handle).start();
            scheduler.start();
            configWatch = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "calsync-config-watch");
                t.setDaemon(true);
                return t;
            });
            configWatch.scheduleWithFixedDelay(this::reloadIfChanged, CONFIG_POLL.toMillis(), CONFIG_POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
            log.info("CalSync started (pid {}): {} pair(s), config {}, control socket {}", pid,
                    config == null ? 0 : config.enabledPairs().size(), paths.configFile(), paths.controlSocket());
            publish();
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    // --- config -------------------------------------------------------------------------------

    private void reloadIfChanged() {
        try {
            if (!Objects.equals(stamp(), configStamp)) {
                loadConfig(false);
            }
        } catch (RuntimeException e) {
            log.error("checking {} for changes failed", paths.configFile(), e);
        }
    }

    /**
     * Calls {@code listener} with each config taken (at start and after every valid edit), on the
     * thread that loaded it: for settings outside the service, such as the log level. Add before {@link #start()}.
     */
    public void onConfig(Consumer<CalSyncConfig> listener) {
        configListeners.add(listener);
    }

    /** The config the service runs with (the last valid one), if there is one yet. */
    public Optional<CalSyncConfig> config() {
        return Optional.ofNullable(config);
    }

    /** Reads config.json again now; what the socket's {@code reload} does. */
    public void reload() {
        loadConfig(false);
    }

    private synchronized void loadConfig(boolean initial) {
        configStamp = stamp();
        ConfigLoadResult result = loader.load(paths.configFile());
        result.warnings().forEach(w -> log.warn("config: {}", w));
        if (!result.isValid()) {
            String problems = result.errors().stream()
                    .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                    .map(ConfigProblem::toString).collect(Collectors.joining("\n"));
            configError = problems;
            log.error("{} has errors; {}:\n{}", paths.configFile(),
                    config == null ? "nothing syncs until they are fixed" : "the previous config keeps running until they are fixed",
                    problems);
        } else {
            CalSyncConfig loaded = result.config().orElseThrow();
            config = loaded;
            configError = null;
            for (Consumer<CalSyncConfig> listener : configListeners) {
                try {
                    listener.accept(loaded);
                } catch (RuntimeException e) {
                    log.warn("applying the new config failed in part: {}", e.getMessage(), e);
                }
            }
            if (!initial) {
                log.info("config reloaded: {} enabled pair(s)", loaded.enabledPairs().size());
            }
        }
        if (config != null) {
            CalSyncConfig c = config;
            runner.keepOnly(c); // pairs and accounts no longer configured are closed
            scheduler.setPairs(c.enabledPairs().stream()
                    .map(p -> new SyncScheduler.PairPlan(p.name(), c.settingsFor(p).interval())).toList());
            watchers.update(c, this::syncAfterCalendarChange);
        } else {
            scheduler.setPairs(List.of());
        }
        if (!initial) {
            publish();
        }
    }

    private FileStamp stamp() {
        try {
            return new FileStamp(Files.getLastModifiedTime(paths.configFile()), Files.size(paths.configFile()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("cannot check {}: {}", paths.configFile(), e.getMessage());
            return configStamp;
        }
    }

    // --- runs ---------------------------------------------------------------------------------

    private SyncReport runPair(String name, BooleanSupplier cancelled) {
        CalSyncConfig c = config;
        Optional<PairConfig> pair = c == null ? Optional.empty() : c.pair(name);
        if (pair.isEmpty()) {
            return SyncReport.failed(name, com.calsync.sync.SyncMode.MIRROR, false, clock.instant(),
                    "pair " + name + " is no longer in the config");
        }
        try {
            // each calendar of a whole-account pair takes its own decision on its held deletions
            return runner.run(c, pair.get(), run -> new SyncOptions(false,
                    Objects.requireNonNullElse(heldDecisions.remove(run), HeldDeletions.HOLD), cancelled)
                    .withProgress(this::progressed));
        } finally {
            progress = null;
        }
    }

    /** A pair's run deadline: config.json's {@code limits.run_timeout_minutes}. */
    private Duration runDeadlineOf(String pair) {
        CalSyncConfig c = config;
        return (c == null ? com.calsync.config.Limits.DEFAULTS : c.limits()).runTimeout();
    }

    /** Publishes progress a few times a second at most: a big first sync writes thousands of items. */
    private void progressed(int done, int total) {
        progress = new ServiceSnapshot.Progress(done, total);
        long now = System.nanoTime();
        if (done == 0 || done == total || now - progressPublishedNanos > 250_000_000L) {
            progressPublishedNanos = now;
            publish();
        }
    }

    private final class SchedulerEvents implements SyncScheduler.Listener {
        @Override
        public void runStarted(String pair) {
            publish();
        }

        @Override
        public void runFinished(String pair, SyncReport report) {
            synchronized (stateLock) {
                book.record(report, clock.instant());
            }
            if (report.outcome() == SyncOutcome.FAILED) {
                Optional<PairSchedule> s = scheduler.schedule().stream().filter(p -> p.name().equals(pair)).findFirst();
                log.error("{}: sync failed: {}; next try {}", pair, report.failure(),
                        s.map(p -> "at " + p.nextRun() + (p.consecutiveFailures() > 1 ? " (failed "
                                + p.consecutiveFailures() + " times in a row; waiting longer each time)" : "")).orElse("not scheduled"));
            }
            publish();
        }

        @Override
        public void scheduleChanged() {
            publish();
        }
    }

    /** A watched calendar changed: the pair syncs now (or once more after its current run). */
    private void syncAfterCalendarChange(String pair) {
        if (!stopping.get()) {
            scheduler.syncNow(Optional.of(pair));
        }
    }

    /**
     * Syncs now; see {@link SyncScheduler#syncNow}. A calendar of a whole-account pair
     * ({@code family-all/Work}) syncs with the rest of its pair.
     */
    public CompletableFuture<List<SyncReport>> syncNow(Optional<String> pair) {
        return scheduler.syncNow(pair.map(CalSyncService::scheduledName));
    }

    /** The scheduled pair a name belongs to: a whole-account pair's calendar runs with that pair. */
    private static String scheduledName(String pair) {
        int slash = pair.indexOf('/');
        return slash < 0 ? pair : pair.substring(0, slash);
    }

    /**
     * Runs {@code pair} now, carrying out ({@code APPROVE}) or refusing ({@code REJECT}) the
     * deletions its guard held back: what {@code calsync sync --approve-deletions /
     * --reject-deletions} does, for the tray.
     */
    public CompletableFuture<List<SyncReport>> resolveHeldDeletions(String pair, HeldDeletions decision) {
        if (decision == HeldDeletions.HOLD) {
            throw new IllegalArgumentException("held deletions are resolved by approving or rejecting them");
        }
        heldDecisions.put(pair, decision);
        return scheduler.syncNow(Optional.of(scheduledName(pair)));
    }

    public void pause() {
        scheduler.pause();
    }

    public void resume() {
        scheduler.resume();
    }

    public Optional<String> cancelCurrentRun() {
        return scheduler.cancelCurrent();
    }

    // --- snapshot -----------------------------------------------------------------------------

    /** The state now. */
    public ServiceSnapshot snapshot() {
        synchronized (stateLock) {
            boolean running = !stopped.isDone() && stoppedAt == null;
            List<PairSchedule> schedule = scheduler == null ? List.of() : scheduler.schedule();
            Optional<String> current = scheduler == null ? Optional.empty() : scheduler.currentPair();
            boolean paused = scheduler != null && scheduler.paused();
            CalSyncConfig c = config;
            List<PairStatus> pairs = new ArrayList<>();
            for (PairSchedule s : schedule) {
                Optional<PairConfig> pc = c == null ? Optional.empty() : c.pair(s.name());
                StatusBook.PairTotals t = book.pair(s.name());
                Instant nextRun = running && !paused ? s.nextRun() : null;
                String transform = pc.map(PairConfig::transform).filter(x -> !x.isIdentity())
                        .map(com.calsync.sync.transform.PairTransform::describe).orElse(null);
                pairs.add(new PairStatus(s.name(), pc.map(PairConfig::source).orElse(null), pc.map(PairConfig::target).orElse(null),
                        pc.map(PairConfig::mode).orElse(null), (int) s.interval().toMinutes(), s.running(),
                        nextRun, t.syncCount(), t.errorCount(), s.consecutiveFailures(),
                        t.lastResult(), t.lastError(), null, transform));
                // one row per calendar of a whole-account pair, after the pair's own
                for (StatusBook.CalendarRow calendar : book.calendarsOf(s.name())) {
                    StatusBook.PairTotals ct = book.pair(calendar.name());
                    boolean calendarFailing = ct.lastResult() != null && ct.lastResult().outcome() == SyncOutcome.FAILED;
                    pairs.add(new PairStatus(calendar.name(), calendar.source(), calendar.target(),
                            pc.map(PairConfig::mode).orElse(null), (int) s.interval().toMinutes(), s.running(), nextRun,
                            ct.syncCount(), ct.errorCount(), calendarFailing ? 1 : 0, ct.lastResult(), ct.lastError(),
                            s.name(), transform));
                }
            }
            Instant next = running && !paused ? pairs.stream().map(PairStatus::nextRun).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null) : null;
            ServiceState state = !running ? ServiceState.STOPPED : current.isPresent() ? ServiceState.SYNCING
                    : paused ? ServiceState.PAUSED : ServiceState.IDLE;
            return new ServiceSnapshot(running, pid, started, stoppedAt, state, current.orElse(null), book.lastSync(), next,
                    book.syncCount(), book.errorCount(), book.lastDurationMs(), paths.configFile().toString(), configError,
                    pairs, book.history(), current.isPresent() ? progress : null);
        }
    }

    /** The snapshot last published. */
    public ServiceSnapshot latest() {
        return latest;
    }

    /**
     * Calls {@code observer} with every new snapshot (on the thread that made the change; keep
     * it quick and hand off to the UI thread). @return closing it unsubscribes
     */
    public AutoCloseable subscribe(Consumer<ServiceSnapshot> observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    private void publish() {
        if (book == null) {
            return;
        }
        ServiceSnapshot s;
        synchronized (stateLock) {
            s = snapshot();
            latest = s;
            try {
                statusFile.write(s);
            } catch (IOException e) {
                log.warn("cannot write {}: {}", statusFile.path(), e.getMessage());
            }
        }
        for (Consumer<ServiceSnapshot> o : observers) {
            try {
                o.accept(s);
            } catch (RuntimeException e) {
                log.warn("a status observer failed", e);
            }
        }
    }

    // --- control socket -----------------------------------------------------------------------

    private ObjectNode handle(JsonNode line) throws Exception {
        ControlRequest request = ControlRequest.parse(line);
        ObjectNode ok = json.createObjectNode().put("ok", true).put("pid", pid);
        return switch (request.command()) {
            case PING -> ok;
            case STATUS -> ok.set("status", json.valueToTree(snapshot()));
            case SYNC -> sync(request, ok);
            case PAUSE -> {
                pause();
                yield ok.put("state", snapshot().state().jsonName());
            }
            case RESUME -> {
                resume();
                yield ok.put("state", snapshot().state().jsonName());
            }
            case CANCEL -> ok.put("cancelled", cancelCurrentRun().orElse(null));
            case RELOAD -> {
                reload();
                yield ok.put("config_error", configError);
            }
            case STOP -> {
                // answer first, then stop: the stop closes this very socket and ends the process
                control.afterReply(() -> new Thread(this::stop, "calsync-stop").start());
                yield ok.put("pid", pid);
            }
        };
    }

    /** Queues the runs; with {@code wait}, answers their results once they are done. */
    private ObjectNode sync(ControlRequest request, ObjectNode ok) throws InterruptedException {
        CompletableFuture<List<SyncReport>> runs = syncNow(request.pair());
        if (!request.await()) {
            var list = ok.putArray("queued");
            request.pair().ifPresentOrElse(list::add, () -> scheduler.schedule().forEach(p -> list.add(p.name())));
            return ok;
        }
        List<SyncReport> reports;
        try {
            reports = runs.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        Instant now = clock.instant();
        var list = ok.putArray("reports");
        for (SyncReport r : reports) {
            ObjectNode node = json.valueToTree(StatusBook.resultOf(r, now));
            node.put("pair", r.pair());
            list.add(node);
        }
        if (request.report() != ControlRequest.ReportForm.NONE) {
            List<SyncReport> each = SyncReportText.perCalendar(reports);
            ok.put("outcome", SyncReportText.worst(each).label());
            ok.put("output", switch (request.report()) {
                case JSON -> new SyncReportJson().render(each) + System.lineSeparator();
                case TEXT -> each.isEmpty() ? SyncReportText.nothingConfigured(paths.configFile()) + System.lineSeparator()
                        : new SyncReportText(config).render(each);
                case NONE -> throw new AssertionError();
            });
        }
        return ok;
    }

    // --- stop ---------------------------------------------------------------------------------

    /**
     * Stops gracefully: no new runs, the run in progress stops after its current item (waiting
     * up to {@link #STOP_GRACE}), status.json is written as stopped, the socket and pid file
     * are removed and the lock released. Safe to call more than once and from any thread.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        log.info("CalSync stopping (pid {})", pid);
        try {
            if (configWatch != null) {
                configWatch.shutdownNow();
            }
            closeQuietly(watchers);
            if (scheduler != null && !scheduler.stop(STOP_GRACE)) {
                log.warn("stopping without waiting further for the run in progress; its next run resumes from the saved state");
            }
            if (worker != null) {
                worker.shutdown();
            }
            closeQuietly(runner); // the pairs kept open between runs
            closeQuietly(control);
            synchronized (stateLock) {
                stoppedAt = clock.instant();
            }
            publish();
            closeQuietly(instanceLock);
            log.info("CalSync stopped");
        } finally {
            stopped.complete(null);
        }
    }

    /**
     * Runs {@code action} once the service has stopped, however it was stopped (at once when it
     * already has): the tray app ends with the service it shows, after {@code calsync stop} too.
     */
    public void onStopped(Runnable action) {
        stopped.thenRun(action);
    }

    /** Blocks until the service has stopped. */
    public void awaitStopped() {
        stopped.join();
    }

    public boolean isStopped() {
        return stopped.isDone();
    }

    public CalSyncPaths paths() {
        return paths;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("while stopping: {}", e.getMessage());
        }
    }
}
