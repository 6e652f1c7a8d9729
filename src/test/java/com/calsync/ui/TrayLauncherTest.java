package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrayLauncherTest {

    @Test
    void linuxNeedsADisplayAndHeadlessAlwaysWins() {
        assertThat(TrayLauncher.desktopAvailable(Map.of(), Os.LINUX, null)).isFalse();
        assertThat(TrayLauncher.desktopAvailable(Map.of("DISPLAY", ":0"), Os.LINUX, null)).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of("WAYLAND_DISPLAY", "wayland-0"), Os.LINUX, "false")).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of("DISPLAY", ":0"), Os.LINUX, "true")).isFalse();
    }

    @Test
    void macOsAlwaysHasItsMenuBar() {
        assertThat(TrayLauncher.desktopAvailable(Map.of(), Os.MACOS, null)).isTrue();
        assertThat(TrayLauncher.desktopAvailable(Map.of(), Os.MACOS, "true")).isFalse();
    }

    @Test
    void awtLoadsNoGtkForItsRobotAndOnlyGtk3AsJavaFxNeedsUnlessTheUserChoseOtherwise() {
        assertThat(TrayLauncher.awtProperties(null, null)).containsEntry("jdk.gtk.version", "3").containsEntry("awt.robot.gtk", "false")
                .containsEntry("apple.awt.UIElement", "true").containsEntry("apple.awt.enableTemplateImages", "true");
        assertThat(TrayLauncher.awtProperties("2", "true")).containsEntry("jdk.gtk.version", "2").containsEntry("awt.robot.gtk", "true");
    }
}
