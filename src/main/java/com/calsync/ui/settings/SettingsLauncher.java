package com.calsync.ui.settings;

import com.calsync.autostart.LoginItem;
import com.calsync.service.setup.SetupService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens the Settings window from the popover, the tray menu or ⌘,: built on first use (the menu-bar
 * app starts without paying for it), then shown again. Service calls run on a thread of its own,
 * so a slow sign-in never holds up the popover's buttons; the same thread looks for outside edits
 * of config.json every two seconds while the window is open (and is not even woken while it is closed).
 */
public final class SettingsLauncher {
    /** How often an open window looks for an outside edit of config.json (as often as the service does). */
    static final long OUTSIDE_EDIT_POLL_SECONDS = 2;

    private final SetupService setup;
    private final LoginItem loginItem;
    private final Desktop desktop;
    private final Executor uiThread;
    private ScheduledExecutorService work;
    private SettingsWindow window;
    private ScheduledFuture<?> outsideEditPoll;

    /** A launcher whose window is driven on the JavaFX thread. */
    public SettingsLauncher(SetupService setup, LoginItem loginItem, Desktop desktop) {
        this(setup, loginItem, desktop, javafx.application.Platform::runLater);
    }

    /** @param uiThread the JavaFX thread ({@code Platform::runLater}) */
    public SettingsLauncher(SetupService setup, LoginItem loginItem, Desktop desktop, Executor uiThread) {
        this.setup = setup;
        this.loginItem = loginItem;
        this.desktop = desktop;
        this.uiThread = uiThread;
    }

    /** Shows the window, building it the first time. JavaFX thread only. */
    public SettingsWindow show() {
        if (window == null) {
            work = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "calsync-settings");
                t.setDaemon(true);
                return t;
            });
            window = new SettingsWindow(setup, loginItem, desktop, work, uiThread);
            SettingsWindow built = window;
            // polls only while the window is up: a closed window costs nothing, not even a wake-up
            built.stage().showingProperty().addListener((o, was, now) -> pollForOutsideEdits(built, now));
            pollForOutsideEdits(built, built.stage().isShowing());
        }
        window.show();
        return window;
    }

    private void pollForOutsideEdits(SettingsWindow built, boolean on) {
        if (on && outsideEditPoll == null) {
            outsideEditPoll = work.scheduleWithFixedDelay(() -> {
                if (built.isOpen()) {
                    uiThread.execute(built::checkForOutsideEdits);
                }
            }, OUTSIDE_EDIT_POLL_SECONDS, OUTSIDE_EDIT_POLL_SECONDS, TimeUnit.SECONDS);
        } else if (!on && outsideEditPoll != null) {
            outsideEditPoll.cancel(false);
            outsideEditPoll = null;
        }
    }

    /** Whether config.json is being watched for outside edits (only while the window is up). JavaFX thread. */
    boolean pollingForOutsideEdits() {
        return outsideEditPoll != null;
    }

    /** Closes the window and stops its thread (at Quit). JavaFX thread only. */
    public void close() {
        if (window != null) {
            window.stage().hide();
        }
        if (work != null) {
            work.shutdownNow();
        }
    }
}
