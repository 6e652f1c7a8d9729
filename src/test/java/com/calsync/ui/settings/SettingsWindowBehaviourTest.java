package com.calsync.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.service.CalSyncService;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SyncTrigger;
import com.calsync.ui.InProcessService;
import com.calsync.ui.RecentLog;
import com.calsync.ui.TrayService;
import com.calsync.ui.UiTestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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
 * The Settings window with folders only (no server): keyboard, an edit of config.json made in a
 * text editor while the window is open, a file it cannot parse, and the General page.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsWindowBehaviourTest {
    private static final String USER_CONFIG = """
            // hand-written
            {
              "app": { "notifications": true },
              "calendars": {}
            }
            """;

    @TempDir
    Path home;

    private CalSyncPaths paths;
    private CalSyncService service;
    private SettingsLauncher launcher;
    private SettingsWindow window;
    private final RecordingDesktop desktop = new RecordingDesktop();
    private Stage opener;

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = UiTestClock.ticking();
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.configFile(), USER_CONFIG);
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, clock), clock,
                4242, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1), Duration.ofSeconds(15)));
        service.start();
        SetupService setup = SetupService.standard(paths, Map.of(), Os.LINUX, home, clock, SyncTrigger.of(service));
        launcher = new SettingsLauncher(setup, new XdgAutostartLoginItem(home.resolve(".config"),
                new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)), desktop, Platform::runLater);
        // a window of the app (as the popover is) in which ⌘, / Ctrl+, opens Settings
        opener = stage;
        Scene scene = new Scene(new StackPane(new javafx.scene.control.Button("popover")), 200, 100);
        SettingsShortcut.install(scene, () -> window = launcher.show());
        stage.setScene(scene);
        stage.show();
        window = launcher.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(launcher::close).get(10, TimeUnit.SECONDS);
        service.stop();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private int selectedPage(FxRobot robot) {
        return robot.lookup("#settingsTabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex();
    }

    private void addFolder(FxRobot robot, String path) {
        robot.clickOn("#folderPath").write(path, 0);
        robot.clickOn("#addFolder");
    }

    @Test
    void everyPageIsReachedFromTheKeyboardAndEscClosesAndShortcutCommaReopens(FxRobot robot) throws Exception {
        waitUntil(window::isShowing);
        assertThat(selectedPage(robot)).isZero();

        robot.clickOn("#accountName");
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        waitUntil(() -> selectedPage(robot) == 1);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> selectedPage(robot) == 3);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitUntil(() -> selectedPage(robot) == 2);
        // Tab walks the fields in reading order: from the pair's name to its source calendar
        robot.clickOn("#pairName");
        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#source").query().isFocused());

        assertThat(WaitForAsyncUtils.asyncFx(launcher::pollingForOutsideEdits).get(10, TimeUnit.SECONDS)).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !window.isShowing());
        assertThat(WaitForAsyncUtils.asyncFx(launcher::pollingForOutsideEdits).get(10, TimeUnit.SECONDS))
                .as("a closed window is not polled for").isFalse();

        robot.interact(() -> {
            opener.toFront();
            opener.requestFocus();
        });
        robot.clickOn("popover");
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitUntil(window::isShowing);
        assertThat(WaitForAsyncUtils.asyncFx(launcher::pollingForOutsideEdits).get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anEditMadeInATextEditorMeanwhileIsShownAndNeverOverwritten(FxRobot robot) throws Exception {
        waitUntil(window::isShowing);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        String theirs = USER_CONFIG.replace("// hand-written", "// hand-written, and edited in vim just now");
        Files.writeString(paths.configFile(), theirs);

        waitUntil(() -> shown(robot, "#outsideBanner"));
        addFolder(robot, home.resolve("a").toString());
        waitUntil(() -> text(robot, "#calendarStatus").contains("was changed in another program"));
        assertThat(Files.readString(paths.configFile())).isEqualTo(theirs);

        robot.clickOn("#reloadConfig");
        waitUntil(() -> !shown(robot, "#outsideBanner"));
        robot.clickOn("#addFolder");
        waitUntil(() -> text(robot, "#calendarStatus").equals("Added the folder ~/a as calendar a."));
        assertThat(Files.readString(paths.configFile())).contains("// hand-written, and edited in vim just now",
                "\"a\": { \"type\": \"folder\", \"path\": \"~/a\" }");
        Screenshots.save(window.root(), "settings-outside-edit");
    }

    @Test
    void aFileWithASyntaxErrorIsShownWithTheCheckersWordsAndLeftAlone(FxRobot robot) throws Exception {
        Files.writeString(paths.configFile(), "{ \"calendars\": { ] }");
        WaitForAsyncUtils.asyncFx(() -> window.show()).get(10, TimeUnit.SECONDS);

        waitUntil(() -> shown(robot, "#configProblems") && text(robot, "#configProblems").contains("config.json:1:"));
        assertThat(text(robot, "#configProblems")).contains("this window cannot change it");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        addFolder(robot, home.resolve("a").toString());
        waitUntil(() -> text(robot, "#calendarStatus").contains("Fix it in a text editor"));
        assertThat(Files.readString(paths.configFile())).isEqualTo("{ \"calendars\": { ] }");
    }

    @Test
    void theGeneralPageWritesNotificationsAndTheLogLevelAndTurnsTheLoginItemOnAndOff(FxRobot robot) throws Exception {
        waitUntil(window::isShowing);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        CheckBox notifications = robot.lookup("#notifications").queryAs(CheckBox.class);
        waitUntil(notifications::isSelected);

        robot.clickOn("#notifications");
        waitUntil(() -> text(robot, "#generalStatus").equals("Saved to config.json."));
        assertThat(Files.readString(paths.configFile())).contains("\"app\": { \"notifications\": false }", "// hand-written");
        // the tray app asks this before each notification
        TrayService tray = new InProcessService(service, new RecentLog(10));
        waitUntil(() -> !tray.notificationsOn());

        Path desktopFile = home.resolve(".config/autostart/calsync.desktop");
        robot.clickOn("#openAtLogin");
        waitUntil(() -> Files.exists(desktopFile));
        robot.clickOn("#openAtLogin");
        waitUntil(() -> !Files.exists(desktopFile));

        robot.clickOn("#revealLogs");
        robot.clickOn("#revealConfig");
        waitUntil(() -> desktop.opened.size() == 2);
        assertThat(desktop.opened).containsExactly("open " + paths.logDir().getParent(), "open " + paths.configDir());
        Screenshots.save(window.root(), "settings-general-page");
    }

    @Test
    void aSubscriptionIsCheckedByReadingItAndRemovingACalendarAsksWithCancelFocused(FxRobot robot) throws Exception {
        waitUntil(window::isShowing);
        Files.writeString(home.resolve("holidays.ics"), SettingsWindowTest.event("h1@settings-test", "Holiday", 5));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);

        robot.clickOn("#feedUrl").write("~/nowhere.ics", 0);
        robot.clickOn("#addFeed");
        waitUntil(() -> text(robot, "#calendarStatus").contains(home.resolve("nowhere.ics").toString()));
        assertThat(Files.readString(paths.configFile())).isEqualTo(USER_CONFIG);

        robot.clickOn("#feedUrl").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("~/holidays.ics", 0);
        robot.clickOn("#addFeed");
        waitUntil(() -> text(robot, "#calendarStatus").equals("Added the subscription as calendar holidays: it holds 1 event(s)."));
        assertThat(Files.readString(paths.configFile())).contains("// hand-written",
                "\"holidays\": { \"type\": \"feed\", \"url\": \"~/holidays.ics\" }");
        waitUntil(() -> robot.lookup("#calendar-holidays").tryQuery().isPresent());
        assertThat(robot.lookup("#calendar-holidays .badge-readonly").tryQuery()).isPresent();

        // a destructive action never has the default focus: Enter in the question keeps the calendar
        robot.clickOn("#remove-calendar-holidays");
        waitUntil(() -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#confirmRemove").tryQuery().isEmpty());
        assertThat(Files.readString(paths.configFile())).contains("\"holidays\"");

        robot.clickOn("#remove-calendar-holidays");
        waitUntil(() -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.clickOn("#confirmRemove");
        waitUntil(() -> text(robot, "#calendarStatus").equals("Calendar holidays removed."));
        assertThat(Files.readString(paths.configFile())).doesNotContain("holidays").contains("// hand-written");
    }
}
