package com.calsync.autostart;

import java.io.IOException;

/**
 * Starting CalSync when the user logs in: one implementation per operating system, picked at
 * start-up by {@link LoginItems#forPlatform}. Used by the tray's "Open at login" toggle and by
 * {@code calsync install | uninstall | autostart-status}.
 */
public interface LoginItem {

    /** Whether CalSync starts at login this way, and from where. Reads files only; cheap. */
    LoginItemStatus status();

    /** Makes CalSync start at login; installing again rewrites the entry (e.g. after a move). */
    LoginItemStatus install() throws IOException;

    /** Stops CalSync from starting at login; nothing to remove is not an error. */
    LoginItemStatus uninstall() throws IOException;

    /**
     * Opens the system's settings for login items, where a user approves or stops this one
     * (macOS: System Settings › General › Login Items) — for a status that {@code needsApproval}.
     *
     * @return false where there is no such place to open
     */
    default boolean openSettings() {
        return false;
    }
}
