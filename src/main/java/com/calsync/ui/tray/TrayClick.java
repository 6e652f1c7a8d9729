package com.calsync.ui.tray;

import java.awt.event.MouseEvent;

/**
 * What a mouse event on the tray icon asks for. No AWT popup menu is attached to the icon on any
 * desktop: the menu is a JavaFX one, so this decides everything.
 *
 * <p>macOS: AWT's macOS tray (JDK {@code sun.lwawt.macosx.CTrayIcon#handleMouseEvent}) posts
 * MOUSE_PRESSED at once, fires the icon's ACTION on a press that is a popup trigger (right- or
 * control-click), and synthesises MOUSE_CLICKED only after the release; with a PopupMenu attached,
 * AppKit shows that menu on mouse-down ({@code CTrayIcon#getPopupMenuModel}, called from
 * AWTTrayIcon.m) and the release never reaches Java, so a popover waiting for a click never
 * opened. FXTrayIcon always attaches one ({@code new TrayIcon(image, title, popupMenu)} in its
 * {@code Restricted}) and documents that on macOS "a single click will invoke the context menu".
 * So on macOS the popover opens on the left press, as menu-bar items do, and a secondary press
 * opens the menu. Linux keeps opening the popover on a left click, and X11's popup trigger (the
 * right press, {@code XTrayIconPeer}) opens the menu.
 */
public enum TrayClick {
    TOGGLE_POPOVER, OPEN_MENU, NONE;

    /**
     * @param mac          the macOS menu bar (else an X11/Wayland tray)
     * @param id           {@link MouseEvent#getID()}
     * @param button       {@link MouseEvent#getButton()}
     * @param popupTrigger {@link MouseEvent#isPopupTrigger()}
     * @param controlDown  {@link MouseEvent#isControlDown()} (macOS: control-click is a right click)
     */
    public static TrayClick of(boolean mac, int id, int button, boolean popupTrigger, boolean controlDown) {
        boolean secondary = button == MouseEvent.BUTTON3 || popupTrigger || mac && button == MouseEvent.BUTTON1 && controlDown;
        if (id == MouseEvent.MOUSE_PRESSED && secondary) {
            return OPEN_MENU;
        }
        if (mac) {
            return id == MouseEvent.MOUSE_PRESSED && button == MouseEvent.BUTTON1 ? TOGGLE_POPOVER : NONE;
        }
        return id == MouseEvent.MOUSE_CLICKED && button == MouseEvent.BUTTON1 && !popupTrigger ? TOGGLE_POPOVER : NONE;
    }

    public static TrayClick of(boolean mac, MouseEvent e) {
        return of(mac, e.getID(), e.getButton(), e.isPopupTrigger(), e.isControlDown());
    }
}
