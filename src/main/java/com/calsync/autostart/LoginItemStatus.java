package com.calsync.autostart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link LoginItem} found.
 *
 * @param installed whether CalSync will start at the next login this way
 * @param kind      the mechanism, in words a user recognises ("LaunchAgent", "XDG autostart entry")
 * @param file      the file that makes it so, when there is one
 * @param command   the command line the login item runs, when known
 */
public record LoginItemStatus(boolean installed, String kind, Optional<Path> file, List<String> command) {

    public LoginItemStatus {
        command = List.copyOf(command);
    }

    /** One line for {@code calsync autostart-status} and the log. */
    public String describe() {
        String where = file.map(f -> " (" + f + ")").orElse("");
        return kind + ": " + (installed ? "installed" : "not installed") + where;
    }
}
