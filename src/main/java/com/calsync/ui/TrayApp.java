package com.calsync.ui;

import com.calsync.autostart.LoginItem;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.Notice;
import com.calsync.ui.popover.PopoverView;
import com.calsync.ui.popover.PopoverWindow;
import com.calsync.ui.settings.SettingsShortcut;
import com.calsync.ui.tray.TrayIconView;
import com.calsync.ui.tray.TrayIcons;
import com.dustinredmond.fxtrayicon.FXTrayIcon;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menu-bar app: tray icon, popover and notifications over a {@link TrayService}. Started
 * with {@link Platform#startup} rather than as an {@code Application} so its collaborators are
 * passed in, not found through static state.
 *
 * @param service    the background service
 * @param loginItem  "Open at login"
 * @param desktop    opens config.json and the logs
 * @param configFile config.json
 * @param logDir     the log folder
 * @param clock      "now" for the times shown, in its zone
 * @param mac        use macOS template icons (16 px menu bar) instead of coloured 22 px ones
 * @param openSettings shows the Settings window (on the JavaFX thread): the popover's Settings…, the menu's, ⌘,
 */
public record TrayApp(TrayService service, LoginItem loginItem, DesktopOpener desktop, Path configFile, Path logDir,
                      Clock clock, boolean mac, Runnable openSettings) {
    private static final Logger log = LoggerFactory.getLogger(TrayApp.class);

    /**
     * The running UI.
     *
     * @param controller what the controls call
     * @param view       the popover's content
     * @param popover    the anchored popover window (empty without a system tray)
     * @param icon       the tray icon (empty without a system tray)
     */
    public record Running(TrayController controller, PopoverView view, Optional<PopoverWindow> popover,
                          Optional<TrayIconView> icon) {
    }

    /** Runs until the user quits; call from the main thread. */
    public int run() throws InterruptedException {
        CountDownLatch quit = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calsync-ui-work");
            t.setDaemon(true);
            return t;
        });
        Platform.setImplicitExit(false);
        Platform.startup(() -> start(background, quit::countDown));
        quit.await();
        background.shutdown();
        Platform.exit();
        return 0;
    }

    /**
     * Builds and shows the UI. JavaFX thread only, with the platform already started.
     *
     * @param background runs the service calls and file work
     * @param onQuit     called (on the JavaFX thread) once Quit has stopped the service and closed the UI
     */
    public Running start(Executor background, Runnable onQuit) {
        Platform.setImplicitExit(false);
        AtomicReference<Runnable> closeUi = new AtomicReference<>(() -> { });
        TrayController controller = new TrayController(service, loginItem, desktop, configFile, logDir, background,
                Platform::runLater, () -> {
                    closeUi.get().run();
                    onQuit.run();
                });
        controller.onOpenSettings(openSettings);
        PopoverView view = new PopoverView(controller, clock);
        controller.addViewer(view::render);
        controller.addLoginItemViewer(view::showOpenAtLogin);

        Running running;
        if (FXTrayIcon.isSupported()) {
            PopoverWindow popover = new PopoverWindow(view, null);
            SettingsShortcut.install(popover.stage().getScene(), openSettings);
            TrayIconView tray = new TrayIconView(new Stage(), new TrayIcons(mac, mac ? 16 : 22), controller, popover::toggleAt, clock);
            controller.addViewer(v -> popover.fitToContent());
            AtomicReference<AppView> previous = new AtomicReference<>(AppView.starting());
            controller.addViewer(next -> {
                tray.render(next);
                List<Notice> notices = Notice.between(previous.getAndSet(next), next);
                if (service.notificationsOn()) {
                    notices.forEach(tray::notify);
                }
            });
            closeUi.set(() -> {
                popover.hide();
                tray.hide();
            });
            tray.show();
            log.info("tray icon added");
            running = new Running(controller, view, Optional.of(popover), Optional.of(tray));
        } else {
            // no tray host (a bare X server, some Wayland desktops): the popover as a normal window
            log.warn("this desktop has no system tray; showing CalSync in a window instead (closing it quits)");
            Stage window = new Stage();
            window.setTitle("CalSync");
            window.setScene(new Scene(view.root()));
            SettingsShortcut.install(window.getScene(), openSettings);
            window.setOnCloseRequest(e -> {
                e.consume();
                controller.quit();
            });
            closeUi.set(window::hide);
            window.show();
            running = new Running(controller, view, Optional.empty(), Optional.empty());
        }
        controller.start();
        return running;
    }
}
