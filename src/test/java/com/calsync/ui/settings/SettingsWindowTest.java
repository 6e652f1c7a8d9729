package com.calsync.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.config.DefaultConfigWriter;
import com.calsync.platform.Os;
import com.calsync.secrets.SecretServiceStore;
import com.calsync.service.CalSyncService;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SyncTrigger;
import com.calsync.testservers.PrivateKeyring;
import com.calsync.testservers.RadicaleServer;
import com.calsync.ui.UiTestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Done when" of issue 14, as a new user does it: the first-run config.json, the real service
 * running over it, the Settings window on top. Add a Radicale account (a wrong password first),
 * pick two of its calendars, add two folders, preview and save a mirror pair (the folder fills)
 * and a two-way pair (both sides fill). Afterwards config.json still has its first-run comments,
 * the password is in the Secret Service (a real gnome-keyring on a private D-Bus session) and in
 * no file, and the service runs both pairs. Each page is saved as a screenshot.
 */
@Tag("ui")
@Tag("caldav")
@Tag("secret-service")
@Tag("external")
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {
    /** Unlike any word in a config, a log line or a calendar: found in a file only if it leaked there. */
    private static final String PASSWORD = "tr0ub4dor-&-3-horse";

    @TempDir
    static Path keyringHome;
    private static PrivateKeyring keyring;
    private static RadicaleServer radicale;
    private static URI family;

    @TempDir
    Path home;

    private CalSyncPaths paths;
    private CalSyncService service;
    private SettingsWindow window;
    private final ExecutorService work = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startServers() throws Exception {
        assumeTrue(PrivateKeyring.installed(), "needs gnome-keyring and dbus: " + PrivateKeyring.INSTALL_HINT);
        keyring = PrivateKeyring.start(keyringHome);
        radicale = RadicaleServer.start("alice", PASSWORD);
        URI work = radicale.newCalendar("Work");
        for (int i = 0; i < 3; i++) {
            put(work, "w" + i, "Work " + i, i + 1);
        }
        family = radicale.newCalendar("Family");
        for (int i = 0; i < 2; i++) {
            put(family, "f" + i, "Family " + i, i + 2);
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
        if (keyring != null) {
            keyring.close();
        }
    }

    private static void put(URI calendar, String uid, String summary, int days) {
        radicale.send("PUT", calendar.resolve(uid + ".ics"), Map.of("Content-Type", "text/calendar; charset=utf-8"),
                event(uid + "@settings-test", summary, days));
    }

    static String event(String uid, String summary, int days) {
        String day = LocalDate.now(UiTestClock.ticking()).plusDays(days).toString().replace("-", "");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:" + uid,
                "DTSTAMP:20261101T000000Z", "DTSTART:" + day + "T090000Z", "DTEND:" + day + "T100000Z", "SUMMARY:" + summary,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = UiTestClock.ticking();
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        new DefaultConfigWriter(clock, home).writeIfMissing(paths).orElseThrow();
        // the first scheduled run an hour away: runs here come from the window's Save
        service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, clock), clock,
                4242, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1), Duration.ofSeconds(15)));
        service.start();
        SetupService setup = SetupService.standard(paths, Map.of(), Os.LINUX, home, clock, SyncTrigger.of(service));
        window = new SettingsWindow(setup, new XdgAutostartLoginItem(home.resolve(".config"),
                new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)), new RecordingDesktop(), work, Platform::runLater);
        window.show();
    }

    @AfterEach
    void stop() {
        service.stop();
        work.shutdownNow();
        Platform.runLater(() -> window.stage().hide());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String query, String start) throws Exception {
        try {
            waitUntil(() -> text(robot, query).startsWith(start));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " never started with \"" + start + "\"; it says: " + text(robot, query), e);
        }
    }

    /** Types into a field after emptying it, as a user would. */
    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        robot.write(text, 0);
    }

    /** Opens a drop-down list and clicks the entry that reads {@code text}. */
    private void choose(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".list-cell").match((ListCell<?> c) -> text.equals(c.getText()) && c.isVisible()
                && c.getScene() != window.stage().getScene()).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long icsFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).count();
        }
    }

    @Test
    void aNewUserSetsUpRadicaleToAFolderAndATwoWayPairWithoutAFileOrATerminal(FxRobot robot) throws Exception {
        waitUntil(() -> window.isShowing() && robot.lookup("#accountList").tryQuery().isPresent());

        // Accounts: Radicale, a wrong password first
        robot.clickOn("#preset");
        robot.clickOn(robot.lookup("Radicale").match(n -> n.getScene() != window.stage().getScene()).queryLabeled());
        assertThat(robot.lookup("#accountName").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("radicale");
        type(robot, "#server", radicale.baseUrl().toString());
        type(robot, "#username", "alice");
        type(robot, "#password", "not-the-password");
        robot.clickOn("#signIn");
        waitForText(robot, "#accountStatus", "The server refused the user name or password.");
        assertThat(Files.readString(paths.configFile())).doesNotContain("\"radicale\"");

        type(robot, "#password", PASSWORD);
        robot.type(KeyCode.ENTER); // Sign in is the default button
        waitForText(robot, "#accountStatus", "Signed in: 2 calendar(s) found, 2 with events;");
        assertThat(text(robot, "#accountStatus")).contains("The password is stored in the Secret Service");
        Screenshots.save(window.root(), "settings-accounts");

        // Calendars: two of the account's, two folders (⌘2 / Ctrl+2 opens the page)
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#add-radicale-work").tryQuery().isPresent());
        robot.clickOn("#add-radicale-work");
        waitForText(robot, "#calendarStatus", "Added Work as calendar work.");
        robot.clickOn("#add-radicale-family");
        waitForText(robot, "#calendarStatus", "Added Family as calendar family.");
        Path workFolder = home.resolve("Calendars/work");
        type(robot, "#folderPath", workFolder.toString());
        type(robot, "#folderName", "work-folder");
        robot.clickOn("#addFolder");
        waitForText(robot, "#calendarStatus", "Added the folder ~/Calendars/work as calendar work-folder.");
        Path familyFolder = home.resolve("Calendars/family");
        Files.createDirectories(familyFolder);
        Files.writeString(familyFolder.resolve("kept.ics"), event("kept@settings-test", "Dentist", 4));
        type(robot, "#folderPath", familyFolder.toString());
        type(robot, "#folderName", "family-folder");
        robot.clickOn("#addFolder");
        waitForText(robot, "#calendarStatus", "Added the folder ~/Calendars/family as calendar family-folder.");
        waitUntil(() -> robot.lookup("#calendar-family-folder").tryQuery().isPresent());
        Screenshots.save(window.root(), "settings-calendars");

        // Pairs: a mirror to the folder, previewed, then saved and synced
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        choose(robot, "#source", "work");
        choose(robot, "#target", "work-folder");
        robot.clickOn("#preview");
        waitForText(robot, "#previewSummary", "The first sync would make 3 created, 0 updated, 0 deleted in work-folder.");
        assertThat(icsFiles(workFolder)).isZero();
        Screenshots.save(window.root(), "settings-pairs");
        robot.clickOn("#savePair");
        waitForText(robot, "#pairStatus", "First sync of work-to-work-folder done: 3 created, 0 updated, 0 deleted in work-folder.");
        assertThat(icsFiles(workFolder)).isEqualTo(3);

        // …and a two-way pair, whose first sync fills both sides
        robot.clickOn("#newPair");
        choose(robot, "#source", "family");
        choose(robot, "#target", "family-folder");
        robot.clickOn("#modeTwoWay");
        robot.clickOn("#preview");
        waitForText(robot, "#previewSummary", "The first sync would make 1 created, 0 updated, 0 deleted in family;"
                + " 2 created, 0 updated, 0 deleted in family-folder.");
        robot.clickOn("#savePair");
        waitForText(robot, "#pairStatus", "First sync of family-to-family-folder done:");
        assertThat(icsFiles(familyFolder)).isEqualTo(3);
        assertThat(radicale.send("GET", family, Map.of(), null).body())
                .contains("Dentist");

        // Accounts again: a wrong password typed over the stored one changes nothing, and the account
        // cannot go while calendars use it
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#accountFormTitle").equals("Account radicale"));
        type(robot, "#password", "not-the-password");
        robot.clickOn("#signIn");
        waitForText(robot, "#accountStatus", "The server refused the user name or password.");
        robot.clickOn("#removeAccount");
        waitUntil(() -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.clickOn("#confirmRemove");
        waitForText(robot, "#accountStatus", "Calendars work, family belong to account radicale. Remove them");
        assertThat(Files.readString(paths.configFile())).contains("\"radicale\"");

        // General
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.root(), "settings-general");

        // the service took both pairs through its reload path
        assertThat(service.snapshot().pairs()).extracting(ServiceSnapshot.PairStatus::name)
                .containsExactly("demo", "work-to-work-folder", "family-to-family-folder");
        // config.json: the first run's comments are still there; the password is not
        String config = Files.readString(paths.configFile());
        assertThat(config).contains("// CalSync configuration: JSON with // comments; trailing commas are fine.",
                "// …mirrored into this folder, one .ics file per event.",
                "{ \"name\": \"work-to-work-folder\", \"source\": \"work\", \"target\": \"work-folder\", \"mode\": \"mirror\" }");
        assertThat(paths.configFile().resolveSibling("config.json.bak")).exists();
        // the password is in the Secret Service, and in no file CalSync wrote
        assertThat(SecretServiceStore.load().find("radicale").map(String::new)).contains(PASSWORD);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString()).doesNotContain(PASSWORD);
            }
        }
    }
}
