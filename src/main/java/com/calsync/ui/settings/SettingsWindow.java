package com.calsync.ui.settings;

import com.calsync.autostart.LoginItem;
import com.calsync.config.ConfigProblem;
import com.calsync.service.setup.SetupService;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The Settings window: Accounts, Calendars, Pairs and General as tabs, over one {@link
 * SettingsModel}. Keyboard: Tab moves between fields, Ctrl+Tab (⌃⇥) between pages, ⌘1…⌘4 /
 * Ctrl+1…4 jump to a page, Alt+letter (the underlined one) to a field, Enter signs in, Esc or
 * ⌘W / Ctrl+W closes. A banner says when config.json changed in another program (Reload) or has
 * an error the window cannot edit around.
 */
public final class SettingsWindow {
    /** The pages, in tab order. */
    public enum Page { ACCOUNTS, CALENDARS, PAIRS, GENERAL }

    private final SettingsModel model;
    private final Stage stage = new Stage();
    private final VBox root = new VBox(8);
    private final TabPane tabs = new TabPane();
    private final HBox outsideBanner = new HBox(8);
    private final Label configProblems = new Label();
    private final Desktop desktop;
    /** Mirrors stage.isShowing() for the launcher's poll, which runs off the JavaFX thread. */
    private volatile boolean open;

    /**
     * @param work   runs the service calls (they may block for seconds: sign-in, preview)
     * @param ui     the JavaFX thread ({@code Platform::runLater})
     */
    public SettingsWindow(SetupService setup, LoginItem loginItem, Desktop desktop, Executor work, Executor ui) {
        this.model = new SettingsModel(setup, work, ui);
        this.desktop = desktop;
        build(loginItem);
        model.onChange(this::refresh);
    }

    private void build(LoginItem loginItem) {
        root.setId("settings");
        root.getStyleClass().add("settings");
        root.getStylesheets().add(SettingsWindow.class.getResource("settings.css").toExternalForm());
        root.setPrefSize(760, 620);

        Label outsideText = new Label("config.json was changed in another program while this window was open. Nothing"
                + " here overwrites it: reload to see the change.");
        outsideText.setWrapText(true);
        HBox.setHgrow(outsideText, Priority.ALWAYS);
        Button reload = new Button("Re_load");
        reload.setId("reloadConfig");
        reload.setOnAction(e -> model.reload());
        outsideBanner.getChildren().addAll(outsideText, reload);
        outsideBanner.setId("outsideBanner");
        outsideBanner.setAlignment(Pos.CENTER_LEFT);
        outsideBanner.getStyleClass().add("notice-banner");
        configProblems.setId("configProblems");
        configProblems.setWrapText(true);
        configProblems.setMaxWidth(Double.MAX_VALUE);
        configProblems.getStyleClass().add("error-banner");
        visible(outsideBanner, false);
        visible(configProblems, false);

        tabs.setId("settingsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("accounts", "Accounts", new AccountsPage(model, desktop).root()),
                tab("calendars", "Calendars", new CalendarsPage(model).root()),
                tab("pairs", "Pairs", new PairsPage(model).root()),
                tab("general", "General", new GeneralPage(model, loginItem, desktop).root()));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(outsideBanner, configProblems, tabs);

        Scene scene = new Scene(root);
        for (Page page : Page.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(page.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> select(page));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        // Ctrl+Tab / Ctrl+Shift+Tab change pages wherever the focus is (a text field would take them as focus moves)
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
                int pages = tabs.getTabs().size();
                int now = tabs.getSelectionModel().getSelectedIndex();
                tabs.getSelectionModel().select((now + (e.isShiftDown() ? pages - 1 : 1)) % pages);
                e.consume();
            }
        });
        // a handler, not a filter: Esc that closes an open drop-down list is consumed before it gets here
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        SettingsShortcut.install(scene, this::show);
        stage.setScene(scene);
        stage.showingProperty().addListener((o, was, now) -> open = now);
        stage.setTitle("CalSync Settings");
        stage.setMinWidth(640);
        stage.setMinHeight(480);
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + id);
        return tab;
    }

    /** Shows the window (reading config.json again) and brings it to the front. JavaFX thread only. */
    public void show() {
        model.reload();
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
    }

    /** Shows one page. */
    public void select(Page page) {
        tabs.getSelectionModel().select(page.ordinal());
    }

    public Stage stage() {
        return stage;
    }

    public Parent root() {
        return root;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** Whether the window is on screen; any thread may ask. */
    public boolean isOpen() {
        return open;
    }

    /** Looks for an edit of config.json made elsewhere; the launcher calls it every few seconds while the window is open. */
    public void checkForOutsideEdits() {
        if (stage.isShowing()) {
            model.checkOutside();
        }
    }

    private void refresh() {
        visible(outsideBanner, model.changedOutside());
        List<ConfigProblem> errors = model.state().map(s -> s.errors()).orElse(List.of());
        String problem = model.loadProblem().orElseGet(() -> errors.isEmpty() ? ""
                : "config.json has " + errors.size() + " error(s), so CalSync keeps running the last good config"
                        + (model.state().map(s -> s.editable()).orElse(false) ? "; saving here works once they are fixed"
                        : " and this window cannot change it") + ":\n" + String.join("\n",
                        errors.stream().limit(5).map(ConfigProblem::toString).toList()));
        configProblems.setText(problem);
        visible(configProblems, !problem.isEmpty());
    }

    private static void visible(javafx.scene.Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }
}
