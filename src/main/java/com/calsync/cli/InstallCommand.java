package com.calsync.cli;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.LoginItem;
import com.calsync.autostart.LoginItemStatus;
import com.calsync.autostart.LoginItems;
import java.io.IOException;
import java.util.concurrent.Callable;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.config.ConfigLoadResult;
import com.calsync.config.ConfigLoader;
import com.calsync.config.PairConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync install [--systemd]}: start CalSync at login — a LaunchAgent on macOS, an XDG
 * autostart entry on Linux desktops, or with {@code --systemd} a systemd user unit running the
 * daemon (restarted on failure) instead.
 */
@Command(name = "install", description = {"Start CalSync when you log in.",
        "macOS: a LaunchAgent (restarts it after a crash). Linux: an XDG autostart entry for the tray app,",
        "or with --systemd a systemd user unit running the daemon."})
final class InstallCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--systemd", description = "Linux: install a systemd user unit (calsync daemon, Restart=on-failure) "
            + "instead of the desktop's autostart entry; for machines without a desktop.")
    boolean systemd;

    InstallCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The login items for the environment's platform and home, starting this very CalSync on the
     * same folders ({@code --home} or CALSYNC_HOME passed on as {@code --home}).
     */
    static LoginItems loginItems(CliEnvironment environment, CalSyncCommand root) {
        return new LoginItems(environment.userHome(), environment.env(), environment.os(), System.getProperty("os.version", ""),
                LaunchCommand.current().withHome(environment.homeFolder(java.util.Optional.ofNullable(root.home))));
    }

    @Override
    public Integer call() throws IOException {
        LoginItems items = loginItems(environment, CalSyncCommand.root(spec));
        if (systemd && items.isMac()) {
            environment.err().println("calsync install: --systemd is for Linux; on macOS run `calsync install` (a LaunchAgent).");
            return ExitCodes.USAGE;
        }
        LoginItem chosen = systemd ? items.systemd() : items.forPlatform();
        // one way at a time: a desktop entry and a unit together would start two copies
        LoginItem other = items.isMac() ? null : (systemd ? items.forPlatform() : items.systemd());
        if (other != null && other.status().installed()) {
            other.uninstall();
            environment.out().println("Removed " + other.status().kind() + " " + other.status().file().map(Object::toString).orElse(""));
        }
        LoginItemStatus status = chosen.install();
        environment.out().println("Installed " + status.kind() + ": " + status.file().map(Object::toString).orElse(""));
        environment.out().println("It runs: " + String.join(" ", status.command()));
        if (status.needsApproval()) {
            environment.out().println("macOS starts it only once you allow CalSync in " + LoginItemStatus.MAC_LOGIN_ITEMS
                    + " (`calsync autostart-status --open-settings` opens it).");
        }
        if (items.isMac() && !LaunchCommand.current().packagedApp()) {
            warnAboutEventKit(eventKitPairs(CalSyncCommand.root(spec).paths().configFile(), environment.userHome()));
        }
        if (systemd) {
            environment.out().println("To start it now: systemctl --user daemon-reload && systemctl --user start calsync");
        } else {
            environment.out().println("CalSync will start at your next login.");
        }
        return ExitCodes.OK;
    }

    /**
     * A LaunchAgent that runs {@code java … daemon} can never use macOS Calendar: calendar access is
     * granted to an app, by its bundle and its usage string, and a bare java process has neither, so
     * macOS refuses without asking.
     */
    private void warnAboutEventKit(List<String> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        environment.err().println("warning: " + String.join(", ", pairs) + (pairs.size() == 1 ? " uses" : " use")
                + " macOS Calendar, which this login item can never read: it runs CalSync from a jar (java … daemon),"
                + " and macOS gives calendar access only to an app with a bundle and a usage string — a plain java"
                + " process is refused without a prompt. Install CalSync.app and turn on Open at login there (or run"
                + " `/Applications/CalSync.app/Contents/MacOS/CalSync install`); the other pairs sync from the jar as they are.");
    }

    /** The enabled pairs with a macOS Calendar side, from a valid config.json (none when there is none). */
    static List<String> eventKitPairs(Path configFile, Path userHome) {
        if (!Files.isRegularFile(configFile)) {
            return List.of();
        }
        ConfigLoadResult result = new ConfigLoader(userHome).load(configFile);
        if (!result.isValid()) {
            return List.of();
        }
        CalSyncConfig config = result.config().orElseThrow();
        return config.enabledPairs().stream()
                .filter(p -> config.sourceOf(p) instanceof CalendarConfig.EventKit || config.targetOf(p) instanceof CalendarConfig.EventKit)
                .map(PairConfig::name).toList();
    }
}
