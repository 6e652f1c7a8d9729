package com.calsync.autostart;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the login item for this operating system. Paths come from the given home and
 * environment only, so tests point everything at a temporary folder.
 *
 * @param userHome      what {@code ~} stands for
 * @param env           the environment ({@code XDG_CONFIG_HOME})
 * @param osName        {@code os.name}
 * @param launchCommand how to start this CalSync
 */
public record LoginItems(Path userHome, Map<String, String> env, String osName, LaunchCommand launchCommand) {

    /** How CalSync should start at login on this platform: macOS LaunchAgent, else XDG autostart. */
    public LoginItem forPlatform() {
        // SMAppService (macOS 13+) needs a call through the Objective-C runtime; until that bridge
        // lands the LaunchAgent serves every macOS version.
        if (isMac()) {
            return new LaunchAgentLoginItem(userHome, launchCommand);
        }
        return new XdgAutostartLoginItem(configHome(), launchCommand);
    }

    /** The systemd user unit (Linux only), for {@code install --systemd}. */
    public LoginItem systemd() {
        if (isMac()) {
            throw new UnsupportedOperationException("systemd user units exist on Linux only; macOS uses the LaunchAgent");
        }
        return new SystemdUserLoginItem(configHome(), launchCommand);
    }

    public boolean isMac() {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private Path configHome() {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return userHome.resolve(".config");
    }
}
