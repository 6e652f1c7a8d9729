package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.Progress;
import com.calsync.ui.model.TrayState;
import com.calsync.ui.popover.PopoverView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The popover as the user sees it, wired to the real controller, driven by views the service
 * pushes. Headless (Monocle); each state is saved as a screenshot under target/screenshots.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PopoverTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path home;

    private final RecordingTrayService service = new RecordingTrayService();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicBoolean exited = new AtomicBoolean();
    private XdgAutostartLoginItem loginItem;
    private PopoverView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        loginItem = new XdgAutostartLoginItem(home.resolve(".config"), new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true));
        TrayController controller = new TrayController(service, loginItem, path -> service.calls.add("open " + path),
                home.resolve("config.json"), home.resolve("logs"), background, Platform::runLater, () -> exited.set(true));
        controller.onOpenSettings(() -> service.calls.add("settings"));
        view = new PopoverView(controller, UiTestClock.fixed());
        new com.calsync.ui.theme.Theme(false, new FixedScheme(com.calsync.platform.ColorSchemeSource.Scheme.LIGHT), Runnable::run)
                .start();
        controller.addViewer(view::render);
        controller.addLoginItemViewer(view::showOpenAtLogin);
        stage.setScene(new Scene(view.root()));
        stage.sizeToScene();
        stage.show();
        controller.start();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void push(AppView v) throws Exception {
        service.push(v);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> view.shown() == v);
        // the primary stage is shared by the tests; fit it to this content as the popover window does
        WaitForAsyncUtils.asyncFx(stage::sizeToScene).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            stage.sizeToScene();
            view.root().applyCss();
            view.root().layout();
            return view.root().snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(png, "png", SCREENSHOTS.resolve("popover-" + name + ".png").toFile());
    }

    @Test
    void aSyncUpdatesTheRowsTheTotalsAndTheChart(FxRobot robot) throws Exception {
        push(Views.view(TrayState.IDLE, "Idle", false, List.of(Views.neverRun("work"), Views.neverRun("home")), 0, Optional.empty()));
        assertThat(robot.lookup("#pair-work .pair-state").queryAs(Label.class).getText()).isEqualTo("not run yet");
        assertThat(text(robot, "#pair-work .pair-last")).startsWith("Last sync never");
        assertThat(robot.lookup("#chart").queryAs(javafx.scene.canvas.Canvas.class)).isNotNull();

        push(Views.view(TrayState.IDLE, "Idle", false,
                List.of(Views.ok("work", Views.T0.plusSeconds(3600), "target: 3 created, 1 updated"), Views.neverRun("home")), 12, Optional.empty()));

        assertThat(text(robot, "#pair-work .pair-state")).isEqualTo("ok");
        assertThat(text(robot, "#pair-work .pair-last")).isEqualTo("Last sync 10:00 · target: 3 created, 1 updated");
        assertThat(text(robot, "#pair-home .pair-state")).isEqualTo("not run yet");
        assertThat(text(robot, "#totals")).isEqualTo("12 syncs · 0 errors · last run 1.3 s");
        assertThat(text(robot, "#when")).as("the next run is said once, here").isEqualTo("Last sync 10:00 · next 10:30");
        assertThat(text(robot, "#state")).isEqualTo("Idle");
        assertThat(view.shown().recentRuns()).hasSize(12);
        assertThat(robot.lookup("#progress").query().isVisible()).isFalse();
        screenshot("idle");
    }

    @Test
    void anErrorShowsInItsRowWithDetails(FxRobot robot) throws Exception {
        push(Views.view(TrayState.ERROR, "Error in home", false, List.of(Views.ok("work", Views.T0, "no changes"),
                Views.failing("home", Views.T0.plusSeconds(60), "401 Unauthorized from caldav.example.org",
                        "PROPFIND https://caldav.example.org/home/ answered 401.\nCheck the password: calsync account add home")), 3, Optional.empty()));

        assertThat(text(robot, "#pair-home .pair-state")).isEqualTo("failing");
        assertThat(text(robot, "#pair-home .pair-error")).isEqualTo("401 Unauthorized from caldav.example.org");
        assertThat(robot.lookup("#pair-work .pair-error").query().isVisible()).isFalse();
        TextArea details = robot.lookup("#pair-home .pair-details").queryAs(TextArea.class);
        assertThat(details.isVisible()).isFalse();

        robot.clickOn("#pair-home .pair-details-link");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(details.isVisible()).isTrue();
        assertThat(details.getText()).contains("calsync account add home");
        screenshot("error");
    }

    @Test
    void theHeldBannerApprovesAndRejectsThroughTheService(FxRobot robot) throws Exception {
        push(Views.view(TrayState.HELD, "Deletions held", false,
                List.of(Views.held("home", Views.T0, 12), Views.held("feed", Views.T0, 3), Views.ok("work", Views.T0, "no changes")), 5, Optional.empty()));
        assertThat(robot.lookup("#held-home").query().isVisible()).isTrue();
        assertThat(robot.lookup("#held-home .held-text").queryAs(Label.class).getText()).startsWith("12 deletions held in home");
        screenshot("held");

        robot.clickOn("#approve-home");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).as("Approve asks first").isEmpty();
        assertThat(robot.lookup("#held-home .held-question").queryAs(Label.class).getText())
                .isEqualTo("Delete 12 events from home? Each is saved first and can be restored for 30 days.");
        assertThat(robot.lookup("#held-home .held-titles").queryAs(Label.class).getText())
                .startsWith("• Team meeting 1\n").endsWith("• Team meeting 8\n… and 4 more");
        screenshot("held-confirm");
        robot.clickOn("#confirmDelete-home");
        robot.clickOn("#reject-feed");
        waitUntil(() -> service.calls.size() >= 2);

        assertThat(service.calls).containsExactly("approve home", "reject feed");

        push(Views.view(TrayState.IDLE, "Idle", false, List.of(Views.ok("home", Views.T0, "target: 12 deleted"),
                Views.ok("feed", Views.T0, "no changes")), 6, Optional.empty()));
        assertThat(robot.lookup("#heldBanners").query().isVisible()).isFalse();
        assertThat(robot.lookup("#messages .message").queryAllAs(Label.class)).extracting(Label::getText).containsExactly(
                "Approved: 12 events deleted in home. Copies are kept for 30 days.",
                "Rejected: the 3 events in feed stay, and CalSync will not delete them.");
    }

    @Test
    void theOpenAtLoginToggleWritesAndRemovesTheLoginItem(FxRobot robot) throws Exception {
        Path desktopFile = home.resolve(".config/autostart/calsync.desktop");
        CheckBox toggle = robot.lookup("#openAtLogin").queryAs(CheckBox.class);
        waitUntil(() -> !toggle.isSelected());

        robot.clickOn("#openAtLogin");
        waitUntil(() -> Files.exists(desktopFile));

        assertThat(Files.readString(desktopFile)).contains("Exec=/opt/calsync/bin/CalSync");
        assertThat(toggle.isSelected()).isTrue();

        robot.clickOn("#openAtLogin");
        waitUntil(() -> !Files.exists(desktopFile));
        assertThat(loginItem.status().installed()).isFalse();
    }

    @Test
    void progressShowsWhileARunIsUnderWayAndPauseTurnsToResume(FxRobot robot) throws Exception {
        push(Views.view(TrayState.SYNCING, "Syncing work", false, List.of(Views.ok("work", Views.T0, "no changes")), 4,
                Optional.of(new Progress("work", 40, 120))));
        assertThat(robot.lookup("#progress").query().isVisible()).isTrue();
        assertThat(text(robot, "#progressLabel")).isEqualTo("Syncing work: 40 of 120 items");
        screenshot("syncing");

        robot.clickOn("#pauseResume");
        waitUntil(() -> service.calls.contains("pause"));

        push(Views.view(TrayState.PAUSED, "Paused", true, List.of(Views.ok("work", Views.T0, "no changes")), 4, Optional.empty()));
        assertThat(robot.lookup("#pauseResume").queryAs(Button.class).getText()).isEqualTo("Resume");
        assertThat(robot.lookup("#progress").query().isVisible()).isFalse();
        screenshot("paused");
        robot.clickOn("#pauseResume");
        robot.clickOn("#syncNow");
        waitUntil(() -> service.calls.size() >= 3);
        assertThat(service.calls).containsExactly("pause", "resume", "syncNow");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogFiltersByLevelAndCopiesWhatItShows(FxRobot robot) throws Exception {
        push(Views.view(TrayState.IDLE, "Idle", false, List.of(), 1, Optional.empty()));
        ListView<String> log = robot.lookup("#log").queryAs(ListView.class);
        assertThat(log.getItems()).hasSize(3).noneMatch(l -> l.contains("DEBUG"));

        ChoiceBox<LogLevel> level = robot.lookup("#logLevel").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.asyncFx(() -> level.setValue(LogLevel.WARN)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(log.getItems()).containsExactly("09:00 WARN home: server slow, retrying in 30 s",
                "09:00 ERROR home: 401 Unauthorized from caldav.example.org");
        robot.clickOn("#copyLog");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(String.join("\n", log.getItems()));
        assertThat(text(robot, "#noPairs")).contains("No pairs configured");
    }

    @Test
    void settingsOpenConfigOpenLogsAndQuitGoThroughTheController(FxRobot robot) throws Exception {
        robot.clickOn("#openSettings");
        robot.clickOn("#openConfig");
        robot.clickOn("#openLogs");
        robot.clickOn("#quit");
        waitUntil(exited::get);

        assertThat(service.calls).containsExactly("settings", "open " + home.resolve("config.json"), "open " + home.resolve("logs"), "shutdown");
    }

    @SuppressWarnings("unused")
    private static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
