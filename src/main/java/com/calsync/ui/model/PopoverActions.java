package com.calsync.ui.model;

/** What the popover's controls ask for; the tray app carries it out off the UI thread. */
public interface PopoverActions {
    void syncNow();

    /** Pause when running, resume when paused. */
    void togglePause(boolean currentlyPaused);

    void approveDeletions(String pair);

    void rejectDeletions(String pair);

    void openConfig();

    void openLogs();

    /** Opens the Settings window (accounts, calendars, pairs). */
    void openSettings();

    void quit();

    /** The "Open at login" toggle changed. */
    void setOpenAtLogin(boolean on);
}
