package com.calsync.ui.settings;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * ⌘, (macOS's shortcut for an app's settings; Ctrl+, elsewhere). CalSync has no menu bar of its
 * own (it is a menu-bar extra without a Dock icon), so the shortcut works in its own windows: the
 * popover and the Settings window.
 */
public final class SettingsShortcut {
    /** SHORTCUT is ⌘ on macOS and Ctrl elsewhere (javafx.scene.input.KeyCombination). */
    public static final KeyCombination KEYS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

    private SettingsShortcut() {
    }

    public static void install(Scene scene, Runnable openSettings) {
        scene.getAccelerators().put(KEYS, openSettings);
    }
}
