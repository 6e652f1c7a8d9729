package com.calsync.ui.model;

import java.util.Locale;

/** What the tray icon shows, most urgent last: each state has its own icon. */
public enum TrayState {
    IDLE, SYNCING, PAUSED, HELD, ERROR;

    /** The icon's base name in {@code icons/} ({@code tray-<name>-<size>.png}). */
    public String iconName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
