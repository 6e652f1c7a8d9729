package com.calsync.bench;

import com.calsync.cli.CliEnvironment;
import com.calsync.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmarks' command line, kept out of the shipped jar (it lives in test scope with the
 * server launchers it needs) and run from the test class path by the {@code bench} Maven profile:
 * <pre>mvn -q -Pbench -Dbench="local --events 10000"</pre>
 * {@code local --events N}: times a folder → folder mirror of N generated events (first mirror,
 * no-change re-sync, one-change re-sync) and prints the figures and peak heap.
 * {@code caldav --events N}: the same phases for a Radicale → Xandikos mirror, each a whole
 * {@code calsync sync} process, with the HTTP requests to each server, the no-change run inside
 * this JVM cold and warm (as the service runs it) and, with {@code --compare vdirsyncer}, the
 * same work done by vdirsyncer ({@link CalDavBenchmark}).
 * {@code startup}: the quick commands as whole processes, per launcher ({@link StartupBenchmark}).
 * Figures, not pass/fail: this is how the speed goals are checked on a given machine.
 */
@Command(name = "bench",
        description = "Print sync timings on generated data (local: folder → folder;"
        + " caldav: Radicale → Xandikos, needs both installed).")
public final class BenchCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", paramLabel = "KIND", description = "What to benchmark: local (folder → folder) or caldav (Radicale → Xandikos).")
    String kind;

    @Option(names = "--events", defaultValue = "10000", description = "How many events to generate (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--from", paramLabel = "DIR", description = "Use the .ics files in DIR instead of generating them.")
    Path from;

    @Option(names = "--baseline", description = "caldav: also time the N PUTs straight to an empty Xandikos"
            + " calendar, one at a time (the server's own write time, the yardstick for the first sync).")
    boolean baseline;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0", description = "caldav: put Xandikos behind a"
            + " proxy that holds each answer back MS milliseconds, as a server far away (default ${DEFAULT-VALUE}:"
            + " straight to it). The baseline, both first syncs and vdirsyncer all go through it.")
    int latencyMillis;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "caldav: pass OPT to each `calsync sync` JVM"
            + " (repeatable), e.g. -XX:TieredStopAtLevel=1 or a profiler.")
    List<String> jvmOptions = new java.util.ArrayList<>();

    @Option(names = "--repeats", defaultValue = "3", description = "caldav: run each no-change phase N times and report"
            + " the median (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--compare", paramLabel = "TOOL", description = "caldav: also time TOOL on the same data (vdirsyncer).")
    String compare;

    @Option(names = "--launcher", paramLabel = "CMD", description = "startup: how to start CalSync, words split at"
            + " spaces (repeatable; default: target/bin/calsync and java -jar target/calsync.jar); caldav: how to"
            + " start each `calsync sync` (default: java on the test class path).")
    List<String> launchers = new java.util.ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work in DIR (kept afterwards) instead of a temp folder.")
    Path dir;

    BenchCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Run by {@code mvn -Pbench}: the arguments come from {@code -Dbench="KIND [options]"}. */
    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cl = new CommandLine(new BenchCommand(environment));
        cl.setOut(environment.out());
        cl.setErr(environment.err());
        return cl;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!"local".equals(kind) && !"caldav".equals(kind) && !"startup".equals(kind)) {
            environment.err().println("bench: unknown kind " + kind + " (known: local, caldav, startup)");
            return ExitCodes.USAGE;
        }
        if (compare != null && !"vdirsyncer".equals(compare)) {
            environment.err().println("bench: --compare knows only vdirsyncer, not " + compare);
            return ExitCodes.USAGE;
        }
        if (repeats < 1) {
            environment.err().println("bench: --repeats must be at least 1");
            return ExitCodes.USAGE;
        }
        if ("caldav".equals(kind) && from != null) {
            environment.err().println("bench caldav: --from is for local only; caldav generates its events");
            return ExitCodes.USAGE;
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("calsync-bench");
        try {
            return switch (kind) {
                case "caldav" -> caldav(work);
                case "startup" -> startup(work);
                default -> local(work);
            };
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
    }

    private int caldav(Path work) throws IOException, InterruptedException {
        PrintWriter out = environment.out();
        out.printf("bench caldav: %d events, Radicale → Xandikos mirror, each phase a new `calsync sync --json` process%n",
                events);
        out.flush();
        CalDavBenchmark.Result result = new CalDavBenchmark(environment.clock(), out, jvmOptions,
                launchers.isEmpty() ? List.of() : List.of(launchers.get(0).trim().split("\\s+")))
                .run(events, work, baseline, repeats, compare != null, java.time.Duration.ofMillis(latencyMillis));
        if (latencyMillis > 0) {
            out.printf("  (Xandikos behind a proxy adding %d ms to each answer)%n", latencyMillis);
        }
        out.printf("  %-20s %7d ms  (%d PUTs straight to Radicale, %d at a time; setup, not a sync)%n",
                "load into Radicale", result.loadMillis(), result.events(), CalDavBenchmark.LOAD_PARALLELISM);
        if (result.targetWriteMillis() >= 0) {
            out.printf("  %-20s %7d ms  (%d PUTs straight to Xandikos, one at a time: the server's own write time)%n",
                    "Xandikos baseline", result.targetWriteMillis(), result.events());
        }
        for (CalDavBenchmark.Phase p : result.phases()) {
            out.printf(java.util.Locale.ROOT,
                    "  %-28s %7d ms wall %6s ms CPU %9.1f ms in sync  requests: Radicale %5d, Xandikos %5d  %6d changes  %s%n",
                    p.name(), p.wallMillis(), p.cpuMillis() < 0 ? "-" : Long.toString(p.cpuMillis()),
                    p.inProcessMicros() / 1000.0, p.sourceRequests(), p.targetRequests(), p.changes(), p.outcome());
        }
        CalDavBenchmark.Phase first = phase(result, CalDavBenchmark.FIRST_SYNC);
        CalDavBenchmark.Phase oneAtATime = phase(result, CalDavBenchmark.FIRST_SYNC_ONE_AT_A_TIME);
        out.printf(java.util.Locale.ROOT, "  first sync with writes in flight (max 4, adaptive): %.2f× the wall time,"
                        + " %.2f× the time in sync of one write at a time (load %s)%n",
                (double) first.wallMillis() / Math.max(1, oneAtATime.wallMillis()),
                (double) first.inProcessMicros() / Math.max(1, oneAtATime.inProcessMicros()), loadAverage());
        result.vdirsyncer().ifPresent(v -> {
            CalDavBenchmark.Phase unchanged = result.phases().stream().filter(p -> p.name().equals("no-change re-sync"))
                    .findFirst().orElseThrow();
            out.printf(java.util.Locale.ROOT, "  vdirsyncer %s, the same Radicale calendar into its own Xandikos calendar,"
                    + " whole processes (CalSync ÷ vdirsyncer):%n", v.version());
            ratio(out, "vdirsyncer first sync", v.firstSync(), first);
            ratio(out, "  … vs CalSync 1 at a time", v.firstSync(), oneAtATime);
            ratio(out, "vdirsyncer no-change", v.noChange(), unchanged);
            result.phases().stream().filter(p -> p.name().equals(CalDavBenchmark.THROUGH_SERVICE)).findFirst()
                    .ifPresent(p -> ratio(out, "  … CalSync's service running", v.noChange(), p));
        });
        out.flush();
        return ExitCodes.OK;
    }

    private static CalDavBenchmark.Phase phase(CalDavBenchmark.Result result, String name) {
        return result.phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).split(" ")[0] : "?";
    }

    private int startup(Path work) throws IOException, InterruptedException {
        PrintWriter out = environment.out();
        List<List<String>> commands = new java.util.ArrayList<>();
        if (launchers.isEmpty()) {
            commands.add(List.of(Path.of("target/bin/calsync").toAbsolutePath().toString()));
            commands.add(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Path.of("target/calsync.jar").toAbsolutePath().toString()));
        } else {
            launchers.forEach(l -> commands.add(List.of(l.trim().split("\\s+"))));
        }
        out.printf("bench startup: quick commands as whole processes, medians of %d (load %s)%n", repeats,
                Files.isReadable(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0] : "?");
        out.flush();
        for (StartupBenchmark.Row row : new StartupBenchmark(out).run(commands, work, repeats)) {
            out.printf(java.util.Locale.ROOT, "  %-26s %6d ms wall %6d ms CPU   %s%n", row.command(), row.median().wallMillis(),
                    row.median().cpuMillis(), row.launcher());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void ratio(PrintWriter out, String name, TimedProcess theirs, CalDavBenchmark.Phase ours) {
        out.printf(java.util.Locale.ROOT, "  %-28s %7d ms wall %6d ms CPU   CalSync: %.2f× the wall time, %.2f× the CPU%n",
                name, theirs.wallMillis(), theirs.cpuMillis(), (double) ours.wallMillis() / theirs.wallMillis(),
                (double) ours.cpuMillis() / Math.max(1, theirs.cpuMillis()));
    }

    private int local(Path work) throws IOException {
        long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
        environment.out().printf("bench local: %s events, folder → folder, in %s (JVM up %d ms, max heap %d MB)%n",
                from != null ? "the" : events, work, jvmMs, Runtime.getRuntime().maxMemory() >> 20);
        environment.out().flush();
        List<LocalBenchmark.Phase> phases = new LocalBenchmark(environment.clock()).run(events, work, from);
        for (LocalBenchmark.Phase p : phases) {
            environment.out().printf("  %-20s %7d ms wall  %7d ms CPU  %6d changes  peak heap %5d MB%n", p.name(),
                    p.millis(), p.cpuMillis(), p.changes(), p.peakHeapBytes() >> 20);
        }
        environment.out().flush();
        return ExitCodes.OK;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
