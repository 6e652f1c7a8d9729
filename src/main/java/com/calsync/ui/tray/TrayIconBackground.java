package com.calsync.ui.tray;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the X11 tray icon the panel's colour as its background, since it cannot be transparent.
 *
 * <p>An X11 tray host (XEmbed) takes the icon as a window of AWT's, made with the default, opaque
 * visual; AWT fills it with that window's background before drawing the image (JDK
 * {@code sun.awt.X11.XTrayIconPeer.IconCanvas#paint}: {@code fillRect} in {@code getBackground()},
 * then {@code drawImage}), and nothing in the TrayIcon API sets that background or asks for an
 * ARGB visual (JDK-8176256). So a transparent image showed on a light-grey square. The JDK's own
 * note in XTrayIconPeer: "we need this workaround until we could detect taskbar color". This
 * detects it: once the host has embedded the icon, the pixels just outside the icon's window
 * (the panel, or the host's socket around it) are read, and the most common colour becomes the
 * background of AWT's icon window (a {@code java.awt.Window}, so {@link Window#getWindows()}
 * lists it). Limits: a panel with a gradient or a wallpaper behind it gets one flat colour; a
 * host that draws the icon elsewhere (KDE's xembedsniproxy) is not helped. AWT's event thread only.
 */
public final class TrayIconBackground {
    private static final Logger log = LoggerFactory.getLogger(TrayIconBackground.class);
    /** The JDK's window for a tray icon on X11 (an XEmbeddedFrame). */
    static final String AWT_TRAY_WINDOW = "sun.awt.X11.XTrayIconPeer$XTrayIconEmbeddedFrame";

    /**
     * Sets the panel's colour behind every tray icon of this process.
     *
     * @return the colour set, or empty when there was no icon window or no colour to read
     */
    public Optional<Color> matchPanel() {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty();
        }
        Robot robot;
        try {
            robot = new Robot();
        } catch (AWTException | SecurityException e) {
            log.debug("cannot read the panel's colour: {}", e.getMessage());
            return Optional.empty();
        }
        Optional<Color> set = Optional.empty();
        for (Window w : Window.getWindows()) {
            if (!w.getClass().getName().equals(AWT_TRAY_WINDOW) || !w.isShowing()) {
                continue;
            }
            Rectangle icon = new Rectangle(w.getLocationOnScreen(), w.getSize());
            Rectangle screen = w.getGraphicsConfiguration().getBounds();
            List<Color> samples = new ArrayList<>();
            for (Point p : around(icon, screen)) {
                samples.add(robot.getPixelColor(p.x, p.y));
            }
            Optional<Color> panel = mostCommon(samples);
            panel.ifPresent(c -> {
                if (!c.equals(w.getBackground())) {
                    log.debug("the tray icon's background becomes the panel's colour {}", c);
                    w.setBackground(c);
                    repaint(w);
                }
            });
            set = set.or(() -> panel);
        }
        return set;
    }

    private static void repaint(Component c) {
        c.repaint();
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                repaint(child);
            }
        }
    }

    /** The points just outside {@code icon} on each side (left, right, above, below) that are on {@code screen}. */
    static List<Point> around(Rectangle icon, Rectangle screen) {
        int midX = icon.x + icon.width / 2;
        int midY = icon.y + icon.height / 2;
        List<Point> points = new ArrayList<>();
        for (Point p : List.of(new Point(icon.x - 1, midY), new Point(icon.x + icon.width, midY),
                new Point(midX, icon.y - 1), new Point(midX, icon.y + icon.height))) {
            if (screen.contains(p)) {
                points.add(p);
            }
        }
        return points;
    }

    /** The colour most samples have; of equally common ones the first; empty without samples. */
    static Optional<Color> mostCommon(List<Color> samples) {
        Map<Color, Integer> counts = new LinkedHashMap<>();
        samples.forEach(c -> counts.merge(c, 1, Integer::sum));
        Color best = null;
        int bestCount = 0;
        for (Map.Entry<Color, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
