package com.calsync.ui.settings;

import com.calsync.autostart.LoginItem;
import com.calsync.config.AppSettings;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.service.setup.SetupState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** General: open at login, notifications, log level, and where CalSync's files live (each with Reveal). */
final class GeneralPage {
    private static final Logger log = LoggerFactory.getLogger(GeneralPage.class);

    private final SettingsModel model;
    private final LoginItem loginItem;
    private final Desktop desktop;
    private final VBox root = new VBox(8);
    private final CheckBox openAtLogin = new CheckBox("_Open CalSync at login");
    private final CheckBox notifications = new CheckBox("Show _notifications when a pair fails, recovers or holds deletions");
    private final ChoiceBox<Optional<AppSettings.LogLevel>> logLevel = new ChoiceBox<>();
    private final StatusLine status = new StatusLine("generalStatus");
    private boolean updating;

    GeneralPage(SettingsModel model, LoginItem loginItem, Desktop desktop) {
        this.model = model;
        this.loginItem = loginItem;
        this.desktop = desktop;
        build();
        model.onChange(this::refresh);
    }

    Node root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("page");
        openAtLogin.setId("openAtLogin");
        openAtLogin.selectedProperty().addListener((o, was, on) -> {
            if (!updating) {
                setOpenAtLogin(on);
            }
        });
        notifications.setId("notifications");
        notifications.selectedProperty().addListener((o, was, on) -> {
            if (!updating) {
                saveApp();
            }
        });
        logLevel.setId("logLevel");
        logLevel.getItems().add(Optional.empty());
        for (AppSettings.LogLevel l : AppSettings.LogLevel.values()) {
            logLevel.getItems().add(Optional.of(l));
        }
        logLevel.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<AppSettings.LogLevel> level) {
                return level == null ? "" : level.map(l -> switch (l) {
                    case DEBUG -> "debug: everything, for tracking a problem down";
                    case INFO -> "info: one line per run";
                    case WARN -> "warn: only what went wrong";
                    case ERROR -> "error: only failures";
                }).orElse("standard (info)");
            }

            @Override
            public Optional<AppSettings.LogLevel> fromString(String s) {
                return Optional.empty();
            }
        });
        logLevel.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                saveApp();
            }
        });
        Label levelLabel = new Label("_Log level:");
        levelLabel.setMnemonicParsing(true);
        levelLabel.setLabelFor(logLevel);
        HBox level = new HBox(8, levelLabel, logLevel);
        level.setAlignment(Pos.CENTER_LEFT);

        CalSyncPaths paths = model.setup().paths();
        VBox files = new VBox(6,
                fileRow("revealConfig", "config.json", paths.configFile()),
                fileRow("revealBackup", "previous config.json", paths.configFile().resolveSibling(paths.configFile().getFileName() + ".bak")),
                fileRow("revealState", "state and journal", paths.stateDir()),
                fileRow("revealLogs", "logs", paths.logDir()));
        Button openConfig = new Button("Open config.json in the _text editor");
        openConfig.setId("openConfigFile");
        openConfig.setOnAction(e -> open(paths.configFile()));

        root.getChildren().addAll(section("Start"), openAtLogin, section("Notifications"), notifications, section("Logging"),
                level, section("Where files live"), files, openConfig, status.node());
        model.inBackground(() -> {
            boolean installed = loginItem.status().installed();
            model.later(() -> show(openAtLogin, installed));
        });
    }

    private void refresh() {
        AppSettings app = model.config().map(CalSyncConfig::app).orElse(AppSettings.DEFAULTS);
        show(notifications, app.notifications());
        updating = true;
        try {
            logLevel.setValue(app.logLevel());
        } finally {
            updating = false;
        }
    }

    private void show(CheckBox box, boolean on) {
        updating = true;
        try {
            box.setSelected(on);
        } finally {
            updating = false;
        }
    }

    private void setOpenAtLogin(boolean on) {
        status.busy(on ? "Adding the login item…" : "Removing the login item…");
        model.inBackground(() -> {
            boolean installed;
            String message;
            try {
                installed = (on ? loginItem.install() : loginItem.uninstall()).installed();
                message = loginItem.status().describe();
            } catch (Exception e) {
                log.warn("cannot {} the login item: {}", on ? "install" : "remove", e.getMessage());
                installed = loginItem.status().installed();
                message = "Could not change it: " + e.getMessage();
            }
            boolean now = installed;
            String said = message;
            model.later(() -> {
                show(openAtLogin, now);
                if (now == on) {
                    status.ok(said);
                } else {
                    status.error(said);
                }
            });
        });
    }

    private void saveApp() {
        Optional<SetupState> state = model.state();
        if (state.isEmpty()) {
            return;
        }
        AppSettings app = new AppSettings(notifications.isSelected(), logLevel.getValue() == null ? Optional.empty() : logLevel.getValue());
        status.busy("Saving…");
        model.run(() -> model.setup().saveApp(state.get(), app), now -> status.ok("Saved to config.json."), problem -> {
            status.problem(problem);
            refresh();
        });
    }

    private Node fileRow(String id, String what, Path path) {
        Label name = new Label(what);
        name.setMinWidth(150);
        Label where = new Label(path.toString());
        where.getStyleClass().add("dim");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reveal = new Button("Reveal");
        reveal.setId(id);
        reveal.setOnAction(e -> open(Files.isDirectory(path) ? path : path.getParent()));
        HBox row = new HBox(8, name, where, spacer, reveal);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void open(Path path) {
        model.inBackground(() -> {
            try {
                desktop.open(path);
            } catch (Exception e) {
                log.warn("cannot open {}: {}", path, e.getMessage());
                model.later(() -> status.error("Cannot open " + path + ": " + e.getMessage()));
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
