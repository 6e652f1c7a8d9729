package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install / uninstall / autostart-status in-process, with the user's home in a temp folder. */
class AutostartCommandsTest {
    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Os os, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("CALSYNC_HOME", home.resolve("calsync").toString()),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), os, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    @Test
    void onLinuxInstallWritesTheAutostartEntryAndStatusSaysSo() {
        assertThat(run(Os.LINUX, "autostart-status")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(out.toString()).contains("XDG autostart entry: not installed");

        assertThat(run(Os.LINUX, "install")).isEqualTo(ExitCodes.OK);
        Path desktop = home.resolve(".config/autostart/calsync.desktop");
        assertThat(desktop).isRegularFile();
        assertThat(out.toString()).contains("Installed XDG autostart entry: " + desktop);

        assertThat(run(Os.LINUX, "autostart-status")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("XDG autostart entry: installed").contains("com.calsync.App")
                .contains("systemd user unit: not installed");

        assertThat(run(Os.LINUX, "uninstall")).isEqualTo(ExitCodes.OK);
        assertThat(desktop).doesNotExist();
        assertThat(run(Os.LINUX, "uninstall")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("nothing to remove");
    }

    @Test
    void theLoginItemStartsCalSyncOnTheSameHomeFolderWhetherGivenByVariableOrOption() throws Exception {
        run(Os.LINUX, "install");
        assertThat(Files.readString(home.resolve(".config/autostart/calsync.desktop")))
                .containsPattern("Exec=.* --home " + home.resolve("calsync") + "\n");

        Path other = home.resolve("other home");
        CliEnvironment noVariable = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.MACOS, home);
        assertThat(CalSyncCommand.commandLine(noVariable).execute("--home", other.toString(), "install")).isZero();
        assertThat(Files.readString(home.resolve("Library/LaunchAgents/com.calsync.daemon.plist")))
                .contains("<string>--home</string>", "<string>" + other + "</string>");
    }

    @Test
    void theHomeFolderIsDollarHomeNotThePasswordDatabasesHome() {
        assertThat(CliEnvironment.userHome(Map.of("HOME", "/tmp/elsewhere"), "/root")).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(CliEnvironment.userHome(Map.of("HOME", "relative"), "/root")).isEqualTo(Path.of("/root"));
        assertThat(CliEnvironment.userHome(Map.of(), "/root")).isEqualTo(Path.of("/root"));
    }

    @Test
    void systemdReplacesTheDesktopEntryAndRunsTheDaemon() throws Exception {
        run(Os.LINUX, "install");

        assertThat(run(Os.LINUX, "install", "--systemd")).isEqualTo(ExitCodes.OK);

        Path unit = home.resolve(".config/systemd/user/calsync.service");
        assertThat(Files.readString(unit)).contains("Restart=on-failure", "SuccessExitStatus=143\n")
                .containsPattern("ExecStart=.* --home " + home.resolve("calsync") + " daemon\n");
        assertThat(Files.exists(home.resolve(".config/systemd/user/default.target.wants/calsync.service"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(home.resolve(".config/autostart/calsync.desktop")).doesNotExist();
        assertThat(out.toString()).contains("systemctl --user start calsync");

        assertThat(run(Os.LINUX, "uninstall")).isEqualTo(ExitCodes.OK);
        assertThat(unit).doesNotExist();
        assertThat(run(Os.LINUX, "autostart-status")).isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void onMacInstallWritesTheLaunchAgentAndRefusesSystemd() {
        assertThat(run(Os.MACOS, "install", "--systemd")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--systemd is for Linux");

        assertThat(run(Os.MACOS, "install")).isEqualTo(ExitCodes.OK);
        assertThat(home.resolve("Library/LaunchAgents/com.calsync.daemon.plist")).isRegularFile();
        assertThat(run(Os.MACOS, "autostart-status")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("LaunchAgent: installed").contains("daemon");
    }

    @Test
    void installFromTheJarOnAMacWarnsThatItsLoginItemCannotReadMacOsCalendar() throws Exception {
        Path config = home.resolve("calsync/config.json");
        assertThat(run(Os.MACOS, "install")).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).as("no EventKit pair, no warning").doesNotContain("macOS Calendar");

        Files.createDirectories(home.resolve("calsync/f"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                { "calendars": { "mac": { "type": "eventkit", "name": "Home" }, "f": { "type": "folder", "path": "%s" } },
                  "pairs": [ { "name": "mac-to-folder", "source": "mac", "target": "f" } ] }
                """.formatted(home.resolve("calsync/f")));
        assertThat(run(Os.MACOS, "--home", home.resolve("calsync").toString(), "install")).isEqualTo(ExitCodes.OK);

        assertThat(err.toString()).contains("mac-to-folder uses macOS Calendar")
                .contains("java … daemon").contains("Install CalSync.app");
    }
}
