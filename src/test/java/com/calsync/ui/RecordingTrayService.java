package com.calsync.ui;

import com.calsync.ui.model.AppView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Stands in for the background service: pushes the views a test gives it and records requests. */
final class RecordingTrayService implements TrayService {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Consumer<AppView>> observers = new CopyOnWriteArrayList<>();
    private volatile AppView current = AppView.starting();

    /** Publishes {@code view} as the service would, from a thread of its own. */
    void push(AppView view) {
        current = view;
        Thread t = new Thread(() -> observers.forEach(o -> o.accept(view)), "fake-service");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppView> observer) {
        observers.add(observer);
        observer.accept(current);
        return () -> observers.remove(observer);
    }

    @Override
    public void syncNow() {
        calls.add("syncNow");
    }

    @Override
    public void pause() {
        calls.add("pause");
    }

    @Override
    public void resume() {
        calls.add("resume");
    }

    @Override
    public void approveDeletions(String pair) {
        calls.add("approve " + pair);
    }

    @Override
    public void rejectDeletions(String pair) {
        calls.add("reject " + pair);
    }

    private final List<Runnable> whenStopped = new CopyOnWriteArrayList<>();

    @Override
    public void shutdown() {
        calls.add("shutdown");
        stopFromOutside();
    }

    @Override
    public void onStopped(Runnable action) {
        whenStopped.add(action);
    }

    /** The service stops as `calsync stop` stops it: not through the UI. */
    void stopFromOutside() {
        whenStopped.forEach(Runnable::run);
    }
}
