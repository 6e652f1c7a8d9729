package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrayLauncherTest {

    @Test
    void linuxNeedsADisplayAndHeadlessAlwaysWins() {
        assertThat(TrayLauncher.desktopAvailable(Map.of(), "Linux", null)).isFalse();
        assertThat(TrayLauncher.desktopAvailable(Map.of("DISPLAY", ":0"), "Linux", null)).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", "false")).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of("DISPLAY", ":0"), "Linux", "true")).isFalse();
    }

    @Test
    void macOsAlwaysHasItsMenuBar() {
        assertThat(TrayLauncher.desktopAvailable(Map.of(), "Mac OS X", null)).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of(), "Mac OS X", "true")).isFalse();
    }
}
