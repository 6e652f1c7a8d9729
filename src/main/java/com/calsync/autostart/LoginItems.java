package com.calsync.autostart;

import com.calsync.platform.Os;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the login item for this operating system. Paths come from the given home and
 * environment only, so tests point everything at a temporary folder.
 *
 * @param userHome      what {@code ~} stands for
 * @param env           the environment ({@code XDG_CONFIG_HOME})
 * @param os            the system CalSync runs on
 * @param osVersion     {@code os.version}
 * @param launchCommand how to start this CalSync
 */
public record LoginItems(Path userHome, Map<String, String> env, Os os, String osVersion, LaunchCommand launchCommand) {

    /**
     * How CalSync should start at login on this platform: on macOS 13+ from the .app bundle the
     * app itself (SMAppService), on older macOS or from a jar a LaunchAgent; elsewhere XDG autostart.
     */
    public LoginItem forPlatform() {
        if (isMac()) {
            LaunchAgentLoginItem agent = new LaunchAgentLoginItem(userHome, launchCommand);
            // SMAppService starts the bundle without arguments, so it cannot pass --home: an agent can
            return launchCommand.packagedApp() && fromAppBundle() && majorVersion() >= 13 && launchCommand.home().isEmpty()
                    ? new SmAppServiceLoginItem(launchCommand, agent) : agent;
        }
        return new XdgAutostartLoginItem(configHome(), launchCommand);
    }

    /** Every way this platform can start CalSync at login (for uninstall and status). */
    public java.util.List<LoginItem> all() {
        LoginItem preferred = forPlatform();
        if (isMac()) {
            // the SMAppService item covers (and cleans up) the LaunchAgent
            return java.util.List.of(preferred);
        }
        return java.util.List.of(preferred, systemd());
    }

    private boolean fromAppBundle() {
        return launchCommand.trayApp().get(0).contains(".app/Contents/MacOS/");
    }

    private int majorVersion() {
        try {
            return Integer.parseInt(osVersion.split("\\.")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The systemd user unit (Linux only), for {@code install --systemd}. */
    public LoginItem systemd() {
        if (isMac()) {
            throw new UnsupportedOperationException("systemd user units exist on Linux only; macOS uses the LaunchAgent");
        }
        return new SystemdUserLoginItem(configHome(), launchCommand);
    }

    public boolean isMac() {
        return os.isMac();
    }

    private Path configHome() {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return userHome.resolve(".config");
    }
}
