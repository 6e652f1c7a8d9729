package com.calsync.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTest {
    @TempDir
    Path dir;

    @Test
    void thePackagedAppStartsItsOwnLauncher() {
        LaunchCommand c = LaunchCommand.of("/Applications/CalSync.app/Contents/MacOS/CalSync", Path.of("/jre"), dir, "");

        assertThat(c.packagedApp()).isTrue();
        assertThat(c.trayApp()).containsExactly("/Applications/CalSync.app/Contents/MacOS/CalSync");
        assertThat(c.daemon()).containsExactly("/Applications/CalSync.app/Contents/MacOS/CalSync", "daemon");
    }

    @Test
    void aJarStartsWithJavaDashJar() throws Exception {
        Path jar = Files.createFile(dir.resolve("calsync.jar"));

        LaunchCommand c = LaunchCommand.of(null, Path.of("/jdk"), jar, "ignored");

        assertThat(c.packagedApp()).isFalse();
        assertThat(c.daemon()).containsExactly("/jdk/bin/java", "-jar", jar.toString(), "daemon");
    }

    @Test
    void aClassesFolderUsesTheClassPath() {
        LaunchCommand c = LaunchCommand.of("", Path.of("/jdk"), dir, "a.jar:b.jar");

        assertThat(c.trayApp()).containsExactly("/jdk/bin/java", "-cp", "a.jar:b.jar", "com.calsync.App");
    }

    @Test
    void fromTheAppBundleOnMacOs13TheAppItselfIsTheLoginItem() {
        LaunchCommand bundle = new LaunchCommand(List.of("/Applications/CalSync.app/Contents/MacOS/CalSync"), true);

        assertThat(new LoginItems(dir, Map.of(), Os.MACOS, "14.2", bundle).forPlatform()).isInstanceOf(SmAppServiceLoginItem.class);
        assertThat(new LoginItems(dir, Map.of(), Os.MACOS, "12.7.1", bundle).forPlatform()).isInstanceOf(LaunchAgentLoginItem.class);
        assertThat(new LoginItems(dir, Map.of(), Os.MACOS, "14.2", new LaunchCommand(List.of("/opt/CalSync/bin/CalSync"), true))
                .forPlatform()).as("not from a bundle").isInstanceOf(LaunchAgentLoginItem.class);
        assertThat(new LoginItems(dir, Map.of(), Os.LINUX, "6.1", bundle).all())
                .hasExactlyElementsOfTypes(XdgAutostartLoginItem.class, SystemdUserLoginItem.class);
    }

    @Test
    void onAMacTheLoginItemIsTheLaunchAgent() {
        LoginItem item = new LoginItems(dir, Map.of(), Os.MACOS, "14.2", LaunchCommand.current()).forPlatform();

        assertThat(item).isInstanceOf(LaunchAgentLoginItem.class);
        assertThat(item.status().file()).contains(dir.resolve("Library/LaunchAgents/com.calsync.daemon.plist"));
    }
}
