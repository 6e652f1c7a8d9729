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
        awtProperties(System.getProperty(GTK_VERSION), System.getProperty(ROBOT_GTK)).forEach(System::setProperty);
        Toolkit.getDefaultToolkit();
        return app.run();
    }

    static final String GTK_VERSION = "jdk.gtk.version";
    static final String ROBOT_GTK = "awt.robot.gtk";

    /**
     * The system properties AWT must see before it starts.
     *
     * <ul>
     * <li>{@code apple.awt.UIElement}: no Dock icon, no app menu: CalSync lives in the menu bar
     *     (LSUIElement does the same in the .app).</li>
     * <li>{@code apple.awt.enableTemplateImages}: macOS tints the black template icons white in a
     *     dark menu bar.</li>
     * <li>{@code jdk.gtk.version=3} (unless the user set it): AWT starts before JavaFX now (JavaFX
     *     waits for the first click) and, left to choose, loaded GTK 2 here (JDK 17
     *     {@code UNIXToolkit}, {@code -Djdk.gtk.verbose=true} says "Looking for GTK2 library");
     *     JavaFX 21 has only GTK 3 (JDK-8299595 removed GTK 2) and refuses to start beside a loaded
     *     GTK 2 ("found already loaded unsupported GTK library libgtk-x11-2.0.so.0"). JavaFX sets
     *     this property itself when it starts first, for the same reason.</li>
     * <li>{@code awt.robot.gtk=false} (unless the user set it): what loaded GTK into AWT at all was
     *     the {@link java.awt.Robot} that reads the panel's colour ({@code TrayIconBackground}):
     *     JDK 17's {@code XRobotPeer} calls {@code UNIXToolkit#loadGTK} unless this property is
     *     false, and then reads pixels with plain X11 calls — enough for a tray panel. GTK 3, once
     *     loaded, opens its GL visuals too (Mesa and LLVM, ~60 MB resident here); without it the
     *     idle icon stays clear of all that until JavaFX starts.</li>
     * </ul>
     *
     * @param gtkVersion the user's {@code jdk.gtk.version}, or null
     * @param robotGtk   the user's {@code awt.robot.gtk}, or null
     */
    static Map<String, String> awtProperties(String gtkVersion, String robotGtk) {
        return Map.of("apple.awt.UIElement", "true", "apple.awt.enableTemplateImages", "true",
                GTK_VERSION, gtkVersion == null ? "3" : gtkVersion, ROBOT_GTK, robotGtk == null ? "false" : robotGtk);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
