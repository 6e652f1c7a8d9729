package com.calsync.cli;

import com.calsync.bench.LocalBenchmark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code calsync bench local --events N}: times a folder → folder mirror of N generated events
 * (first mirror, no-change re-sync, one-change re-sync) and prints the figures and peak heap.
 * Figures, not pass/fail: this is how the speed goals are checked on a given machine.
 */
@Command(name = "bench", description = "Print sync timings on generated data (folder → folder).")
final class BenchCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", paramLabel = "KIND", description = "What to benchmark: local (folder → folder).")
    String kind;

    @Option(names = "--events", defaultValue = "10000", description = "How many events to generate (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--from", paramLabel = "DIR", description = "Use the .ics files in DIR instead of generating them.")
    Path from;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work in DIR (kept afterwards) instead of a temp folder.")
    Path dir;

    BenchCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        if (!"local".equals(kind)) {
            environment.err().println("calsync bench: unknown kind " + kind + " (known: local)");
            return ExitCodes.USAGE;
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("calsync-bench");
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
        if (dir == null) {
            deleteTree(work);
        }
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
