package com.calsync.ui.tray;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The tray icon's menu: a JavaFX ContextMenu, styled by the same theme as the popover and shown
 * at once (AWT's native menu took 1–2.5 s to appear under Xvfb and has no hover state). A
 * popup needs a showing owner window: an invisible 1×1 stage at the click, hidden with the menu.
 * JavaFX thread only.
 */
public final class TrayMenu {

    /**
     * One entry.
     *
     * @param id   the item's id
     * @param text its label
     * @param run  what it does
     */
    public record Entry(String id, String text, Runnable run) {
    }

    private final ContextMenu menu = new ContextMenu();
    private final Stage anchor = new Stage(StageStyle.UTILITY);

    /** @param entries the items in order; a null entry is a separator */
    public TrayMenu(List<Entry> entries) {
        for (Entry e : entries) {
            if (e == null) {
                menu.getItems().add(new SeparatorMenuItem());
                continue;
            }
            MenuItem item = new MenuItem(e.text());
            item.setId(e.id());
            item.setOnAction(a -> e.run().run());
            menu.getItems().add(item);
        }
        menu.setId("trayMenu");
        anchor.setOpacity(0);
        anchor.setWidth(1);
        anchor.setHeight(1);
        menu.setOnHidden(e -> anchor.hide());
    }

    /** Shows the menu with its corner at the screen point clicked. */
    public void showAt(double x, double y) {
        anchor.setX(x);
        anchor.setY(y);
        anchor.show();
        menu.show(anchor, x, y);
    }

    public boolean isShowing() {
        return menu.isShowing();
    }

    /** Renames an entry (Pause ↔ Resume). */
    public void setText(String id, String text) {
        menu.getItems().stream().filter(i -> id.equals(i.getId())).forEach(i -> i.setText(text));
    }

    public void setDisabled(String id, boolean disabled) {
        menu.getItems().stream().filter(i -> id.equals(i.getId())).forEach(i -> i.setDisable(disabled));
    }

    public ContextMenu menu() {
        return menu;
    }

    public void hide() {
        menu.hide();
    }
}
