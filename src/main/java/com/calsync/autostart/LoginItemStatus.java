package com.calsync.autostart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link LoginItem} found.
 *
 * @param installed     whether CalSync is set to start at login this way
 * @param kind          the mechanism, in words a user recognises ("LaunchAgent", "XDG autostart entry")
 * @param file          the file that makes it so, when there is one
 * @param command       the command line the login item runs, when known
 * @param needsApproval macOS registered it but runs it only once the user allows it in System
 *                      Settings › General › Login Items ({@link LoginItem#openSettings()} goes there)
 */
public record LoginItemStatus(boolean installed, String kind, Optional<Path> file, List<String> command,
                              boolean needsApproval) {
    /** Where a Mac user allows or stops login items. */
    public static final String MAC_LOGIN_ITEMS = "System Settings › General › Login Items";

    public LoginItemStatus {
        command = List.copyOf(command);
    }

    /** A login item that needs no approval. */
    public LoginItemStatus(boolean installed, String kind, Optional<Path> file, List<String> command) {
        this(installed, kind, file, command, false);
    }

    /** One line for {@code calsync autostart-status} and the log. */
    public String describe() {
        String where = file.map(f -> " (" + f + ")").orElse("");
        String state = !installed ? "not installed"
                : needsApproval ? "registered, but macOS starts it only once you allow CalSync in " + MAC_LOGIN_ITEMS
                : "installed";
        return kind + ": " + state + where;
    }
}
