package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.testing.Await;
import com.calsync.ui.model.TrayState;
import com.dustinredmond.fxtrayicon.FXTrayIcon;
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
 * packaging/linux/tray-test.sh): the icon appears, a click opens the popover, Esc closes it, and
 * Quit stops the service while JavaFX stays up (FXTrayIcon's hide() would turn implicit exit on).
 */
@Tag("tray")
@Tag("external")
class TrayIconTest {
    @TempDir
    Path home;

    @BeforeAll
    static void startJavaFx() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs DISPLAY with a tray host (packaging/linux/tray-test.sh)");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
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
     * (before the host reparents it, the frame is briefly elsewhere and takes no clicks).
     */
    private static Optional<Point> iconCentre() {
        try {
            Process p = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
            Rectangle panel = null;
            Point frame = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = GEOMETRY.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    int w = Integer.parseInt(m.group(1));
                    int h = Integer.parseInt(m.group(2));
                    int x = Integer.parseInt(m.group(3));
                    int y = Integer.parseInt(m.group(4));
                    if (line.contains("(\"panel\" \"trayer\")")) {
                        panel = new Rectangle(x, y, w, h);
                    } else if (line.contains("\"JavaEmbeddedFrame\"")) {
                        frame = new Point(x + w / 2, y + h / 2);
                    }
                }
            }
            return panel != null && frame != null && panel.contains(frame) ? Optional.of(frame) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Test
    void theIconOpensThePopoverAndQuitStopsTheServiceButNotJavaFx() throws Exception {
        assumeTrue(FXTrayIcon.isSupported(), "no tray host on this display (start trayer)");
        RecordingTrayService service = new RecordingTrayService();
        ExecutorService background = Executors.newSingleThreadExecutor();
        AtomicBoolean quit = new AtomicBoolean();
        TrayApp app = new TrayApp(service, new XdgAutostartLoginItem(home, new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)),
                path -> { }, home.resolve("config.json"), home.resolve("logs"), UiTestClock.fixed(), false, () -> { });

        TrayApp.Running running = onFx(() -> app.start(background, () -> quit.set(true)));
        assertThat(running.icon()).isPresent();
        service.push(Views.view(TrayState.ERROR, "Error in home", false, List.of(Views.ok("work", Views.T0, "no changes"),
                Views.failing("home", Views.T0, "401 Unauthorized", "check the password")), 3, Optional.empty()));
        await("the tray host shows the icon", () -> running.icon().orElseThrow().isShowing() && iconCentre().isPresent());
        Point icon = iconCentre().orElseThrow();

        Robot robot = new Robot();
        robot.setAutoDelay(150);
        // the tray host embeds the icon a moment before it takes clicks: click as a user would, again
        for (int attempt = 0; attempt < 10 && !running.popover().orElseThrow().isShowing(); attempt++) {
            robot.mouseMove(icon.x, icon.y);
            robot.waitForIdle();
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            Await.within(Duration.ofSeconds(2), () -> running.popover().orElseThrow().isShowing());
        }
        await("the popover opens", () -> running.popover().orElseThrow().isShowing());
        await("the popover shows the service's view", () -> running.view().shown().state() == TrayState.ERROR);

        Thread.sleep(500);  // let it paint before the screenshot
        Files.createDirectories(Path.of("target/screenshots"));
        ImageIO.write(robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())), "png",
                Path.of("target/screenshots/tray-popover.png").toFile());
        double[] bounds = onFx(() -> {
            var s = running.popover().orElseThrow().stage();
            return new double[] {s.getX(), s.getY(), s.getWidth()};
        });
        assertThat(bounds[1]).as("opens under the icon").isGreaterThan(icon.y);

        robot.mouseMove((int) (bounds[0] + bounds[2] / 2), (int) bounds[1] + 20);
        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        await("Esc closes the popover", () -> !running.popover().orElseThrow().isShowing());

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
