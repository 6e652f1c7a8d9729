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
}
