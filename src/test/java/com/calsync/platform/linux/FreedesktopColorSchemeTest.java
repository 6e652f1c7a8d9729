package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.ColorSchemeSource.Scheme;
import com.calsync.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux's light/dark setting: the desktop portal on a real private D-Bus session (a settings
 * portal written with dbus-python), and the GTK settings when no portal answers.
 */
class FreedesktopColorSchemeTest {
    @TempDir
    Path dir;

    @Test
    void thePortalsValues() {
        assertThat(FreedesktopColorScheme.ofPortal(1)).contains(Scheme.DARK);
        assertThat(FreedesktopColorScheme.ofPortal(2)).contains(Scheme.LIGHT);
        assertThat(FreedesktopColorScheme.ofPortal(0)).isEmpty();
        assertThat(FreedesktopColorScheme.ofPortal(7)).isEmpty();
    }

    @Test
    void gtkDecidesWithoutAPortal() throws Exception {
        assertThat(FreedesktopColorScheme.fromGtk(Map.of("GTK_THEME", "Adwaita:dark"), dir)).isEqualTo(Scheme.DARK);
        assertThat(FreedesktopColorScheme.fromGtk(Map.of("GTK_THEME", "Adwaita"), dir)).isEqualTo(Scheme.LIGHT);
        assertThat(FreedesktopColorScheme.fromGtk(Map.of(), dir)).as("no settings at all").isEqualTo(Scheme.LIGHT);

        Path ini = Files.createDirectories(dir.resolve(".config/gtk-3.0")).resolve("settings.ini");
        Files.writeString(ini, "[Settings]\ngtk-theme-name = Arc-Dark\n");
        assertThat(FreedesktopColorScheme.fromGtk(Map.of(), dir)).isEqualTo(Scheme.DARK);
        Files.writeString(ini, "[Settings]\ngtk-theme-name=Adwaita\ngtk-application-prefer-dark-theme=1\n");
        assertThat(FreedesktopColorScheme.fromGtk(Map.of(), dir)).isEqualTo(Scheme.DARK);
        Files.writeString(ini, "[Settings]\ngtk-theme-name=Adwaita\n");
        assertThat(FreedesktopColorScheme.fromGtk(Map.of(), dir)).isEqualTo(Scheme.LIGHT);

        // XDG_CONFIG_HOME moves GTK's settings
        Path elsewhere = Files.createDirectories(dir.resolve("xdg/gtk-3.0"));
        Files.writeString(elsewhere.resolve("settings.ini"), "gtk-application-prefer-dark-theme=true\n");
        assertThat(FreedesktopColorScheme.fromGtk(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), dir))
                .isEqualTo(Scheme.DARK);
    }

    @Test
    void withoutASessionBusGtkDecides() {
        try (FreedesktopColorScheme scheme = FreedesktopColorScheme.forSession(Map.of("GTK_THEME", "Adwaita:dark"), dir)) {
            assertThat(scheme.current()).isEqualTo(Scheme.DARK);
        }
    }

    @Test
    @Tag("external")
    void aBusWithoutAPortalFallsBackToGtk() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir)) {
            Map<String, String> env = new HashMap<>(bus.env());
            try (FreedesktopColorScheme scheme = FreedesktopColorScheme.forSession(env, dir)) {
                assertThat(scheme.current()).isEqualTo(Scheme.LIGHT);
            }
            env.put("GTK_THEME", "Adwaita:dark");
            try (FreedesktopColorScheme scheme = FreedesktopColorScheme.forSession(env, dir)) {
                assertThat(scheme.current()).isEqualTo(Scheme.DARK);
            }
        }
    }

    @Test
    @Tag("external")
    void thePortalDecidesAndItsSwitchesArriveLive() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir).withDesktop("--portal", "1")) {
            Map<String, String> env = new HashMap<>(bus.env());
            env.put("GTK_THEME", "Adwaita:dark");  // the fallback, for "no preference"
            try (FreedesktopColorScheme scheme = FreedesktopColorScheme.forSession(env, dir)) {
                assertThat(scheme.current()).as("the portal prefers dark").isEqualTo(Scheme.DARK);
                List<Scheme> heard = new CopyOnWriteArrayList<>();
                scheme.onChange(heard::add);

                bus.switchScheme(2);
                Await.until("the switch to light arrives", Duration.ofSeconds(10), () -> heard.contains(Scheme.LIGHT));
                assertThat(scheme.current()).isEqualTo(Scheme.LIGHT);

                bus.switchScheme(0);  // no preference: the GTK setting again
                Await.until("no preference arrives", Duration.ofSeconds(10), () -> heard.size() == 2);
                assertThat(heard).containsExactly(Scheme.LIGHT, Scheme.DARK);
                assertThat(scheme.current()).isEqualTo(Scheme.DARK);
            }
        }
    }
}
