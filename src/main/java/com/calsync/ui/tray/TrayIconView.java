package com.calsync.ui.tray;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.Notice;
import com.calsync.ui.model.TimeText;
import com.calsync.ui.model.TrayState;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The icon in the menu bar / system tray: its image follows the state, its tooltip tells the
 * state and the last sync, and clicks go by {@link TrayClick}: the popover, or the JavaFX
 * {@link TrayMenu}. A plain AWT {@link TrayIcon} without a PopupMenu or an action listener — what
 * FXTrayIcon adds (an AWT menu, a default action showing its owner stage, implicit exit turned on
 * when hidden, Swing's look and feel loaded) is what broke the Mac's click and the menu's speed.
 * No JavaFX here: the icon comes up, follows the service and notifies before JavaFX is started
 * (the popover starts it on the first click). Public methods are called on AWT's event thread.
 */
public final class TrayIconView {
    private static final Logger log = LoggerFactory.getLogger(TrayIconView.class);
    /** How long after the icon is embedded the panel is read: the host paints its panel first. */
    private static final Duration PANEL_SETTLES = Duration.ofMillis(700);
    private final TrayIcon icon;
    private final boolean mac;
    private final TrayIconBackground background = new TrayIconBackground();
    private final TrayIcons icons;
    private final TimeText times;
    private final AtomicBoolean showing = new AtomicBoolean();
    private TrayState shownState = TrayState.IDLE;
    private String tooltip = "CalSync";
    private boolean tooltipSuppressed;

    /**
     * @param icons   which images to use
     * @param mac     the macOS menu bar: the popover opens on mouse-down
     * @param popover gets the screen point clicked, to anchor the popover (on AWT's event thread)
     * @param menu    gets the screen point of a secondary click, to show the menu there (on AWT's event thread)
     * @param clock   "now" and the zone for the tooltip's times
     */
    public TrayIconView(TrayIcons icons, boolean mac, BiConsumer<Double, Double> popover, BiConsumer<Double, Double> menu,
                        Clock clock) {
        this.icons = icons;
        this.mac = mac;
        this.times = new TimeText(clock);
        icon = new TrayIcon(icons.image(TrayState.IDLE), tooltip);
        // macOS: the image's own size (16 pt, with its @2x); X11: scaled to the tray's slot
        icon.setImageAutoSize(!mac);
        icon.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                handle(e);
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                handle(e);
            }

            private void handle(MouseEvent e) {
                TrayClick click = TrayClick.of(mac, e);
                log.debug("tray mouse event {} -> {}", e, click);
                // TrayIcon's MouseEvents carry screen coordinates (java.awt.TrayIcon#addMouseListener)
                double x = e.getX();
                double y = e.getY();
                if (click != TrayClick.NONE) {
                    // before the popover or menu shows and takes the focus
                    hideShownTooltips();
                }
                switch (click) {
                    case TOGGLE_POPOVER -> popover.accept(x, y);
                    case OPEN_MENU -> menu.accept(x, y);
                    case NONE -> { }
                }
            }
        });
    }

    /** Puts the icon in the tray (asynchronous: the tray host embeds it a moment later). */
    public void show() {
        EventQueue.invokeLater(() -> {
            try {
                SystemTray.getSystemTray().add(icon);
                showing.set(true);
                matchPanel(PANEL_SETTLES);
            } catch (AWTException | IllegalArgumentException e) {
                log.warn("cannot add the tray icon: {}", e.getMessage());
            }
        });
    }

    /**
     * X11: after {@code delay}, the icon's background becomes the colour of the panel around it
     * (see {@link TrayIconBackground}); again whenever the desktop's theme changes. Not on macOS,
     * whose menu bar draws the template image itself.
     */
    public void matchPanel(Duration delay) {
        if (mac) {
            return;
        }
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> EventQueue.invokeLater(() -> {
            if (showing.get()) {
                background.matchPanel();
            }
        }));
    }

    public boolean isShowing() {
        return showing.get();
    }

    /** The icon's height in the tray, once AWT knows it (0 before). */
    public double height() {
        return icon.getSize().getHeight();
    }

    public void hide() {
        EventQueue.invokeLater(() -> {
            SystemTray.getSystemTray().remove(icon);
            showing.set(false);
        });
    }

    public void render(AppView view) {
        if (view.state() != shownState) {
            shownState = view.state();
            java.awt.Image image = icons.image(view.state());
            EventQueue.invokeLater(() -> icon.setImage(image));
        }
        String text = tooltip(view);
        if (!text.equals(tooltip)) {
            tooltip = text;
            applyTooltip();
        }
    }

    /**
     * While the popover is open the icon has no tooltip: it would be drawn over the popover's
     * header when the popover opens under the pointer. A tooltip already up is taken down by the
     * click itself (see {@link #hideShownTooltips}).
     */
    public void suppressTooltip(boolean suppressed) {
        if (suppressed != tooltipSuppressed) {
            tooltipSuppressed = suppressed;
            applyTooltip();
        }
    }

    /** X11's tooltip of a tray icon: a window of AWT's own (macOS draws its tooltips natively). */
    static final String AWT_TRAY_TOOLTIP = "sun.awt.X11.InfoWindow$Tooltip";

    /**
     * Hides the tray icons' tooltips that are up. X11's stays until the pointer leaves the icon or
     * for 10 s, and clearing the text does not take it down (JDK
     * {@code sun.awt.X11.InfoWindow.Tooltip}: {@code display()} reads the text once, {@code exit()}
     * on mouse exit hides it). AWT's event thread only.
     */
    static void hideShownTooltips() {
        for (java.awt.Window w : java.awt.Window.getWindows()) {
            if (w.getClass().getName().equals(AWT_TRAY_TOOLTIP) && w.isVisible()) {
                w.setVisible(false);
            }
        }
    }

    private void applyTooltip() {
        String text = tooltipSuppressed ? null : tooltip;
        EventQueue.invokeLater(() -> icon.setToolTip(text));
    }

    /** One line: trays draw a line break as nothing, which ran "Idle" and "Last sync" together. */
    String tooltip(AppView view) {
        return "CalSync — " + view.stateText() + " · last sync " + view.lastSync().map(times::when).orElse("never");
    }

    /** AWT's balloon: only where the desktop's own notification service is not available. */
    public void notify(Notice notice) {
        EventQueue.invokeLater(() -> icon.displayMessage(notice.title(), notice.text(),
                notice.warning() ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO));
    }

    /** The tooltip the icon shows now (null while suppressed). AWT's event thread. */
    public String shownTooltip() {
        return icon.getToolTip();
    }

    /** The state whose image the icon shows. AWT's event thread. */
    public TrayState shownState() {
        return shownState;
    }

    /** For tests: the mouse listeners AWT calls. */
    List<java.awt.event.MouseListener> mouseListeners() {
        return List.of(icon.getMouseListeners());
    }

    /** For tests: no AWT menu, no action: everything goes through {@link TrayClick}. */
    boolean hasAwtMenuOrAction() {
        return icon.getPopupMenu() != null || icon.getActionListeners().length > 0;
    }
}
