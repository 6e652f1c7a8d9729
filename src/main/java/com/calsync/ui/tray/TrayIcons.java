package com.calsync.ui.tray;

import com.calsync.ui.model.TrayState;
import java.awt.Image;
import java.awt.image.BaseMultiResolutionImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.imageio.ImageIO;

/**
 * The tray icon images on the class path (drawn by {@code icons/make-icons.py}): black template
 * images with alpha on macOS, which the menu bar tints for light and dark mode, coloured ones
 * elsewhere; all with transparent backgrounds.
 *
 * @param template use the macOS template images
 * @param size     16, 22 or 32 (logical pixels)
 */
public record TrayIcons(boolean template, int size) {

    public URL url(TrayState state) {
        return resource(state, "");
    }

    /** The @2x image (twice the pixels), for Retina menu bars and HiDPI panels. */
    public URL retinaUrl(TrayState state) {
        return resource(state, "@2x");
    }

    private URL resource(TrayState state, String scale) {
        String name = "icons/tray-" + state.iconName() + (template ? "Template" : "") + "-" + size + scale + ".png";
        URL url = TrayIcons.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("tray icon " + name + " is missing from the build (run icons/make-icons.py)");
        }
        return url;
    }

    /**
     * Both sizes as one AWT image: a {@link java.awt.image.MultiResolutionImage} lets the macOS
     * tray (CImage.createFromImage) hand AppKit an NSImage with the @2x representation, so a
     * Retina menu bar draws the 32 px file instead of a blurred 16 px one.
     */
    public Image image(TrayState state) {
        try {
            return new BaseMultiResolutionImage(ImageIO.read(url(state)), ImageIO.read(retinaUrl(state)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tray icon of state " + state, e);
        }
    }
}
