package com.calsync.ui;

import com.calsync.ui.model.AppView;
import java.util.function.Consumer;

/**
 * What the tray app needs from the background service. The service (or a small adapter over
 * {@code com.calsync.service}) implements it; the UI never reaches further down.
 *
 * <p>Every method may block (socket, disk) and is called off the JavaFX thread; observers are
 * called on the service's threads and must hand off to the UI thread themselves.
 */
public interface TrayService {

    /** Calls {@code observer} with the current view at once and with every new one. Close to stop. */
    AutoCloseable subscribe(Consumer<AppView> observer);

    /** Runs every pair now (a run under way finishes first). */
    void syncNow();

    void pause();

    void resume();

    /** Carries out the deletions the guard held back for {@code pair}. */
    void approveDeletions(String pair);

    /** Drops the held deletions for {@code pair}: the items stay; the guard forgets them. */
    void rejectDeletions(String pair);

    /**
     * Whether the user wants desktop notifications (config.json's {@code "app": { "notifications" }}).
     * Cheap: it reads the config the service already holds, so the UI thread may call it.
     */
    default boolean notificationsOn() {
        return true;
    }

    /** Stops the service cleanly (finishes or cancels the run under way); returns when it has stopped. */
    void shutdown();

    /**
     * Runs {@code action} (on any thread) once the service has stopped, whoever stopped it: Quit,
     * {@code calsync stop} over the socket, or a signal. The tray app ends with its service.
     */
    void onStopped(Runnable action);
}
