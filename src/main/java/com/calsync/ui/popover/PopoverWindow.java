package com.calsync.ui.popover;

import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The popover's window: undecorated, anchored under the tray icon, gone when it loses focus or
 * on Esc. Created once, with its scene laid out before the first show (so the first open shows
 * content at once, not a blank frame), and shown/hidden after that.
 */
public final class PopoverWindow {
    private static final Logger log = LoggerFactory.getLogger(PopoverWindow.class);
    /** The icon's height when the tray does not say: a panel icon is 16 to 32 px. */
    public static final double ICON_HEIGHT = 24;

    private final Stage stage;
    private final PopoverView view;
    private final Function<Rectangle2D, Screen> screenAt;
    private double anchorX;
    private double anchorY;
    private double iconHeight = ICON_HEIGHT;

    /**
     * @param view  what it shows
     * @param owner an invisible utility stage, so the popover has no taskbar entry of its own (may be null)
     */
    public PopoverWindow(PopoverView view, Stage owner) {
        this(view, owner, point -> Screen.getScreensForRectangle(point).stream().findFirst().orElse(Screen.getPrimary()));
    }

    /** @param screenAt the screen a point is on (tests give a small one) */
    PopoverWindow(PopoverView view, Stage owner, Function<Rectangle2D, Screen> screenAt) {
        this.view = view;
        this.screenAt = screenAt;
        stage = new Stage(StageStyle.UNDECORATED);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("CalSync");
        stage.setAlwaysOnTop(true);
        Scene scene = new Scene(view.root());
        scene.setFill(Color.TRANSPARENT);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
        stage.setScene(scene);
        // lay it out now: the first show then paints content, not a blank frame
        view.root().applyCss();
        view.root().layout();
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

    /** How tall the icon is in its panel (AWT knows it once the icon shows). */
    public void setIconHeight(double height) {
        if (height > 0) {
            iconHeight = height;
        }
    }

    /** Shows the window under (or above) the point clicked, fitted to that screen, with nothing focused. */
    public void showAt(double x, double y) {
        anchorX = x;
        anchorY = y;
        place();
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        view.focusNothing();
    }

    private void place() {
        Screen screen = screenAt.apply(new Rectangle2D(anchorX, anchorY, 1, 1));
        Rectangle2D bounds = screen.getBounds();
        Rectangle2D visible = screen.getVisualBounds();
        double w = PopoverView.WIDTH;
        PopoverPlacement first = PopoverPlacement.of(anchorX, anchorY, iconHeight, bounds, visible, w, Double.MAX_VALUE);
        view.limitHeight(first.maxHeight());
        stage.sizeToScene();
        double h = Math.min(stage.getScene().getRoot().prefHeight(w), first.maxHeight());
        PopoverPlacement at = PopoverPlacement.of(anchorX, anchorY, iconHeight, bounds, visible, w, h);
        stage.setHeight(h);
        stage.setX(at.x());
        stage.setY(at.y());
    }

    /** Grows or shrinks the open window to its content (a banner or an error row came or went). */
    public void fitToContent() {
        if (stage.isShowing()) {
            place();
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
        view.onHidden();
    }
}
