package com.calsync.bench;

import com.calsync.testservers.FaultProxy;
import com.calsync.testservers.FaultProxy.Fault;
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.service.SyncRunner;
import com.calsync.sync.Side;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench caldav} ({@link BenchCommand}): loads N generated events into a Radicale calendar (setup, PUT
 * straight to the server, several at a time), then mirrors them into an empty Xandikos calendar
 * with a separate {@code calsync sync --json} process per phase — first sync (with the default
 * writes in flight, then once more into a calendar of its own with one write at a time),
 * no-change re-sync, one-change re-sync — so each wall time includes JVM start-up, as a user or
 * a cron job sees it.
 * The requests per side come from the child's JSON report. Then the no-change run once more
 * inside this JVM, as the running service does it: with a runner that opens both calendars and
 * the state for each run (cold) and with the service's warm runner that keeps them open
 * ({@link SyncRunner#warm}). With {@code compare}, vdirsyncer (when installed) mirrors the same
 * Radicale calendar into its own Xandikos calendar, each run a whole process like ours. Both
 * servers run on loopback ports and are stopped afterwards.
 */
public final class CalDavBenchmark {
    /** PUTs in flight while loading the source (setup only). */
    public static final int LOAD_PARALLELISM = 8;
    private static final String SOURCE_ACCOUNT = "bench-source";
    /** The first sync as configured by default: writes in flight (limits.max_writes_in_flight 4, adaptive). */
    public static final String FIRST_SYNC = "first sync";
    public static final String FIRST_SYNC_ONE_AT_A_TIME = "first sync, 1 at a time";

    /**
     * One phase: wall and CPU time of the whole child process (in-process: of the run, and the
     * CPU of the thread that ran it), the run's own time
     * inside it in microseconds (the figure a running service would see), requests to each
     * server, and items written.
     */
    public record Phase(String name, long wallMillis, long cpuMillis, long inProcessMicros, long sourceRequests,
                        long targetRequests, long changes, String outcome) {}

    /**
     * The setup figure (not a sync), the target server's own write time when asked for (N PUTs one
     * at a time into a scratch Xandikos calendar, as the engine writes them; -1 when not measured),
     * and the measured phases.
     */
    public record Result(int events, long loadMillis, long targetWriteMillis, List<Phase> phases,
                         Optional<Comparison> vdirsyncer) {}

    /** vdirsyncer's first sync and no-change re-sync (medians of the repeats), whole processes. */
    public record Comparison(String version, TimedProcess firstSync, TimedProcess noChange) {}

    private final Clock clock;
    private final PrintWriter progress;
    private final List<String> childJvmOptions;
    private final List<String> launcher;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param progress        where to say what is happening during the minutes the load can take
     * @param childJvmOptions extra options for each {@code calsync sync} JVM (a profiler, -Xshare…)
     */
    public CalDavBenchmark(Clock clock, PrintWriter progress, List<String> childJvmOptions) {
        this(clock, progress, childJvmOptions, List.of());
    }

    /**
     * @param launcher how to start each {@code calsync sync} instead (e.g. {@code target/bin/calsync},
     *                 with its class-data archive); empty: java on this JVM's class path
     */
    public CalDavBenchmark(Clock clock, PrintWriter progress, List<String> childJvmOptions, List<String> launcher) {
        this.launcher = List.copyOf(launcher);
        this.clock = clock;
        this.progress = progress;
        this.childJvmOptions = List.copyOf(childJvmOptions);
    }

    /**
     * Runs the benchmark in {@code workDir} (config and state of the child processes go to workDir/home).
     *
     * @param baseline also time Xandikos taking the N items directly, the yardstick for the first sync
     */
    public Result run(int events, Path workDir, boolean baseline) throws IOException, InterruptedException {
        return run(events, workDir, baseline, 1, false);
    }

    /**
     * @param repeats how many times each no-change phase runs; the median is reported
     * @param compare also run vdirsyncer on the same data, when it is installed
     */
    public Result run(int events, Path workDir, boolean baseline, int repeats, boolean compare)
            throws IOException, InterruptedException {
        return run(events, workDir, baseline, repeats, compare, Duration.ZERO);
    }

    /**
     * @param latency held back from each answer of Xandikos by a {@link FaultProxy} in front of it, as
     *                a server far away; zero: straight to it
     */
    public Result run(int events, Path workDir, boolean baseline, int repeats, boolean compare, Duration latency)
            throws IOException, InterruptedException {
        try (LocalCalDavServer radicale = RadicaleServer.start(); LocalCalDavServer xandikos = XandikosServer.start();
             FaultProxy far = FaultProxy.start(xandikos.baseUrl())) {
            far.otherwise(latency.isZero() ? Fault.pass() : Fault.delay(latency));
            URI targetBase = latency.isZero() ? xandikos.baseUrl() : far.baseUrl();
            java.util.function.UnaryOperator<URI> viaTarget = latency.isZero() ? u -> u : far::via;
            URI source = radicale.newCalendar("Bench source");
            URI target = xandikos.newCalendar("Bench target");
            progress.printf("  Radicale at %s, Xandikos at %s; loading %d events into %s …%n", radicale.baseUrl(),
                    xandikos.baseUrl(), events, source.getPath());
            progress.flush();
            EventGenerator generator = new EventGenerator(42, clock.instant());
            List<String> uids = new ArrayList<>(events);
            List<String> texts = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                String uid = new UUID(i + 1L, 42L).toString();
                uids.add(uid);
                texts.add(generator.event(uid));
            }
            long loadStart = System.nanoTime();
            load(radicale, source, uids, texts);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
            long targetWriteMillis = -1;
            if (baseline) {
                URI scratch = xandikos.newCalendar("Bench baseline");
                progress.printf("  timing %d PUTs one at a time straight to Xandikos (%s) …%n", events, scratch.getPath());
                progress.flush();
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    put(xandikos, viaTarget.apply(scratch.resolve(uids.get(i) + ".ics")), texts.get(i),
                            Map.of("If-None-Match", "*"));
                }
                targetWriteMillis = (System.nanoTime() - start) / 1_000_000;
            }

            Path home = Files.createDirectories(workDir.resolve("home"));
            writeConfig(home, radicale, source, targetBase, target, "");
            List<Phase> phases = new ArrayList<>();
            phases.add(syncProcess(FIRST_SYNC, home, radicale));
            // the same first sync with limits.max_writes_in_flight 1, into a calendar of its own: the engine's
            // one-at-a-time write time. Run second, so a server cache warmed by the first favours it, not the window.
            Path oneAtATime = Files.createDirectories(workDir.resolve("home-one-at-a-time"));
            writeConfig(oneAtATime, radicale, source, targetBase, xandikos.newCalendar("Bench target, one at a time"),
                    ",\n  \"limits\": { \"max_writes_in_flight\": 1 }");
            phases.add(syncProcess(FIRST_SYNC_ONE_AT_A_TIME, oneAtATime, radicale));
            List<Phase> unchanged = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                unchanged.add(syncProcess("no-change re-sync", home, radicale));
            }
            phases.add(median(unchanged));
            phases.add(inProcess("no-change, in-process cold", home, radicale, false, repeats));
            phases.add(inProcess("no-change, warm service", home, radicale, true, Math.max(5, repeats)));
            phases.add(throughService(home, radicale, repeats));
            phases.addAll(serversOwnAnswer(home, Map.of(Side.SOURCE, radicale, Side.TARGET, xandikos),
                    Map.of(Side.SOURCE, source, Side.TARGET, target), Math.max(5, repeats)));
            Optional<Comparison> comparison = Optional.empty();
            if (compare) {
                comparison = Vdirsyncer.find().map(v -> {
                    try {
                        return v.measure(workDir.resolve("vdirsyncer"), source, radicale.username(), radicale.password(),
                                viaTarget.apply(xandikos.newCalendar("Bench vdirsyncer")), repeats, progress);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("vdirsyncer: " + e.getMessage(), e);
                    }
                });
                if (comparison.isEmpty()) {
                    progress.println("  vdirsyncer is not installed (apt-get install vdirsyncer): no comparison");
                }
            }
            int changed = events / 2;
            put(radicale, source.resolve(uids.get(changed) + ".ics"),
                    texts.get(changed).replaceFirst("SUMMARY:", "SUMMARY:(moved) "), Map.of());
            phases.add(syncProcess("one-change re-sync", home, radicale));
            return new Result(events, loadMillis, targetWriteMillis, phases, comparison);
        }
    }

    /** The phase with the median wall time. */
    static Phase median(List<Phase> runs) {
        List<Phase> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingLong(Phase::wallMillis));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The no-change run in this JVM, {@code runs} times after one run that opens (and, warm,
     * keeps) what it needs; the median run. The engine's state is the child processes'.
     */
    private Phase inProcess(String name, Path home, LocalCalDavServer source, boolean warm, int runs) {
        CalSyncPaths paths = paths(home);
        CalSyncConfig config = new ConfigLoader(home).load(paths.configFile()).config().orElseThrow();
        Map<String, String> env = Map.of(AccountConfig.passwordVariable(SOURCE_ACCOUNT), source.password());
        SyncRunner cold = SyncRunner.standard(paths, env, Os.LINUX, clock);
        try (SyncRunner runner = warm ? cold.warm() : cold) {
            runner.run(config, config.pairs().get(0), SyncOptions.normal()); // opens; warm: keeps
            List<Phase> measured = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                SyncReport report = runner.run(config, config.pairs().get(0), SyncOptions.normal());
                long micros = (System.nanoTime() - start) / 1000;
                // this thread's CPU: the engine's own work; the HTTP client's and SQLite's threads are not in it
                long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                measured.add(new Phase(name, micros / 1000, cpuMillis, micros, report.requests().getOrDefault(Side.SOURCE, 0L),
                        report.requests().getOrDefault(Side.TARGET, 0L), report.changes().size(),
                        report.outcome().name().toLowerCase(java.util.Locale.ROOT)));
            }
            measured.sort(java.util.Comparator.comparingLong(Phase::inProcessMicros));
            return measured.get(measured.size() / 2);
        }
    }

    private void load(LocalCalDavServer server, URI calendar, List<String> uids, List<String> texts)
            throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_PARALLELISM);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < uids.size(); i++) {
                URI item = calendar.resolve(uids.get(i) + ".ics");
                String text = texts.get(i);
                puts.add(pool.submit(() -> put(server, item, text, Map.of("If-None-Match", "*"))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("loading the benchmark events into " + calendar + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void put(LocalCalDavServer server, URI item, String text, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", "text/calendar; charset=utf-8");
        HttpResponse<String> answer = server.send("PUT", item, headers, text);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + item + " on " + server.name() + " answered " + answer.statusCode()
                    + ": " + answer.body());
        }
    }

    /** @param extra more top-level members of config.json, each after a comma */
    private static void writeConfig(Path home, LocalCalDavServer source, URI sourceCalendar, URI targetBase,
                                    URI targetCalendar, String extra) throws IOException {
        String config = """
                {
                  "accounts": {
                    "%s": { "type": "caldav", "url": "%s", "username": "%s" },
                    "bench-target": { "type": "caldav", "url": "%s" }
                  },
                  "calendars": {
                    "radicale": { "account": "%s", "path": "%s" },
                    "xandikos": { "account": "bench-target", "path": "%s" }
                  },
                  "pairs": [
                    { "name": "bench", "source": "radicale", "target": "xandikos", "mode": "mirror" }
                  ]%s
                }
                """.formatted(SOURCE_ACCOUNT, source.baseUrl(), source.username(), targetBase, SOURCE_ACCOUNT,
                sourceCalendar.getRawPath(), targetCalendar.getRawPath(), extra);
        Files.writeString(home.resolve("config.json"), config, StandardCharsets.UTF_8);
    }

    /**
     * What each server alone takes to answer the no-change run's one request: the sync-collection
     * REPORT with the token the pair holds, sent straight from here, {@code runs} times; the
     * median. Part of every no-change run's wall time that no client can save.
     */
    private List<Phase> serversOwnAnswer(Path home, Map<Side, LocalCalDavServer> servers, Map<Side, URI> calendars, int runs) {
        Map<Side, Optional<String>> tokens = new java.util.EnumMap<>(Side.class);
        try (com.calsync.sync.StatusDb db = com.calsync.sync.StatusDb.open(paths(home).dbDir().resolve("bench.db"))) {
            for (Side side : Side.values()) {
                tokens.put(side, db.syncToken(side).filter(t -> !t.startsWith("ctag:")));
            }
        }
        List<Phase> phases = new ArrayList<>();
        for (Side side : Side.values()) {
            LocalCalDavServer server = servers.get(side);
            String name = Character.toUpperCase(server.name().charAt(0)) + server.name().substring(1) + "'s own REPORT";
            if (tokens.get(side).isEmpty()) {
                progress.printf("  %s: the pair holds no sync token for it; not timed%n", name);
                continue;
            }
            String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                    + tokens.get(side).get() + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                    + "</d:sync-collection>";
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = server.send("REPORT", calendars.get(side),
                        Map.of("Depth", "0", "Content-Type", "application/xml; charset=utf-8"), body);
                micros.add((System.nanoTime() - start) / 1000);
                if (answer.statusCode() != 207) {
                    throw new IllegalStateException(name + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            micros.sort(null);
            long median = micros.get(micros.size() / 2);
            phases.add(new Phase(name, median / 1000, -1, median, side == Side.SOURCE ? 1 : 0, side == Side.TARGET ? 1 : 0,
                    0, "ok"));
        }
        return phases;
    }

    /** The name of the phase {@link #throughService} measures. */
    public static final String THROUGH_SERVICE = "no-change, service running";

    /**
     * The no-change {@code calsync sync --json} process again, {@code repeats} times, while a
     * {@code calsync daemon} started the same way runs: the command asks the service, whose warm
     * runner syncs. The median; the process's wall and CPU time (the service's work is not in
     * the CPU column, its run time is the "in sync" one).
     */
    private Phase throughService(Path home, LocalCalDavServer source, int repeats) throws IOException, InterruptedException {
        List<String> daemon = calsync(home, "daemon");
        ProcessBuilder builder = new ProcessBuilder(daemon).redirectErrorStream(true)
                .redirectOutput(home.resolve("daemon-out.txt").toFile());
        builder.environment().remove("CALSYNC_HOME");
        builder.environment().put(AccountConfig.passwordVariable(SOURCE_ACCOUNT), source.password());
        Process process = builder.start();
        try {
            com.calsync.service.ControlClient control = new com.calsync.service.ControlClient(paths(home).controlSocket());
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!control.answers()) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the daemon did not answer within 60 s: "
                            + Files.readString(home.resolve("daemon-out.txt"), StandardCharsets.UTF_8));
                }
                Thread.sleep(100);
            }
            syncProcess(THROUGH_SERVICE, home, source); // the service's first run opens and keeps the pair
            List<Phase> runs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                runs.add(syncProcess(THROUGH_SERVICE, home, source));
            }
            control.send(control.request("stop"));
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return median(runs);
        } finally {
            process.destroy();
        }
    }

    /** Where the CalSync of {@code home} keeps its files. */
    private static CalSyncPaths paths(Path home) {
        return CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
    }

    /** How this bench starts {@code calsync --home HOME ARGS…}: the launcher, or a JVM on this class path. */
    private List<String> calsync(Path home, String... args) {
        List<String> command = new ArrayList<>();
        if (launcher.isEmpty()) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(childJvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.calsync.App"));
        } else {
            command.addAll(launcher);
        }
        command.addAll(List.of("--home", home.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code java -cp <this class path> com.calsync.App --home HOME sync --json} and reads its report. */
    private Phase syncProcess(String name, Path home, LocalCalDavServer source) throws IOException, InterruptedException {
        Path stdout = home.resolve("sync-out.json");
        Path stderr = home.resolve("sync-err.txt");
        List<String> command = new ArrayList<>(calsync(home, "sync", "--json"));
        command.add(0, "env");
        command.add(1, "-u");
        command.add(2, "CALSYNC_HOME");
        TimedProcess timed = TimedProcess.run(command,
                Map.of(AccountConfig.passwordVariable(SOURCE_ACCOUNT), source.password()), stdout, stderr);
        int exit = timed.exit();
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (exit != 0 || out.isBlank()) {
            throw new IllegalStateException(name + ": `calsync sync` exited with " + exit + ":\n" + out + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        JsonNode pair = json.readTree(out).path("pairs").path(0);
        long changes = 0;
        for (String side : List.of("source", "target")) {
            for (String kind : List.of("created", "updated", "deleted")) {
                changes += pair.path(side).path(kind).asLong();
            }
        }
        return new Phase(name, timed.wallMillis(), timed.cpuMillis(), pair.path("duration_ms").asLong() * 1000, pair.path("source").path("requests").asLong(),
                pair.path("target").path("requests").asLong(), changes, pair.path("outcome").asText());
    }
}
