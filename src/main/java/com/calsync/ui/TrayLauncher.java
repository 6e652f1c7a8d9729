package com.calsync.ui;

import com.calsync.platform.Os;
import java.awt.Toolkit;
import java.util.Map;

/**
 * The plain path from {@code main} to the tray app: decides whether there is a desktop at all,
 * and sets the macOS AWT properties before AWT starts (inside JavaFX it would be too late and a
 * Dock icon would appear).
 */
public final class TrayLauncher {
    private TrayLauncher() {
    }

    /**
     * Whether a desktop can show the tray: on macOS unless headless is forced; elsewhere when an
     * X11 or Wayland display is set.
     *
     * @param headlessProperty {@code System.getProperty("java.awt.headless")}
     */
    public static boolean desktopAvailable(Map<String, String> env, Os os, String headlessProperty) {
        if ("true".equalsIgnoreCase(headlessProperty)) {
            return false;
        }
        if (os.isMac()) {
            return true;
        }
        return nonBlank(env.get("DISPLAY")) || nonBlank(env.get("WAYLAND_DISPLAY"));
    }

    /** Sets up AWT for a menu-bar app, then runs {@code app} until the user quits. */
    public static int launch(TrayApp app) throws InterruptedException {
        // no Dock icon, no app menu: CalSync lives in the menu bar (LSUIElement does the same in the .app)
        System.setProperty("apple.awt.UIElement", "true");
        // template images: macOS tints the black icons white in a dark menu bar
        System.setProperty("apple.awt.enableTemplateImages", "true");
        Toolkit.getDefaultToolkit();
        return app.run();
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
