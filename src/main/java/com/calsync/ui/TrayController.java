package com.calsync.ui;

import com.calsync.autostart.LoginItem;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.PopoverActions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray app's behaviour without its widgets: takes the service's views to the UI thread,
 * and carries out what the popover and menu ask for on a background executor (the service,
 * the login item and the desktop may all block). When the service stops — by Quit, by
 * {@code calsync stop} or by a signal — the UI ends too, so no icon is left behind that does
 * nothing.
 */
public final class TrayController implements PopoverActions {
    private static final Logger log = LoggerFactory.getLogger(TrayController.class);

    private final TrayService service;
    private final LoginItem loginItem;
    private final DesktopOpener desktop;
    private final Path configFile;
    private final Path logDir;
    private final Executor background;
    private final Executor uiThread;
    private final Runnable exit;
    private final AtomicBoolean exited = new AtomicBoolean();
    private final List<Consumer<AppView>> viewers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> loginItemViewers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Path, String>> openFailureViewers = new CopyOnWriteArrayList<>();
    private volatile AutoCloseable subscription;
    /** The newest view and login-item state, for viewers that join late; written on the UI thread. */
    private volatile AppView latestView;
    private volatile Boolean latestLoginItem;
    private volatile Runnable settingsOpener = () -> log.warn("no Settings window in this app");

    /**
     * @param service    the background service
     * @param loginItem  this platform's login item, for "Open at login"
     * @param desktop    opens config.json and the log folder
     * @param configFile config.json
     * @param logDir     the log folder
     * @param background runs anything that may block
     * @param uiThread   the UI thread viewers are called on: AWT's event thread in the tray (JavaFX
     *                   starts only when the popover is first opened), the JavaFX thread in a window
     * @param exit       ends the UI once the service has stopped (called once, on the UI thread)
     */
    public TrayController(TrayService service, LoginItem loginItem, DesktopOpener desktop, Path configFile, Path logDir,
                          Executor background, Executor uiThread, Runnable exit) {
        this.service = service;
        this.loginItem = loginItem;
        this.desktop = desktop;
        this.configFile = configFile;
        this.logDir = logDir;
        this.background = background;
        this.uiThread = uiThread;
        this.exit = exit;
    }

    /**
     * {@code viewer} gets every new view on the UI thread. One added after {@link #start()} (the
     * popover, built when it is first opened) gets the newest view at once, then every new one.
     */
    public void addViewer(Consumer<AppView> viewer) {
        viewers.add(viewer);
        if (latestView != null) {
            // read on the UI thread, so no newer view can slip between this and the next delivery
            uiThread.execute(() -> viewer.accept(latestView));
        }
    }

    /** The newest view the viewers were given; empty before the service's first. */
    public Optional<AppView> latestView() {
        return Optional.ofNullable(latestView);
    }

    /** {@code opener} shows the Settings window; it runs on the UI thread. Set before {@link #start()}. */
    public void onOpenSettings(Runnable opener) {
        settingsOpener = opener;
    }

    /** {@code viewer} learns on the UI thread whether CalSync starts at login (at once, when already known). */
    public void addLoginItemViewer(Consumer<Boolean> viewer) {
        loginItemViewers.add(viewer);
        if (latestLoginItem != null) {
            uiThread.execute(() -> viewer.accept(latestLoginItem));
        }
    }

    /** {@code viewer} learns on the UI thread which file could not be opened, and why, to offer its path instead. */
    public void addOpenFailureViewer(BiConsumer<Path, String> viewer) {
        openFailureViewers.add(viewer);
    }

    /** Subscribes to the service and reads the login item's state, both off the UI thread. */
    public void start() {
        service.onStopped(() -> {
            log.info("the service has stopped; closing the menu-bar app");
            exitOnce();
        });
        background.execute(() -> {
            subscription = service.subscribe(view -> uiThread.execute(() -> {
                latestView = view;
                viewers.forEach(v -> v.accept(view));
            }));
            publishLoginItem(loginItem.status().installed());
        });
    }

    private void exitOnce() {
        if (exited.compareAndSet(false, true)) {
            uiThread.execute(exit);
        }
    }

    private void publishLoginItem(boolean installed) {
        uiThread.execute(() -> {
            latestLoginItem = installed;
            loginItemViewers.forEach(v -> v.accept(installed));
        });
    }

    @Override
    public void syncNow() {
        background.execute(service::syncNow);
    }

    @Override
    public void togglePause(boolean currentlyPaused) {
        background.execute(currentlyPaused ? service::resume : service::pause);
    }

    @Override
    public void approveDeletions(String pair) {
        background.execute(() -> service.approveDeletions(pair));
    }

    @Override
    public void rejectDeletions(String pair) {
        background.execute(() -> service.rejectDeletions(pair));
    }

    @Override
    public void openConfig() {
        open(configFile);
    }

    @Override
    public void openLogs() {
        open(logDir);
    }

    private void open(Path path) {
        background.execute(() -> {
            try {
                desktop.open(path);
            } catch (Exception e) {
                log.warn("cannot open {}: {}", path, e.getMessage());
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.execute(() -> openFailureViewers.forEach(v -> v.accept(path, why)));
            }
        });
    }

    @Override
    public void openSettings() {
        uiThread.execute(settingsOpener);
    }

    @Override
    public void setOpenAtLogin(boolean on) {
        background.execute(() -> {
            boolean installed;
            try {
                installed = (on ? loginItem.install() : loginItem.uninstall()).installed();
                log.info("open at login {}: {}", on ? "on" : "off", loginItem.status().describe());
            } catch (Exception e) {
                log.warn("cannot {} the login item: {}", on ? "install" : "remove", e.getMessage());
                installed = loginItem.status().installed();
            }
            publishLoginItem(installed);
        });
    }

    /** Stops the service cleanly, then the UI; the tray's own exit (System.exit) is never used. */
    @Override
    public void quit() {
        background.execute(() -> {
            try {
                AutoCloseable s = subscription;
                if (s != null) {
                    s.close();
                }
                service.shutdown();
            } catch (Exception e) {
                log.warn("the service did not stop cleanly: {}", e.getMessage());
            } finally {
                exitOnce();
            }
        });
    }
}
