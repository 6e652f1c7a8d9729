package com.calsync.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdgAutostartLoginItemTest {
    @TempDir
    Path home;

    private static final LaunchCommand APP = new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true);

    @Test
    void installWritesTheDesktopEntryUnderXdgConfigHome() throws Exception {
        Path config = home.resolve("cfg");
        LoginItem item = new LoginItems(home, Map.of("XDG_CONFIG_HOME", config.toString()), Os.LINUX, "14.2", APP).forPlatform();

        LoginItemStatus status = item.install();

        Path desktop = config.resolve("autostart/calsync.desktop");
        assertThat(status.installed()).isTrue();
        assertThat(status.file()).contains(desktop);
        assertThat(Files.readAllLines(desktop)).startsWith("[Desktop Entry]")
                .contains("Type=Application", "Exec=/opt/calsync/bin/CalSync", "Terminal=false");
    }

    @Test
    void withoutXdgConfigHomeItIsDotConfig() throws Exception {
        LoginItem item = new LoginItems(home, Map.of("XDG_CONFIG_HOME", "relative/ignored"), Os.LINUX, "14.2", APP).forPlatform();

        item.install();

        assertThat(home.resolve(".config/autostart/calsync.desktop")).isRegularFile();
        assertThat(item.uninstall().installed()).isFalse();
        assertThat(home.resolve(".config/autostart/calsync.desktop")).doesNotExist();
    }

    @Test
    void anEntryTheUserSwitchedOffCountsAsNotInstalled() throws Exception {
        XdgAutostartLoginItem item = new XdgAutostartLoginItem(home, APP);
        item.install();
        Files.writeString(item.desktopFile(), Files.readString(item.desktopFile()) + "Hidden=true\n");

        assertThat(item.status().installed()).isFalse();
        assertThat(item.install().installed()).isTrue();
    }

    @Test
    void execQuotesArgumentsWithReservedCharactersAndEscapesPercent() {
        String exec = XdgAutostartLoginItem.exec(List.of("/usr/bin/java", "-jar", "/home/me/My Apps/cal$ync 100%.jar"));

        // quoted, $ escaped with a backslash (then doubled by the string escape), % doubled
        assertThat(exec).isEqualTo("/usr/bin/java -jar \"/home/me/My Apps/cal\\\\$ync 100%%.jar\"");
    }

    @Test
    void thePackagedAppsOwnIconIsUsed() throws Exception {
        Path app = home.resolve("opt/calsync");
        Files.createDirectories(app.resolve("bin"));
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("lib/CalSync.png"), "png");
        XdgAutostartLoginItem item = new XdgAutostartLoginItem(home.resolve(".config"),
                new LaunchCommand(List.of(app.resolve("bin/CalSync").toString()), true));

        item.install();

        assertThat(Files.readAllLines(item.desktopFile())).contains("Icon=" + app.resolve("lib/CalSync.png"));
        assertThat(Files.readAllLines(new XdgAutostartLoginItem(home, APP).install().file().orElseThrow())).contains("Icon=calsync");
    }
}
