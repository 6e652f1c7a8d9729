package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.platform.ColorSchemeSource.Scheme;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.PairView;
import com.calsync.ui.model.AppView.Progress;
import com.calsync.ui.model.TrayState;
import com.calsync.ui.popover.PopoverView;
import com.calsync.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
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
 * What the issue found, each as a user meets it: one key press must not delete (focus and the
 * second question), the header names every problem and pause, 15 pairs fit a short screen, and
 * Tab walks the controls in order. Each popover state is saved in the light and the dark theme
 * under target/screenshots.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PopoverStatesTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path home;

    private final RecordingTrayService service = new RecordingTrayService();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final FixedScheme scheme = new FixedScheme(Scheme.LIGHT);
    private PopoverView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TrayController controller = new TrayController(service, new XdgAutostartLoginItem(home.resolve(".config"),
                new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)), path -> { }, home.resolve("config.json"),
                home.resolve("logs"), background, Platform::runLater, () -> { });
        view = new PopoverView(controller, UiTestClock.fixed());
        Theme theme = new Theme(false, scheme, Runnable::run);
        theme.onApplied(s -> view.setDark(s == Scheme.DARK));
        theme.start();
        controller.addViewer(view::render);
        stage.setScene(new Scene(view.root()));
        stage.show();
        controller.start();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void push(AppView v) throws Exception {
        service.push(v);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.shown() == v);
        fx(() -> {
            stage.sizeToScene();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private String focusedId() throws Exception {
        return fx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId() != null ? n.getId() : n.getClass().getSimpleName();
        });
    }

    private void bothThemes(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Scheme s : Scheme.values()) {
            fx(() -> {
                scheme.switchTo(s);
                return null;
            });
            var image = fx(() -> {
                stage.sizeToScene();
                view.root().applyCss();
                view.root().layout();
                return view.root().snapshot(null, null);
            });
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png",
                    SCREENSHOTS.resolve("popover-" + name + "-" + s.name().toLowerCase(java.util.Locale.ROOT) + ".png").toFile());
        }
        fx(() -> {
            scheme.switchTo(Scheme.LIGHT);
            return null;
        });
    }

    private static AppView held() {
        return Views.view(TrayState.HELD, "Deletions held in demo", false,
                List.of(Views.held("demo", Views.T0, 12), Views.ok("work", Views.T0, "target: 3 created")), 6, Optional.empty());
    }

    @Test
    void oneKeyPressNeverDeletesAndApproveAsksAgainWithCancelFocused(FxRobot robot) throws Exception {
        push(held());
        fx(() -> {
            view.focusNothing();
            return null;
        });
        assertThat(focusedId()).as("nothing destructive has the focus").isNotIn("approve-demo", "confirmDelete-demo");

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).isEmpty();

        robot.clickOn("#approve-demo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId()).isEqualTo("cancel-demo");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).as("Space on the second question cancels").isEmpty();
        assertThat(robot.lookup("#approve-demo").query().isVisible()).isTrue();
        bothThemes("held");

        robot.clickOn("#approve-demo");
        bothThemes("held-confirm");
        robot.clickOn("#confirmDelete-demo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.calls.contains("approve demo"));
    }

    @Test
    void rejectTakesEffectAtOnceAndSaysWhatItDid(FxRobot robot) throws Exception {
        push(held());
        robot.clickOn("#reject-demo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.calls.contains("reject demo"));
        assertThat(robot.lookup("#reject-demo").query().getParent().isVisible()).as("no second Reject while it runs").isFalse();

        push(Views.view(TrayState.IDLE, "Idle", false, List.of(Views.ok("demo", Views.T0, "no changes"),
                Views.ok("work", Views.T0, "target: 3 created")), 7, Optional.empty()));

        assertThat(robot.lookup("#heldBanners").query().isVisible()).isFalse();
        assertThat(robot.lookup("#messages .message").queryLabeled().getText())
                .isEqualTo("Rejected: the 12 events in demo stay, and CalSync will not delete them.");
        assertThat(robot.lookup("#pair-demo .pair-state").queryLabeled().getText()).isEqualTo("ok");
        bothThemes("rejected");
    }

    @Test
    void tabWalksTheControlsTopToBottomWithRejectBeforeApprove(FxRobot robot) throws Exception {
        push(Views.view(TrayState.ERROR, "Error in home · deletions held in demo", false, List.of(Views.held("demo", Views.T0, 2),
                Views.failing("home", Views.T0, "401 Unauthorized", "details")), 6, Optional.empty()));
        fx(() -> {
            view.focusNothing();
            return null;
        });
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            order.add(focusedId());
        }
        assertThat(order).containsSubsequence("reject-demo", "approve-demo", "logLevel", "copyLog", "openAtLogin", "syncNow",
                "pauseResume", "openSettings", "openConfig", "openLogs", "quit");
        assertThat(order.get(0)).isEqualTo("reject-demo");
    }

    @Test
    void theHeaderNamesEveryProblemAndPauseShowsWhilePairsFail(FxRobot robot) throws Exception {
        AppView paused = Views.view(TrayState.PAUSED, "Paused · 2 pairs failing · deletions held in demo", true,
                List.of(Views.failing("home", Views.T0, "401 Unauthorized", "details"),
                        Views.failing("work", Views.T0, "timed out", "details"), Views.held("demo", Views.T0, 2)), 5, Optional.empty());
        push(paused);

        assertThat(robot.lookup("#state").queryLabeled().getText()).isEqualTo("Paused · 2 pairs failing · deletions held in demo");
        assertThat(robot.lookup("#pauseResume").queryButton().getText()).isEqualTo("Resume");
        assertThat(robot.lookup("#when").queryLabeled().getText()).endsWith("· paused");
        bothThemes("paused-failing");
    }

    @Test
    void fifteenPairsFitAnEightHundredPixelScreenAndThePairsScroll(FxRobot robot) throws Exception {
        List<PairView> pairs = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            pairs.add(i % 5 == 0 ? Views.failing("calendar-with-a-rather-long-name-" + i, Views.T0, "401 Unauthorized", "d")
                    : Views.ok("pair-" + i, Views.T0, "target: " + i + " created"));
        }
        push(Views.view(TrayState.ERROR, "3 pairs failing", false, pairs, 20, Optional.empty()));
        double unlimited = fx(() -> view.root().prefHeight(420));
        assertThat(unlimited).as("without a limit it would not fit").isGreaterThan(800);

        // the popover under a 32 px panel on an 800 px screen
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800);
        var at = com.calsync.ui.popover.PopoverPlacement.of(1200, 16, 24, screen, new Rectangle2D(0, 32, 1280, 768), 420, unlimited);
        double height = fx(() -> {
            view.limitHeight(at.maxHeight());
            stage.sizeToScene();
            return view.root().prefHeight(420);
        });

        assertThat(at.y()).as("below the panel and the icon").isGreaterThanOrEqualTo(32);
        assertThat(at.y() + height).as("fits the screen").isLessThanOrEqualTo(800);
        ScrollPane scroll = robot.lookup("#pairsScroll").queryAs(ScrollPane.class);
        assertThat(fx(() -> scroll.getViewportBounds().getHeight() < scroll.getContent().getLayoutBounds().getHeight()))
                .as("the pairs scroll").isTrue();
        assertThat(robot.lookup("#quit").query().isVisible()).isTrue();
        bothThemes("fifteen-pairs");
    }

    @Test
    void everyOtherStateInBothThemes(FxRobot robot) throws Exception {
        push(Views.view(TrayState.IDLE, "Idle", false, List.of(), 0, Optional.empty()));
        assertThat(robot.lookup("#syncNow").queryButton().isDisabled()).as("nothing to sync").isTrue();
        assertThat(robot.lookup("#pauseResume").queryButton().isDisabled()).isTrue();
        bothThemes("no-pairs");
        push(Views.view(TrayState.IDLE, "Idle", false, List.of(Views.ok("work", Views.T0, "target: 3 created, 1 updated"),
                Views.ok("home", Views.T0, "no changes")), 12, Optional.empty()));
        assertThat(robot.lookup("#totals").queryLabeled().getText()).startsWith("12 syncs · 0 errors");
        bothThemes("idle");
        push(Views.view(TrayState.SYNCING, "Syncing work", false, List.of(Views.ok("work", Views.T0, "no changes")), 1,
                Optional.of(new Progress("work", 40, 120))));
        assertThat(robot.lookup("#totals").queryLabeled().getText()).startsWith("1 sync · 0 errors");
        bothThemes("syncing");
        push(Views.view(TrayState.ERROR, "Error in home", false, List.of(Views.ok("work", Views.T0, "no changes"),
                Views.failing("home", Views.T0, "401 Unauthorized from caldav.example.org", "PROPFIND answered 401.")), 3,
                Optional.empty()));
        robot.clickOn("#pair-home .pair-details-link");
        push(Views.view(TrayState.ERROR, "Error in home", false, List.of(Views.ok("work", Views.T0, "no changes"),
                Views.failing("home", Views.T0, "401 Unauthorized from caldav.example.org", "PROPFIND answered 401.")), 4,
                Optional.empty()));
        assertThat(robot.lookup("#pair-home .pair-details").query().isVisible()).as("details stay open across refreshes").isTrue();
        bothThemes("error");
        fx(() -> {
            view.showOpenFailure(home.resolve("logs"), "no xdg-open to open it with");
            return null;
        });
        assertThat(robot.lookup("#openFailurePath").queryTextInputControl().getText()).isEqualTo(home.resolve("logs").toString());
        bothThemes("open-failed");
    }
}
