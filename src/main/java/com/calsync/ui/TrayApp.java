package com.calsync.ui;

import com.calsync.autostart.LoginItem;
import com.calsync.platform.ColorSchemeSource;
import com.calsync.platform.ColorSchemeSource.Scheme;
import com.calsync.platform.DesktopNotifier;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.Notice;
import com.calsync.ui.popover.PopoverView;
import com.calsync.ui.popover.PopoverWindow;
import com.calsync.ui.theme.Theme;
import com.calsync.ui.settings.SettingsShortcut;
import com.calsync.ui.tray.TrayIconView;
import com.calsync.ui.tray.TrayIcons;
import com.calsync.ui.tray.TrayMenu;
import java.awt.SystemTray;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * The menu-bar app: tray icon, popover, menu, theme and notifications over a {@link TrayService}.
 * Started with {@link Platform#startup} rather than as an {@code Application} so its
 * collaborators are passed in, not found through static state.
 *
 * @param service      the background service
 * @param loginItem    "Open at login"
 * @param desktop      opens config.json and the logs
 * @param configFile   config.json
 * @param logDir       the log folder
 * @param clock        "now" for the times shown, in its zone
 * @param mac          macOS: template icons (16 px menu bar), Cupertino, the popover on mouse-down
 * @param colorScheme  the desktop's light/dark setting, followed live
 * @param notifier     the desktop's notification service; without one, AWT's tray balloons
 * @param openSettings shows the Settings window (on the JavaFX thread): the popover's Settings…, the menu's, ⌘,
 */
public record TrayApp(TrayService service, LoginItem loginItem, DesktopOpener desktop, Path configFile, Path logDir,
                      Clock clock, boolean mac, ColorSchemeSource colorScheme, Optional<DesktopNotifier> notifier,
                      Runnable openSettings) {
    private static final Logger log = LoggerFactory.getLogger(TrayApp.class);

    /**
     * The running UI.
     *
     * @param controller what the controls call
     * @param view       the popover's content
     * @param popover    the anchored popover window (empty without a system tray)
     * @param icon       the tray icon (empty without a system tray)
     * @param menu       the tray icon's menu (empty without a system tray)
     * @param theme      the theme in use
     */
    public record Running(TrayController controller, PopoverView view, Optional<PopoverWindow> popover,
                          Optional<TrayIconView> icon, Optional<TrayMenu> menu, Theme theme) {
    }

    /** Runs until the user quits or the service stops; call from the main thread. */
    public int run() throws InterruptedException {
        CountDownLatch quit = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calsync-ui-work");
            t.setDaemon(true);
            return t;
        });
        Platform.setImplicitExit(false);
        JavaFxStartup.startup(() -> start(background, quit::countDown));
        quit.await();
        background.shutdown();
        Platform.exit();
        return 0;
    }

    /**
     * Builds and shows the UI. JavaFX thread only, with the platform already started.
     *
     * @param background runs the service calls and file work
     * @param onQuit     called (on the JavaFX thread) once the service has stopped and the UI is closed
     */
    public Running start(Executor background, Runnable onQuit) {
        Platform.setImplicitExit(false);
        Theme theme = new Theme(mac, colorScheme, Platform::runLater);
        AtomicReference<Runnable> closeUi = new AtomicReference<>(() -> { });
        TrayController controller = new TrayController(service, loginItem, desktop, configFile, logDir, background,
                Platform::runLater, () -> {
                    closeUi.get().run();
                    theme.close();
                    onQuit.run();
                });
        controller.onOpenSettings(openSettings);
        PopoverView view = new PopoverView(controller, clock);
        theme.onApplied(scheme -> view.setDark(scheme == Scheme.DARK));
        theme.start();
        controller.addViewer(view::render);
        controller.addLoginItemViewer(view::showOpenAtLogin);
        controller.addOpenFailureViewer(view::showOpenFailure);

        Running running;
        if (SystemTray.isSupported()) {
            PopoverWindow popover = new PopoverWindow(view, null);
            SettingsShortcut.install(popover.stage().getScene(), openSettings);
            AtomicReference<TrayIconView> trayRef = new AtomicReference<>();
            double[] lastClick = {0, 0};
            TrayMenu menu = new TrayMenu(menuEntries(view, () -> popover.showAt(lastClick[0], lastClick[1])));
            TrayIconView tray = new TrayIconView(new TrayIcons(mac, mac ? 16 : 22), mac, (x, y) -> {
                menu.hide();
                popover.setIconHeight(trayRef.get().height());
                popover.toggleAt(x, y);
            }, (x, y) -> {
                popover.hide();
                lastClick[0] = x;
                lastClick[1] = y;
                menu.showAt(x, y);
            }, clock);
            trayRef.set(tray);
            // the panel follows the desktop's theme too: read its colour again once it has repainted
            theme.onApplied(scheme -> tray.matchPanel(java.time.Duration.ofSeconds(1)));
            popover.stage().showingProperty().addListener((o, was, now) -> tray.suppressTooltip(now));
            controller.addViewer(v -> popover.fitToContent());
            AtomicReference<AppView> previous = new AtomicReference<>(AppView.starting());
            controller.addViewer(next -> {
                tray.render(next);
                menu.setText("pauseResume", next.paused() ? "Resume" : "Pause");
                menu.setDisabled("syncNow", next.pairs().isEmpty());
                // computed every time, so the view compared with stays current while notifications are off
                List<Notice> notices = Notice.between(previous.getAndSet(next), next);
                for (Notice n : service.notificationsOn() ? notices : List.<Notice>of()) {
                    notifier.ifPresentOrElse(d -> background.execute(() -> d.notify(n.title(), n.text())),
                            () -> tray.notify(n));
                }
            });
            closeUi.set(() -> {
                menu.hide();
                popover.hide();
                tray.hide();
            });
            tray.show();
            log.info("tray icon added");
            running = new Running(controller, view, Optional.of(popover), Optional.of(tray), Optional.of(menu), theme);
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
            running = new Running(controller, view, Optional.empty(), Optional.empty(), Optional.empty(), theme);
        }
        controller.start();
        return running;
    }

    /** The tray menu: "Open CalSync", then the popover's own footer actions (Quit after a separator). */
    private static List<TrayMenu.Entry> menuEntries(PopoverView view, Runnable openPopover) {
        List<TrayMenu.Entry> entries = new ArrayList<>();
        entries.add(new TrayMenu.Entry("openPopover", "Open CalSync", openPopover));
        entries.add(null);
        for (PopoverView.FooterAction a : view.footerActions()) {
            if (a.id().equals("quit")) {
                entries.add(null);
            }
            entries.add(new TrayMenu.Entry(a.id(), a.id().equals("quit") ? "Quit CalSync" : a.text(), a.run()));
        }
        return entries;
    }
}
