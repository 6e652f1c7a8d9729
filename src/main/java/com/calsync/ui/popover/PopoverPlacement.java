package com.calsync.ui.popover;

import javafx.geometry.Rectangle2D;

/**
 * Where the popover goes and how tall it may be: horizontally centred on the icon and kept on
 * the screen; below a panel at the top (macOS, most Linux panels) or above one at the bottom,
 * never over the icon itself; and never taller than the screen it opens on.
 *
 * @param x         the window's left edge
 * @param y         its top edge
 * @param maxHeight the height it may take at most
 */
public record PopoverPlacement(double x, double y, double maxHeight) {
    /** Room kept between the popover and the screen's edges or the panel. */
    static final double MARGIN = 6;

    /**
     * @param clickX     where the icon was clicked (AWT's TrayIcon reports screen coordinates)
     * @param clickY     likewise
     * @param iconHeight the icon's height in the panel, so the popover clears all of it
     * @param screen     the whole screen the click was on
     * @param visible    its usable part (the screen less panels that reserve space)
     * @param width      the popover's width
     * @param height     the height its content wants
     */
    public static PopoverPlacement of(double clickX, double clickY, double iconHeight, Rectangle2D screen,
                                      Rectangle2D visible, double width, double height) {
        double left = Math.max(visible.getMinX() + MARGIN, Math.min(clickX - width / 2, visible.getMaxX() - width - MARGIN));
        boolean panelAtTop = clickY < screen.getMinY() + screen.getHeight() / 2;
        if (panelAtTop) {
            // below the icon's lower edge, and below the panel when it reserves its space
            double top = Math.max(visible.getMinY(), clickY + iconHeight / 2) + MARGIN;
            double maxHeight = visible.getMaxY() - MARGIN - top;
            return new PopoverPlacement(left, top, maxHeight);
        }
        double bottom = Math.min(visible.getMaxY(), clickY - iconHeight / 2) - MARGIN;
        double maxHeight = bottom - visible.getMinY() - MARGIN;
        return new PopoverPlacement(left, bottom - Math.min(height, maxHeight), maxHeight);
    }
}
