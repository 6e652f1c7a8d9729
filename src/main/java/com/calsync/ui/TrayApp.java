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
import java.awt.EventQueue;
import java.awt.SystemTray;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menu-bar app: tray icon, popover, menu, theme and notifications over a {@link TrayService}.
 * In a tray, only the AWT icon starts: it follows the service (image, tooltip, notifications)
 * on AWT's event thread, by push. JavaFX — popover, menu, theme, Settings — starts on the first
 * click ({@link LazyJavaFx}), so an app that is never opened never loads it and nothing ticks
 * while it sits in the tray. Without a tray the popover is a normal window and JavaFX starts at
 * once. JavaFX is started with {@link Platform#startup} rather than as an {@code Application}
 * so the collaborators are passed in, not found through static state.
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
     * @param icon       the tray icon (empty without a system tray)
     * @param popover    the JavaFX side, once built: in a tray on the first click, in a window at once
     */
    public record Running(TrayController controller, Optional<TrayIconView> icon, CompletableFuture<Popover> popover) {
    }

    /**
     * The JavaFX side of the app.
     *
     * @param view   the popover's content
     * @param window the anchored popover window (empty without a system tray)
     * @param menu   the tray icon's menu (empty without a system tray)
     * @param theme  the theme in use
     */
    public record Popover(PopoverView view, Optional<PopoverWindow> window, Optional<TrayMenu> menu, Theme theme) {
    }

    /** Runs until the user quits or the service stops; call from the main thread. */
    public int run() throws InterruptedException {
        CountDownLatch quit = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calsync-ui-work");
            t.setDaemon(true);
            return t;
        });
        LazyJavaFx javaFx = new LazyJavaFx();
        if (SystemTray.isSupported()) {
            startInTray(background, javaFx, quit::countDown);
        } else {
            javaFx.execute(() -> startInWindow(background, quit::countDown));
        }
        quit.await();
        background.shutdown();
        if (javaFx.requested()) {
            Platform.exit();
        }
        return 0;
    }

    /**
     * Shows the tray icon and follows the service with it; builds the JavaFX side on the first
     * click. Any thread; needs a system tray.
     *
     * @param background runs the service calls and file work
     * @param javaFx     the JavaFX thread, started by the first task handed to it ({@link LazyJavaFx})
     * @param onQuit     called once the service has stopped and the UI is closed
     */
    public Running startInTray(Executor background, Executor javaFx, Runnable onQuit) {
        CompletableFuture<Popover> built = new CompletableFuture<>();
        AtomicReference<TrayIconView> trayRef = new AtomicReference<>();
        TrayController controller = new TrayController(service, loginItem, desktop, configFile, logDir, background,
                EventQueue::invokeLater, () -> {
                    trayRef.get().hide();
                    colorScheme.close();
                    if (built.isDone()) {
                        javaFx.execute(() -> {
                            Popover p = built.join();
                            p.menu().ifPresent(TrayMenu::hide);
                            p.window().ifPresent(PopoverWindow::hide);
                            onQuit.run();
                        });
                    } else {
                        onQuit.run();
                    }
                });
        controller.onOpenSettings(() -> javaFx.execute(openSettings));
        double[] lastClick = {0, 0};
        // JavaFX thread: the popover, menu and theme the first time, then the same ones
        Supplier<Popover> popover = () -> {
            if (!built.isDone()) {
                built.complete(buildPopover(controller, javaFx, trayRef.get(), () -> built.join().window().orElseThrow()
                        .showAt(lastClick[0], lastClick[1])));
            }
            return built.join();
        };
        TrayIconView tray = new TrayIconView(new TrayIcons(mac, mac ? 16 : 22), mac, (x, y) -> {
            double iconHeight = trayRef.get().height();
            long clicked = System.nanoTime();
            javaFx.execute(() -> {
                boolean first = !built.isDone();
                Popover p = popover.get();
                p.menu().orElseThrow().hide();
                p.window().orElseThrow().setIconHeight(iconHeight);
                p.window().orElseThrow().toggleAt(x, y);
                if (first) {
                    // the cost of starting JavaFX on the click rather than at launch (tray-test.sh prints it)
                    log.info("popover shown {} ms after the first click (JavaFX started and the popover built for it)",
                            (System.nanoTime() - clicked) / 1_000_000);
                }
            });
        }, (x, y) -> javaFx.execute(() -> {
            Popover p = popover.get();
            p.window().orElseThrow().hide();
            lastClick[0] = x;
            lastClick[1] = y;
            p.menu().orElseThrow().showAt(x, y);
        }), clock);
        trayRef.set(tray);
        if (!mac) {
            // the X11 panel follows the desktop's theme: read its colour again once it has repainted
            // (the Mac's menu bar draws the template image itself; its appearance is read when JavaFX starts)
            colorScheme.onChange(scheme -> tray.matchPanel(java.time.Duration.ofSeconds(1)));
        }
        AtomicReference<AppView> previous = new AtomicReference<>(AppView.starting());
        controller.addViewer(next -> {
            tray.render(next);
            // computed every time, so the view compared with stays current while notifications are off
            List<Notice> notices = Notice.between(previous.getAndSet(next), next);
            for (Notice n : service.notificationsOn() ? notices : List.<Notice>of()) {
                notifier.ifPresentOrElse(d -> background.execute(() -> d.notify(n.title(), n.text())),
                        () -> tray.notify(n));
            }
        });
        tray.show();
        log.info("tray icon added");
        controller.start();
        return new Running(controller, Optional.of(tray), built);
    }

    /** The popover, its menu and the theme, joined to a running controller. JavaFX thread. */
    private Popover buildPopover(TrayController controller, Executor javaFx, TrayIconView tray, Runnable openPopover) {
        Theme theme = new Theme(mac, colorScheme, javaFx);
        PopoverView view = new PopoverView(controller, clock);
        theme.onApplied(scheme -> view.setDark(scheme == Scheme.DARK));
        theme.start();
        PopoverWindow window = new PopoverWindow(view, null);
        SettingsShortcut.install(window.stage().getScene(), openSettings);
        TrayMenu menu = new TrayMenu(menuEntries(view, openPopover));
        window.stage().showingProperty().addListener((o, was, now) -> EventQueue.invokeLater(() -> tray.suppressTooltip(now)));
        // drawn before it first shows; the controller then calls its viewers on AWT's event thread,
        // and this side lives on JavaFX's
        controller.latestView().ifPresent(view::render);
        controller.addViewer(next -> javaFx.execute(() -> {
            view.render(next);
            window.fitToContent();
            menu.setText("pauseResume", next.paused() ? "Resume" : "Pause");
            menu.setDisabled("syncNow", next.pairs().isEmpty());
        }));
        controller.addLoginItemViewer(on -> javaFx.execute(() -> view.showOpenAtLogin(on)));
        controller.addOpenFailureViewer((path, why) -> javaFx.execute(() -> view.showOpenFailure(path, why)));
        log.info("popover built");
        return new Popover(view, Optional.of(window), Optional.of(menu), theme);
    }

    /**
     * No tray host (a bare X server, some Wayland desktops): the popover as a normal window, with
     * JavaFX at once. JavaFX thread only, with the platform started.
     *
     * @param background runs the service calls and file work
     * @param onQuit     called (on the JavaFX thread) once the service has stopped and the UI is closed
     */
    public Running startInWindow(Executor background, Runnable onQuit) {
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
        controller.start();
        return new Running(controller, Optional.empty(),
                CompletableFuture.completedFuture(new Popover(view, Optional.empty(), Optional.empty(), theme)));
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
