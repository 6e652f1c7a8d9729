package com.calsync.store.local;

import com.calsync.ical.TimeWindow;
import com.calsync.store.SampleItems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long {@link FolderStore#list} takes over 10 000 files (a benchmark, not a test:
 * timings are not asserted). Run: {@code java -cp <test classpath> com.calsync.store.local.FolderStoreListingBenchmark}.
 */
public final class FolderStoreListingBenchmark {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory("calsync-bench");
        for (int i = 0; i < files; i++) {
            String uid = "bench-" + i + "@example.org";
            Files.writeString(folder.resolve(ItemFileName.forUid(uid)), SampleItems.event(uid, "Item " + i));
        }
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            int listed = store.list(TimeWindow.ALL).etags().size();
            System.out.printf("run %d: listed %d files in %.1f ms%n", run, listed, (System.nanoTime() - start) / 1e6);
        }
        try (var paths = Files.list(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(folder);
    }
}
