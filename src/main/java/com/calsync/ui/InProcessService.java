package com.calsync.ui;

import com.calsync.service.CalSyncService;
import com.calsync.service.ServiceSnapshot;
import com.calsync.sync.HeldDeletions;
import com.calsync.ui.model.AppView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@link TrayService} of the tray app: the {@link CalSyncService} running in this process,
 * with the newest log lines from {@link RecentLog}. A new view goes out on every snapshot and
 * every log line.
 */
public final class InProcessService implements TrayService {
    private final CalSyncService service;
    private final RecentLog log;

    public InProcessService(CalSyncService service, RecentLog log) {
        this.service = service;
        this.log = log;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppView> observer) {
        AtomicReference<ServiceSnapshot> latest = new AtomicReference<>(Optional.ofNullable(service.latest()).orElseGet(service::snapshot));
        Object lock = new Object();
        Runnable publish = () -> {
            synchronized (lock) {
                observer.accept(SnapshotView.from(latest.get(), log.lines()));
            }
        };
        AutoCloseable snapshots = service.subscribe(s -> {
            latest.set(s);
            publish.run();
        });
        log.onChange(lines -> publish.run());
        publish.run();
        return () -> {
            log.onChange(lines -> { });
            snapshots.close();
        };
    }

    @Override
    public void syncNow() {
        service.syncNow(Optional.empty());
    }

    @Override
    public void pause() {
        service.pause();
    }

    @Override
    public void resume() {
        service.resume();
    }

    @Override
    public void approveDeletions(String pair) {
        service.resolveHeldDeletions(pair, HeldDeletions.APPROVE);
    }

    @Override
    public void rejectDeletions(String pair) {
        service.resolveHeldDeletions(pair, HeldDeletions.REJECT);
    }

    @Override
    public boolean notificationsOn() {
        return service.config().map(c -> c.app().notifications()).orElse(true);
    }

    @Override
    public void shutdown() {
        service.stop();
        service.awaitStopped();
    }

    @Override
    public void onStopped(Runnable action) {
        service.onStopped(action);
    }

    /** For tests: the log lines the views carry. */
    List<AppView.LogLine> logLines() {
        return log.lines();
    }
}
