package com.calsync.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUserLoginItemTest {
    @TempDir
    Path home;

    private static final LaunchCommand JAR = new LaunchCommand(List.of("/usr/lib/jvm/java-17/bin/java", "-jar", "/home/me/calsync/calsync.jar"), false);

    @Test
    void installWritesTheUnitAndTheEnableLink() throws Exception {
        SystemdUserLoginItem item = (SystemdUserLoginItem) new LoginItems(home, Map.of(), Os.LINUX, "14.2", JAR).systemd();

        LoginItemStatus status = item.install();

        Path unit = home.resolve(".config/systemd/user/calsync.service");
        Path link = home.resolve(".config/systemd/user/default.target.wants/calsync.service");
        assertThat(status.installed()).isTrue();
        assertThat(Files.readAllLines(unit)).contains(
                "ExecStart=/usr/lib/jvm/java-17/bin/java -jar /home/me/calsync/calsync.jar daemon",
                "Restart=on-failure", "WantedBy=default.target");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.getParent().resolve(Files.readSymbolicLink(link)).normalize()).isEqualTo(unit);
    }

    @Test
    void uninstallRemovesUnitAndLink() throws Exception {
        SystemdUserLoginItem item = new SystemdUserLoginItem(home.resolve(".config"), JAR);
        item.install();

        assertThat(item.uninstall().installed()).isFalse();

        assertThat(item.unitFile()).doesNotExist();
        assertThat(Files.exists(item.wantsLink(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aUnitWithoutTheLinkIsNotEnabled() throws Exception {
        SystemdUserLoginItem item = new SystemdUserLoginItem(home, JAR);
        item.install();
        Files.delete(item.wantsLink());

        assertThat(item.status().installed()).isFalse();
    }

    @Test
    void execStartQuotesSpacesAndDoublesSpecifiers() {
        assertThat(SystemdUserLoginItem.execStart(List.of("/opt/Cal Sync/bin/CalSync", "50%", "$HOME", "daemon")))
                .isEqualTo("\"/opt/Cal Sync/bin/CalSync\" 50%% $$HOME daemon");
    }

    @Test
    void macOsHasNoSystemd() {
        assertThatThrownBy(() -> new LoginItems(home, Map.of(), Os.MACOS, "14.2", JAR).systemd())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("LaunchAgent");
    }
}
