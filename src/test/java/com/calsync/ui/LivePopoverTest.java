package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.service.CalSyncService;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.TrayState;
import com.calsync.ui.popover.PopoverView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The popover over the real background service syncing local folder pairs: Sync now fills the
 * rows and the chart, a broken pair shows its error, an emptied source holds its deletions and
 * the banner's Approve carries them out.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LivePopoverTest {
    @TempDir
    Path home;

    private CalSyncService service;
    private RecentLog recent;
    private PopoverView view;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(home.resolve("b"));
        Files.createDirectories(home.resolve("a"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(home.resolve("a/e" + i + ".ics"), event("e" + i));
        }
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.configFile(), """
                { "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "c": { "type": "folder", "path": "c" },
                                 "gone": { "type": "folder", "path": "no/such/folder" } },
                  "pairs": [ { "name": "work", "source": "a", "target": "b" },
                             { "name": "broken", "source": "gone", "target": "c" } ] }
                """);
        Clock clock = UiTestClock.ticking();
        // the first scheduled run an hour away: runs here come from the popover's buttons
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, clock), clock, 4242,
                new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1), Duration.ofSeconds(15)));
        recent = new RecentLog(100).attachToRoot();
        service.start();
        TrayController controller = new TrayController(new InProcessService(service, recent),
                new XdgAutostartLoginItem(home.resolve(".config"), new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)),
                path -> { }, paths.configFile(), paths.logDir(), background, Platform::runLater, () -> { });
        view = new PopoverView(controller, clock);
        new com.calsync.ui.theme.Theme(false, new FixedScheme(com.calsync.platform.ColorSchemeSource.Scheme.LIGHT), Runnable::run)
                .start();
        controller.addViewer(view::render);
        controller.addViewer(v -> stage.sizeToScene());
        stage.setScene(new Scene(view.root()));
        stage.show();
        controller.start();
    }

    @AfterEach
    void stop() {
        service.stop();
        recent.detach();
        background.shutdownNow();
    }

    private static String event(String uid) {
        String day = LocalDate.now(UiTestClock.ticking()).plusDays(2).toString().replace("-", "");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:" + uid + "@t",
                "DTSTAMP:20261101T000000Z", "DTSTART:" + day + "T090000Z", "SUMMARY:" + uid, "END:VEVENT", "END:VCALENDAR", "");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            return view.root().snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                dir.resolve("popover-" + name + ".png").toFile());
    }

    private long icsFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).count();
        }
    }

    @Test
    void syncNowFillsTheRowsAndChartAndABrokenPairShowsItsError(FxRobot robot) throws Exception {
        waitUntil(() -> view.shown().pairs().size() == 2);
        assertThat(text(robot, "#pair-work .pair-state")).isEqualTo("not run yet");

        robot.clickOn("#syncNow");
        waitUntil(() -> view.shown().syncCount() + view.shown().errorCount() == 2 && view.shown().state() != TrayState.SYNCING);

        assertThat(text(robot, "#pair-work .pair-state")).isEqualTo("ok");
        assertThat(text(robot, "#pair-work .pair-last")).endsWith("target: 3 created");
        assertThat(text(robot, "#pair-broken .pair-state")).isEqualTo("failing");
        assertThat(text(robot, "#pair-broken .pair-error")).contains("no/such/folder");
        assertThat(robot.lookup("#pair-work .pair-error").query().isVisible()).isFalse();
        assertThat(view.shown().state()).isEqualTo(TrayState.ERROR);
        assertThat(view.shown().recentRuns()).hasSize(2).anyMatch(AppView.RunPoint::failed);
        assertThat(view.shown().log()).anyMatch(l -> l.level() == AppView.LogLevel.ERROR && l.message().contains("broken"));
        assertThat(icsFiles(home.resolve("b"))).isEqualTo(3);
        screenshot("live");
    }

    @Test
    void anEmptiedSourceHoldsItsDeletionsUntilTheBannerApprovesThem(FxRobot robot) throws Exception {
        waitUntil(() -> view.shown().pairs().size() == 2);
        robot.clickOn("#syncNow");
        waitUntil(() -> view.shown().syncCount() == 1 && view.shown().state() != TrayState.SYNCING);
        try (Stream<Path> s = Files.list(home.resolve("a"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }

        robot.clickOn("#syncNow");
        waitUntil(() -> robot.lookup("#held-work").tryQuery().isPresent());

        assertThat(robot.lookup("#held-work .held-text").queryAs(Label.class).getText()).startsWith("3 deletions held in work");
        assertThat(icsFiles(home.resolve("b"))).isEqualTo(3);

        robot.clickOn("#approve-work");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(icsFiles(home.resolve("b"))).as("Approve only asks").isEqualTo(3);
        assertThat(robot.lookup("#held-work .held-titles").queryAs(Label.class).getText()).contains("• e0", "• e1", "• e2");
        robot.clickOn("#confirmDelete-work");
        waitUntil(() -> robot.lookup("#held-work").tryQuery().isEmpty() && view.shown().state() != TrayState.SYNCING);
        assertThat(robot.lookup("#messages .message").queryAs(Label.class).getText())
                .isEqualTo("Approved: 3 events deleted in work. Copies are kept for 30 days.");

        assertThat(icsFiles(home.resolve("b"))).isZero();
        assertThat(text(robot, "#pair-work .pair-last")).endsWith("target: 3 deleted");
    }
}
