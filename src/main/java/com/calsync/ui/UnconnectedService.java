package com.calsync.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in {@link TrayService} for when no background service is wired in: the tray shows
 * that nothing syncs and says how to sync by hand. Replaced by the adapter over
 * {@code com.calsync.service.CalSyncService}.
 */
public final class UnconnectedService implements TrayService {
    private static final Logger log = LoggerFactory.getLogger(UnconnectedService.class);
    private final Clock clock;

    public UnconnectedService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppView> observer) {
        observer.accept(new AppView(TrayState.PAUSED, "Not syncing: no background service", true, Optional.empty(),
                Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(new AppView.LogLine(clock.instant(), AppView.LogLevel.WARN,
                        "The tray runs without the background service; run `calsync sync` to sync by hand."))));
        return () -> { };
    }

    @Override
    public void syncNow() {
        log.warn("Sync now: no background service runs in this build; use `calsync sync`");
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void approveDeletions(String pair) {
        log.warn("no background service: approve with `calsync sync --approve-deletions {}`", pair);
    }

    @Override
    public void rejectDeletions(String pair) {
        log.warn("no background service: reject with `calsync sync --reject-deletions {}`", pair);
    }

    @Override
    public void shutdown() {
    }
}
