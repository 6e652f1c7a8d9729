package com.calsync.ui.popover;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The popover's window: undecorated, anchored under the tray icon, gone when it loses focus or
 * on Esc. Created once and shown/hidden, so opening it costs nothing but a layout pass.
 */
public final class PopoverWindow {
    private static final Logger log = LoggerFactory.getLogger(PopoverWindow.class);
    private final Stage stage;

    /**
     * @param view  what it shows
     * @param owner an invisible utility stage, so the popover has no taskbar entry of its own
     */
    public PopoverWindow(PopoverView view, Stage owner) {
        stage = new Stage(StageStyle.UNDECORATED);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("CalSync");
        stage.setAlwaysOnTop(true);
        Scene scene = new Scene(view.root());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
        stage.setScene(scene);
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (was && !focused) {
                log.debug("popover lost focus; hiding it");
                hide();
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** Shows the window with its top edge centred under the point clicked (the icon), kept on screen. */
    public void showAt(double x, double y) {
        stage.sizeToScene();
        if (!stage.isShowing()) {
            stage.show();
        }
        Rectangle2D bounds = Screen.getScreensForRectangle(x, y, 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double w = stage.getWidth();
        double h = stage.getHeight();
        double left = Math.max(bounds.getMinX() + 4, Math.min(x - w / 2, bounds.getMaxX() - w - 4));
        // a bar at the top (macOS, most Linux panels): open below it; a bar at the bottom: above
        double top = y < bounds.getMinY() + bounds.getHeight() / 2 ? Math.max(bounds.getMinY() + 2, y + 8) : y - h - 8;
        stage.setX(left);
        stage.setY(Math.max(bounds.getMinY(), Math.min(top, bounds.getMaxY() - h)));
        stage.toFront();
        stage.requestFocus();
    }

    /** Grows or shrinks the open window to its content (a banner or an error row came or went). */
    public void fitToContent() {
        if (stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    /** Toggles, as a second click on the icon does. */
    public void toggleAt(double x, double y) {
        if (stage.isShowing()) {
            hide();
        } else {
            showAt(x, y);
        }
    }

    public void hide() {
        stage.hide();
    }
}
