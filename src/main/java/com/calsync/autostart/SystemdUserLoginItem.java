package com.calsync.autostart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Linux without a desktop (or by choice, {@code calsync install --systemd}): a systemd user unit,
 * {@code $XDG_CONFIG_HOME/systemd/user/calsync.service}, running {@code calsync daemon} and
 * restarted on failure. Enabling is the same link {@code systemctl --user enable} makes
 * ({@code default.target.wants/calsync.service}), written directly so it works without a
 * running user manager; the manager picks it up at the next login or {@code daemon-reload}.
 */
public final class SystemdUserLoginItem implements LoginItem {
    public static final String UNIT = "calsync.service";

    private final Path unitFile;
    private final Path wantsLink;
    private final LaunchCommand launchCommand;

    /**
     * @param configHome    {@code $XDG_CONFIG_HOME}, or {@code ~/.config}
     * @param launchCommand how to start this CalSync
     */
    public SystemdUserLoginItem(Path configHome, LaunchCommand launchCommand) {
        Path userUnits = configHome.resolve("systemd").resolve("user");
        this.unitFile = userUnits.resolve(UNIT);
        this.wantsLink = userUnits.resolve("default.target.wants").resolve(UNIT);
        this.launchCommand = launchCommand;
    }

    public Path unitFile() {
        return unitFile;
    }

    public Path wantsLink() {
        return wantsLink;
    }

    @Override
    public LoginItemStatus status() {
        boolean enabled = Files.isRegularFile(unitFile) && Files.exists(wantsLink, LinkOption.NOFOLLOW_LINKS);
        return new LoginItemStatus(enabled, "systemd user unit", Optional.of(unitFile),
                enabled ? launchCommand.daemon() : List.of());
    }

    @Override
    public LoginItemStatus install() throws IOException {
        FileReplacement.write(unitFile, unitText());
        Files.createDirectories(wantsLink.getParent());
        Files.deleteIfExists(wantsLink);
        Files.createSymbolicLink(wantsLink, wantsLink.getParent().relativize(unitFile));
        return status();
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        Files.deleteIfExists(wantsLink);
        Files.deleteIfExists(unitFile);
        return status();
    }

    String unitText() {
        return "[Unit]\n"
                + "Description=CalSync calendar sync\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "ExecStart=" + execStart(launchCommand.daemon()) + "\n"
                + "Restart=on-failure\n"
                + "RestartSec=30\n"
                // SIGTERM (systemctl stop) ends the JVM with 143 after a clean stop: not a failure
                + "SuccessExitStatus=143\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=default.target\n";
    }

    /** systemd's command-line quoting: double quotes with C escapes; % and $ doubled (specifiers, variables). */
    static String execStart(List<String> argv) {
        return argv.stream().map(SystemdUserLoginItem::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        String escaped = arg.replace("%", "%%").replace("$", "$$");
        if (!escaped.isEmpty() && escaped.chars().noneMatch(c -> " \t\n\"'\\;".indexOf(c) >= 0)) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
