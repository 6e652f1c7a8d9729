package com.calsync.ui.tray;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.Notice;
import com.calsync.ui.model.PopoverActions;
import com.calsync.ui.model.TimeText;
import com.calsync.ui.model.TrayState;
import com.dustinredmond.fxtrayicon.FXTrayIcon;
import java.awt.EventQueue;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The icon in the menu bar / system tray: its image follows the state, its tooltip tells the
 * state and the last sync, a left click toggles the popover and a right click opens the menu
 * (Sync now, Pause/Resume, Settings…, Open logs, Quit). JavaFX thread only.
 */
public final class TrayIconView {
    private static final Logger log = LoggerFactory.getLogger(TrayIconView.class);
    private final FXTrayIcon icon;
    private final TrayIcons icons;
    private final TimeText times;
    private final MenuItem pauseItem = new MenuItem("Pause");
    private TrayState shownState;
    private boolean paused;

    /**
     * @param owner       the app's hidden stage (FXTrayIcon wants one)
     * @param icons       which images to use
     * @param actions     what the menu items do
     * @param onLeftClick gets the screen point clicked, to anchor the popover
     * @param clock       "now" and the zone for the tooltip's times
     */
    public TrayIconView(Stage owner, TrayIcons icons, PopoverActions actions, BiConsumer<Double, Double> onLeftClick, Clock clock) {
        this.icons = icons;
        this.times = new TimeText(clock);
        icon = new FXTrayIcon(owner, icons.url(TrayState.IDLE), icons.size(), icons.size());
        icon.setApplicationTitle("CalSync");
        icon.setTrayIconTooltip("CalSync");
        MenuItem syncNow = new MenuItem("Sync now");
        syncNow.setOnAction(e -> actions.syncNow());
        pauseItem.setOnAction(e -> actions.togglePause(paused));
        MenuItem settings = new MenuItem("Settings…");
        settings.setOnAction(e -> actions.openSettings());
        MenuItem openLogs = new MenuItem("Open logs");
        openLogs.setOnAction(e -> actions.openLogs());
        MenuItem quit = new MenuItem("Quit CalSync");
        quit.setOnAction(e -> actions.quit());
        icon.addMenuItems(syncNow, pauseItem, settings, openLogs);
        icon.addSeparator();
        icon.addMenuItem(quit);
        // FXTrayIcon's setOnAction fires for every button; the popover opens on the left one only
        icon.getRestricted().getTrayIcon().addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    Point p = e.getLocationOnScreen();
                    log.debug("tray icon clicked at {},{}", p.x, p.y);
                    Platform.runLater(() -> onLeftClick.accept(p.getX(), p.getY()));
                }
            }
        });
        shownState = TrayState.IDLE;
    }

    /** Puts the icon in the tray (asynchronous: FXTrayIcon finishes it ~1 s later). */
    public void show() {
        icon.show();
        keepRunningWithoutWindows();
    }

    /**
     * FXTrayIcon's show() and hide() set implicit exit on from the AWT event queue, after they
     * return; queue our reset behind them, or JavaFX quits when the last window closes.
     */
    private static void keepRunningWithoutWindows() {
        Platform.setImplicitExit(false);
        EventQueue.invokeLater(() -> Platform.setImplicitExit(false));
    }

    public boolean isShowing() {
        return icon.isShowing();
    }

    public void hide() {
        icon.hide();
        keepRunningWithoutWindows();
    }

    public void render(AppView view) {
        if (view.state() != shownState) {
            icon.setGraphic(icons.url(view.state()), icons.size(), icons.size());
            shownState = view.state();
        }
        if (view.paused() != paused) {
            paused = view.paused();
            // FXTrayIcon copied the JavaFX item into an AWT one when it was added
            java.awt.MenuItem awtItem = icon.getMenuItem(1);
            if (awtItem != null) {
                awtItem.setLabel(paused ? "Resume" : "Pause");
            }
            pauseItem.setText(paused ? "Resume" : "Pause");
        }
        icon.setTrayIconTooltip(tooltip(view));
    }

    String tooltip(AppView view) {
        return "CalSync — " + view.stateText() + "\nLast sync: " + view.lastSync().map(times::when).orElse("never");
    }

    public void notify(Notice notice) {
        if (notice.warning()) {
            icon.showWarningMessage(notice.title(), notice.text());
        } else {
            icon.showInfoMessage(notice.title(), notice.text());
        }
    }
}
