package com.calsync.service.setup;

import com.calsync.service.CalSyncService;
import com.calsync.sync.SyncReport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** How a saved config reaches the running service: its reload path, then a run of the new pair. */
public interface SyncTrigger {
    /** Reads config.json now (what the service's own watcher would do within two seconds). */
    void reload();

    /** Runs {@code pair} now; completes with its report. */
    CompletableFuture<List<SyncReport>> syncNow(String pair);

    /** The service running in this process (the menu-bar app's). */
    static SyncTrigger of(CalSyncService service) {
        return new SyncTrigger() {
            @Override
            public void reload() {
                service.reload();
            }

            @Override
            public CompletableFuture<List<SyncReport>> syncNow(String pair) {
                return service.syncNow(Optional.of(pair));
            }
        };
    }
}
