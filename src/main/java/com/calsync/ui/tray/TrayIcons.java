package com.calsync.ui.tray;

import com.calsync.ui.model.TrayState;
import java.net.URL;

/**
 * The tray icon images on the class path (drawn by {@code icons/make-icons.py}): black template
 * images on macOS, which the menu bar tints for light and dark mode, coloured ones elsewhere.
 *
 * @param template use the macOS template images
 * @param size     16, 22 or 32 (logical pixels); @2x variants are picked for HiDPI when present
 */
public record TrayIcons(boolean template, int size) {

    public URL url(TrayState state) {
        String name = "icons/tray-" + state.iconName() + (template ? "Template" : "") + "-" + size + ".png";
        URL url = TrayIcons.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("tray icon " + name + " is missing from the build (run icons/make-icons.py)");
        }
        return url;
    }

    /** The @2x image (twice the pixels), for Retina menu bars and HiDPI panels. */
    public URL retinaUrl(TrayState state) {
        String name = "icons/tray-" + state.iconName() + (template ? "Template" : "") + "-" + size + "@2x.png";
        URL url = TrayIcons.class.getResource(name);
        return url != null ? url : url(state);
    }
}
