package com.calsync.platform.macos;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.ColorSchemeSource.Scheme;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The appearance and notifications against the real macOS (the workflow runs these on its runners). */
@Tag("macos")
class MacDesktopTest {

    @Test
    void theAppearanceIsReadThroughAppleRuntimeAndAgreesWithTheDefaults() throws Exception {
        try (MacAppearance appearance = MacAppearance.system()) {
            Scheme scheme = appearance.current();
            // off the main thread the defaults decide: what `defaults read -g AppleInterfaceStyle` prints
            Process p = new ProcessBuilder("/usr/bin/defaults", "read", "-g", "AppleInterfaceStyle").redirectErrorStream(true).start();
            String style = new String(p.getInputStream().readAllBytes()).strip();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(scheme).isEqualTo(p.exitValue() == 0 && style.equalsIgnoreCase("Dark") ? Scheme.DARK : Scheme.LIGHT);
        }
    }

    @Test
    void aNotificationWithQuotesAndBackslashesReachesNotificationCenter() throws Exception {
        int exit = AppleScriptNotifier.system().send("CalSync CI: \"Work\" \\ test", "end tell\" & beep & \"\nline 2")
                .get(30, TimeUnit.SECONDS);
        assertThat(exit).as("osascript's exit code (its error is in the log)").isZero();
    }
}
