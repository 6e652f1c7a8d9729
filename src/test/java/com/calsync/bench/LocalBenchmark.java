package com.calsync.bench;

import com.calsync.store.local.FolderStore;
import com.calsync.sync.IcalKit;
import com.calsync.sync.Journal;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Folder → folder mirror of generated events, timed phase by phase inside one JVM: the first
 * mirror, a re-sync with nothing changed, and a re-sync after one item changed.
 */
public final class LocalBenchmark {

    /**
     * One measured phase: wall time, CPU time of the whole process (a steadier figure on a busy
     * machine), items written, and the peak heap used during it.
     */
    public record Phase(String name, long millis, long cpuMillis, long changes, long peakHeapBytes) {}

    private final Clock clock;

    public LocalBenchmark(Clock clock) {
        this.clock = clock;
    }

    /** Runs the phases in {@code workDir} (which must be empty or missing) over {@code events} items. */
    public List<Phase> run(int events, Path workDir, Path existingItems) throws IOException {
        Path source = workDir.resolve("source");
        Path target = workDir.resolve("target");
        List<String> uids;
        if (existingItems != null) {
            source = existingItems;
            uids = null;
        } else {
            uids = new EventGenerator(42, clock.instant()).writeVdir(events, source);
        }
        Files.createDirectories(target);
        SyncEngine engine = new SyncEngine(IcalKit.standard(clock.getZone()), new Journal(workDir.resolve("journal"), clock), clock);
        SyncPair pair = new SyncPair("bench", new FolderStore(source, clock), new FolderStore(target, clock),
                SyncPolicy.defaults(SyncMode.MIRROR));
        List<Phase> phases = new ArrayList<>();
        try (StatusDb db = StatusDb.open(workDir.resolve("bench.db"))) {
            phases.add(measure("first mirror", () -> engine.sync(pair, db, SyncOptions.normal())));
            phases.add(measure("no-change re-sync", () -> engine.sync(pair, db, SyncOptions.normal())));
            Path changed = uids != null ? source.resolve(uids.get(uids.size() / 2) + ".ics")
                    : Files.list(source).filter(p -> p.toString().endsWith(".ics")).findFirst().orElseThrow();
            String text = Files.readString(changed, StandardCharsets.UTF_8);
            Files.writeString(changed, text.replaceFirst("SUMMARY:", "SUMMARY:(moved) "), StandardCharsets.UTF_8);
            phases.add(measure("one-change re-sync", () -> engine.sync(pair, db, SyncOptions.normal())));
        }
        return phases;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static Phase measure(String name, java.util.function.Supplier<SyncReport> run) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        SyncReport report = run.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (report.failure() != null) {
            throw new IllegalStateException(name + " failed: " + report.failure());
        }
        return new Phase(name, millis, cpuMillis, report.changes().size(), peak);
    }
}
