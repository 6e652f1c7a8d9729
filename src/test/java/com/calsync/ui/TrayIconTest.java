package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.testing.Await;
import com.calsync.ui.model.TrayState;
import com.calsync.ui.tray.TrayIconView;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tray icon on a real X server with a tray host (Xvfb + trayer, see
 * packaging/linux/tray-test.sh): the icon appears and follows the service with JavaFX not yet
 * started, the first click starts JavaFX and opens the popover, Esc closes it, and
 * Quit stops the service while JavaFX stays up (FXTrayIcon's hide() would turn implicit exit on);
 * the icon's background takes the panel's colour.
 */
@Tag("tray")
@Tag("external")
class TrayIconTest {
    @TempDir
    Path home;

    @BeforeAll
    static void needsADisplay() {
        assumeTrue(System.getenv("DISPLAY") != null, "needs DISPLAY with a tray host (packaging/linux/tray-test.sh)");
        // as the app does before AWT starts: AWT must load the GTK that JavaFX can start beside
        TrayLauncher.awtProperties(System.getProperty(TrayLauncher.GTK_VERSION), System.getProperty(TrayLauncher.ROBOT_GTK)).forEach(System::setProperty);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(30), condition);
    }

    private static final Pattern GEOMETRY = Pattern.compile("\\s(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)");

    /**
     * Where the tray host put the icon: AWT's embedded frame once it sits inside trayer's panel
     * (before the host reparents it, the frame is briefly elsewhere and takes no clicks), and the
     * panel around it.
     */
    private record Placed(Rectangle panel, Rectangle frame) {
        Point centre() {
            return new Point(frame.x + frame.width / 2, frame.y + frame.height / 2);
        }
    }

    private static Optional<Placed> placed() {
        try {
            Process p = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
            Rectangle panel = null;
            Rectangle frame = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = GEOMETRY.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    Rectangle found = new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    if (line.contains("(\"panel\" \"trayer\")")) {
                        panel = found;
                    } else if (line.contains("\"JavaEmbeddedFrame\"")) {
                        frame = found;
                    }
                }
            }
            return panel != null && frame != null && panel.contains(new Placed(panel, frame).centre())
                    ? Optional.of(new Placed(panel, frame)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Whether the icon's tooltip is up: on X11 a window of AWT's own. */
    private static boolean tooltipShown() {
        return java.util.Arrays.stream(java.awt.Window.getWindows())
                .anyMatch(w -> w.getClass().getName().equals("sun.awt.X11.InfoWindow$Tooltip") && w.isVisible());
    }

    private static com.calsync.ui.popover.PopoverWindow window(TrayApp.Running running) {
        return running.popover().join().window().orElseThrow();
    }

    private static <T> T onAwt(Callable<T> work) {
        try {
            java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
            java.awt.EventQueue.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Point> iconCentre() {
        return placed().map(Placed::centre);
    }

    @Test
    void theIconFollowsTheServiceWithoutJavaFxAndTheFirstClickStartsItAndOpensThePopover() throws Exception {
        assumeTrue(java.awt.SystemTray.isSupported(), "no tray host on this display (start trayer)");
        RecordingTrayService service = new RecordingTrayService();
        ExecutorService background = Executors.newSingleThreadExecutor();
        AtomicBoolean quit = new AtomicBoolean();
        TrayApp app = new TrayApp(service, new XdgAutostartLoginItem(home, new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)),
                path -> { }, home.resolve("config.json"), home.resolve("logs"), UiTestClock.fixed(), false,
                new FixedScheme(com.calsync.platform.ColorSchemeSource.Scheme.LIGHT), Optional.empty(), () -> { });

        LazyJavaFx javaFx = new LazyJavaFx();
        TrayApp.Running running = app.startInTray(background, javaFx, () -> quit.set(true));
        assertThat(running.icon()).isPresent();
        Supplier<Boolean> popoverShowing = () -> running.popover().isDone() && window(running).isShowing();
        // fifteen pairs: more than an 800 px screen (tray-test.sh's Xvfb) has room for
        List<com.calsync.ui.model.AppView.PairView> pairs = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            pairs.add(i % 5 == 0 ? Views.failing("calendar-" + i, Views.T0, "401 Unauthorized", "check the password")
                    : Views.ok("pair-" + i, Views.T0, "no changes"));
        }
        service.push(Views.view(TrayState.ERROR, "3 pairs failing", false, pairs, 3, Optional.empty()));
        await("the tray host shows the icon", () -> running.icon().orElseThrow().isShowing() && iconCentre().isPresent());
        TrayIconView icon0 = running.icon().orElseThrow();
        await("the icon shows the pushed state", () -> onAwt(icon0::shownState) == TrayState.ERROR
                && onAwt(icon0::shownTooltip).startsWith("CalSync — 3 pairs failing"));
        // nothing of JavaFX yet: no toolkit asked for, no popover built, until the icon is clicked
        assertThat(javaFx.requested()).as("JavaFX is asked for only by a click").isFalse();
        assertThat(running.popover()).isNotDone();
        Point icon = iconCentre().orElseThrow();

        Robot robot = new Robot();
        // X11 gives the icon an opaque window of AWT's (light grey): its background must become
        // the panel's (TrayIconBackground), here a dark one (tray-test.sh tints trayer 0x333333)
        Placed at = placed().orElseThrow();
        int belowOrAbove = at.frame().y + at.frame().height < at.panel().y + at.panel().height
                ? at.frame().y + at.frame().height : at.frame().y - 1;
        Color panel = robot.getPixelColor(at.centre().x, belowOrAbove);
        assertThat(panel.getRed() + panel.getGreen() + panel.getBlue()).as("trayer's panel is dark: " + panel).isLessThan(3 * 128);
        await("the icon's corner shows the panel's colour " + panel,
                () -> robot.getPixelColor(at.frame().x + 1, at.frame().y + 1).equals(panel));
        robot.setAutoDelay(150);
        // a user rests the pointer on the icon first: its tooltip comes up (AWT: after 1 s)
        for (int attempt = 0; attempt < 10 && !tooltipShown(); attempt++) {
            robot.mouseMove(icon.x - 40, icon.y + 100);
            robot.mouseMove(icon.x, icon.y);
            Await.within(Duration.ofSeconds(3), TrayIconTest::tooltipShown);
        }
        await("the icon's tooltip comes up", TrayIconTest::tooltipShown);
        long tooltipUp = System.nanoTime();
        // the tray host embeds the icon a moment before it takes clicks: click as a user would, again
        for (int attempt = 0; attempt < 10 && !popoverShowing.get(); attempt++) {
            robot.mouseMove(icon.x, icon.y);
            robot.waitForIdle();
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            // the first click starts JavaFX: give it longer than a click on a running toolkit
            Await.within(Duration.ofSeconds(attempt == 0 ? 15 : 2), popoverShowing::get);
        }
        await("the popover opens", popoverShowing::get);
        assertThat(javaFx.requested()).isTrue();
        await("the popover shows the service's view", () -> running.popover().join().view().shown().state() == TrayState.ERROR);
        await("the tooltip is not drawn over the popover", () -> !tooltipShown());
        // AWT would take it down by itself 10 s after it came up (InfoWindow.Tooltip's closer): it must go before
        assertThat(Duration.ofNanos(System.nanoTime() - tooltipUp)).as("the tooltip went with the popover, not by AWT's timer")
                .isLessThan(Duration.ofSeconds(8));

        double[] bounds = onFx(() -> {
            var s = window(running).stage();
            return new double[] {s.getX(), s.getY(), s.getWidth(), s.getHeight()};
        });
        java.awt.Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        assertThat(bounds[1]).as("opens under the icon").isGreaterThan(icon.y);
        assertThat(bounds[1] + bounds[3]).as("fits the " + screen.height + " px screen").isLessThanOrEqualTo(screen.height);
        // (on this loaded machine the first paint's time says nothing; that it comes, does)
        Files.createDirectories(Path.of("target/screenshots"));
        try {
            await("the popover is painted", () -> !robot.getPixelColor((int) (bounds[0] + bounds[2] / 2),
                    (int) (bounds[1] + bounds[3] / 2)).equals(Color.BLACK));
        } catch (AssertionError e) {
            ImageIO.write(robot.createScreenCapture(new Rectangle(screen)), "png",
                    Path.of("target/screenshots/tray-popover-unpainted.png").toFile());
            throw new AssertionError(e.getMessage() + " (popover showing: " + window(running).isShowing()
                    + "; screen in target/screenshots/tray-popover-unpainted.png)", e);
        }
        ImageIO.write(robot.createScreenCapture(new Rectangle(screen)), "png",
                Path.of("target/screenshots/tray-popover.png").toFile());
        assertThat(window(running).isShowing()).as("the popover stays open until Esc").isTrue();

        robot.mouseMove((int) (bounds[0] + bounds[2] / 2), (int) bounds[1] + 20);
        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        await("Esc closes the popover", () -> !window(running).isShowing());

        running.controller().quit();
        await("quit finishes", quit::get);
        assertThat(service.calls).containsExactly("shutdown");
        await("the icon is gone", () -> !running.icon().orElseThrow().isShowing());
        // FXTrayIcon's hide() turns implicit exit on from the AWT queue; our reset must come after it
        CompletableFuture<Void> awtQueueDrained = new CompletableFuture<>();
        java.awt.EventQueue.invokeLater(() -> awtQueueDrained.complete(null));
        awtQueueDrained.get(30, TimeUnit.SECONDS);
        assertThat(Platform.isImplicitExit()).isFalse();
        assertThat(onFx(() -> "still running")).isEqualTo("still running");
        background.shutdownNow();
    }
}
