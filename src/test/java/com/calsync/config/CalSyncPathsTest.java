package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalSyncPathsTest {
    private static final Path HOME = Path.of("/home/wang");

    @Test
    void linuxUsesXdgDefaults() {
        CalSyncPaths p = CalSyncPaths.resolve(Optional.empty(), Map.of(), Os.LINUX, HOME);

        assertThat(p.configFile()).isEqualTo(Path.of("/home/wang/.config/calsync/config.json"));
        assertThat(p.stateDir()).isEqualTo(Path.of("/home/wang/.local/state/calsync"));
        assertThat(p.logDir()).isEqualTo(Path.of("/home/wang/.local/state/calsync/logs"));
        assertThat(p.journalDir()).isEqualTo(Path.of("/home/wang/.local/state/calsync/journal"));
        assertThat(p.statusFile()).isEqualTo(Path.of("/home/wang/.local/state/calsync/status.json"));
    }

    @Test
    void linuxHonoursXdgVariablesButNotRelativeOnes() {
        CalSyncPaths p = CalSyncPaths.resolve(Optional.empty(),
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/st"), Os.LINUX, HOME);
        assertThat(p.configFile()).isEqualTo(Path.of("/cfg/calsync/config.json"));
        assertThat(p.logDir()).isEqualTo(Path.of("/st/calsync/logs"));

        CalSyncPaths relative = CalSyncPaths.resolve(Optional.empty(),
                Map.of("XDG_CONFIG_HOME", "cfg", "XDG_STATE_HOME", ""), Os.LINUX, HOME);
        assertThat(relative.configDir()).isEqualTo(Path.of("/home/wang/.config/calsync"));
        assertThat(relative.stateDir()).isEqualTo(Path.of("/home/wang/.local/state/calsync"));
    }

    @Test
    void macOsUsesLibraryFolders() {
        CalSyncPaths p = CalSyncPaths.resolve(Optional.empty(), Map.of("XDG_CONFIG_HOME", "/ignored"), Os.MACOS, HOME);

        assertThat(p.configFile()).isEqualTo(Path.of("/home/wang/Library/Application Support/CalSync/config.json"));
        assertThat(p.stateDir()).isEqualTo(Path.of("/home/wang/Library/Application Support/CalSync"));
        assertThat(p.logDir()).isEqualTo(Path.of("/home/wang/Library/Logs/CalSync"));
    }

    @Test
    void calsyncHomeOverridesEverythingAndHomeOptionBeatsIt() {
        CalSyncPaths env = CalSyncPaths.resolve(Optional.empty(), Map.of("CALSYNC_HOME", "/tmp/cs"), Os.MACOS, HOME);
        assertThat(env.configFile()).isEqualTo(Path.of("/tmp/cs/config.json"));
        assertThat(env.stateDir()).isEqualTo(Path.of("/tmp/cs/state"));
        assertThat(env.logDir()).isEqualTo(Path.of("/tmp/cs/logs"));

        CalSyncPaths option = CalSyncPaths.resolve(Optional.of(Path.of("~/alt")), Map.of("CALSYNC_HOME", "/tmp/cs"), Os.LINUX, HOME);
        assertThat(option.configFile()).isEqualTo(Path.of("/home/wang/alt/config.json"));
        assertThat(option.dbDir()).isEqualTo(Path.of("/home/wang/alt/state/db"));
    }
}
