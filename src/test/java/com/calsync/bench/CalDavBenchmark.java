package com.calsync.bench;

import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import com.calsync.config.AccountConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench caldav} ({@link BenchCommand}): loads N generated events into a Radicale calendar (setup, PUT
 * straight to the server, several at a time), then mirrors them into an empty Xandikos calendar
 * with a separate {@code calsync sync --json} process per phase — first sync, no-change re-sync,
 * one-change re-sync — so each wall time includes JVM start-up, as a user or a cron job sees it.
 * The requests per side come from the child's JSON report. Both servers run on loopback ports
 * and are stopped afterwards.
 */
public final class CalDavBenchmark {
    /** PUTs in flight while loading the source (setup only). */
    public static final int LOAD_PARALLELISM = 8;
    private static final String SOURCE_ACCOUNT = "bench-source";

    /**
     * One phase: wall time of the whole child process, the engine's own time inside it (the
     * figure a running service would see), requests to each server, and items written.
     */
    public record Phase(String name, long wallMillis, long inProcessMillis, long sourceRequests, long targetRequests,
                        long changes, String outcome) {}

    /**
     * The setup figure (not a sync), the target server's own write time when asked for (N PUTs one
     * at a time into a scratch Xandikos calendar, as the engine writes them; -1 when not measured),
     * and the measured phases.
     */
    public record Result(int events, long loadMillis, long targetWriteMillis, List<Phase> phases) {}

    private final Clock clock;
    private final PrintWriter progress;
    private final List<String> childJvmOptions;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param progress        where to say what is happening during the minutes the load can take
     * @param childJvmOptions extra options for each {@code calsync sync} JVM (a profiler, -Xshare…)
     */
    public CalDavBenchmark(Clock clock, PrintWriter progress, List<String> childJvmOptions) {
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
        try (LocalCalDavServer radicale = RadicaleServer.start(); LocalCalDavServer xandikos = XandikosServer.start()) {
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
                    put(xandikos, scratch.resolve(uids.get(i) + ".ics"), texts.get(i), Map.of("If-None-Match", "*"));
                }
                targetWriteMillis = (System.nanoTime() - start) / 1_000_000;
            }

            Path home = Files.createDirectories(workDir.resolve("home"));
            writeConfig(home, radicale, source, xandikos, target);
            List<Phase> phases = new ArrayList<>();
            phases.add(syncProcess("first sync", home, radicale));
            phases.add(syncProcess("no-change re-sync", home, radicale));
            int changed = events / 2;
            put(radicale, source.resolve(uids.get(changed) + ".ics"),
                    texts.get(changed).replaceFirst("SUMMARY:", "SUMMARY:(moved) "), Map.of());
            phases.add(syncProcess("one-change re-sync", home, radicale));
            return new Result(events, loadMillis, targetWriteMillis, phases);
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

    private static void writeConfig(Path home, LocalCalDavServer source, URI sourceCalendar, LocalCalDavServer target,
                                    URI targetCalendar) throws IOException {
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
                  ]
                }
                """.formatted(SOURCE_ACCOUNT, source.baseUrl(), source.username(), target.baseUrl(), SOURCE_ACCOUNT,
                sourceCalendar.getRawPath(), targetCalendar.getRawPath());
        Files.writeString(home.resolve("config.json"), config, StandardCharsets.UTF_8);
    }

    /** Runs {@code java -cp <this class path> com.calsync.App --home HOME sync --json} and reads its report. */
    private Phase syncProcess(String name, Path home, LocalCalDavServer source) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = home.resolve("sync-out.json");
        Path stderr = home.resolve("sync-err.txt");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(childJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.calsync.App", "--home",
                home.toString(), "sync", "--json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("CALSYNC_HOME");
        builder.environment().put(AccountConfig.passwordVariable(SOURCE_ACCOUNT), source.password());
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
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
        return new Phase(name, wallMillis, pair.path("duration_ms").asLong(), pair.path("source").path("requests").asLong(),
                pair.path("target").path("requests").asLong(), changes, pair.path("outcome").asText());
    }
}
