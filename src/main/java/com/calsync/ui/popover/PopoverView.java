package com.calsync.ui.popover;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.LogLine;
import com.calsync.ui.model.AppView.PairView;
import com.calsync.ui.model.PopoverActions;
import com.calsync.ui.model.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The popover's content: renders one {@link AppView} at a time (on the JavaFX thread) and turns
 * clicks into {@link PopoverActions}. It holds no state of its own beyond what it shows.
 */
public final class PopoverView {
    static final double WIDTH = 420;
    /** A row shows this much of an error; "details" shows all of it. */
    private static final int ERROR_CHARS = 140;

    private final PopoverActions actions;
    private final TimeText times;

    private final VBox root = new VBox(8);
    private final Label stateLabel = label("state", "state");
    private final Label whenLabel = label("when", "dim");
    private final Label configError = label("configError", "error-banner");
    private final VBox heldBanners = new VBox(6);
    private final VBox progressBox = new VBox(2);
    private final Label progressLabel = label("progressLabel", "dim");
    private final ProgressBar progressBar = new ProgressBar();
    private final VBox pairRows = new VBox(4);
    private final Label totals = label("totals", "dim");
    private final RunChart chart = new RunChart(WIDTH - 24, 56);
    private final ChoiceBox<LogLevel> logLevel = new ChoiceBox<>(FXCollections.observableArrayList(LogLevel.values()));
    private final ListView<String> logList = new ListView<>();
    private final CheckBox openAtLogin = new CheckBox("Open at login");
    private final Button pauseResume = button("pauseResume", "Pause");
    private AppView shown;
    private boolean updatingToggle;

    /**
     * @param actions where the controls' requests go
     * @param clock   "now" for "Last sync 10:00" against "Nov 26 10:00"; times are shown in its zone
     */
    public PopoverView(PopoverActions actions, Clock clock) {
        this.actions = actions;
        this.times = new TimeText(clock);
        build();
    }

    public Parent root() {
        return root;
    }

    /** The view on screen now. */
    public AppView shown() {
        return shown;
    }

    RunChart chart() {
        return chart;
    }

    private void build() {
        root.setId("popover");
        root.getStyleClass().add("popover");
        root.setPrefWidth(WIDTH);
        root.getStylesheets().add(PopoverView.class.getResource("popover.css").toExternalForm());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, stateLabel, spacer, whenLabel);
        header.setAlignment(Pos.BASELINE_LEFT);

        configError.setWrapText(true);
        heldBanners.setId("heldBanners");
        progressBox.setId("progress");
        progressBar.setId("progressBar");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressBar.setProgress(0);
        progressBox.getChildren().addAll(progressLabel, progressBar);

        pairRows.setId("pairs");

        logLevel.setId("logLevel");
        logLevel.setValue(LogLevel.INFO);
        logLevel.valueProperty().addListener((o, was, now) -> renderLog());
        Button copy = button("copyLog", "Copy");
        copy.setOnAction(e -> copyLog());
        Region logSpacer = new Region();
        HBox.setHgrow(logSpacer, Priority.ALWAYS);
        HBox logBar = new HBox(6, label(null, "section", "Log"), logSpacer, logLevel, copy);
        logBar.setAlignment(Pos.CENTER_LEFT);
        logList.setId("log");
        logList.setPrefHeight(120);
        logList.getStyleClass().add("log");

        openAtLogin.setId("openAtLogin");
        openAtLogin.selectedProperty().addListener((o, was, now) -> {
            if (!updatingToggle) {
                actions.setOpenAtLogin(now);
            }
        });

        Button syncNow = button("syncNow", "Sync now");
        syncNow.setOnAction(e -> actions.syncNow());
        pauseResume.setOnAction(e -> actions.togglePause(shown != null && shown.paused()));
        Button openConfig = button("openConfig", "Open config");
        openConfig.setOnAction(e -> actions.openConfig());
        Button settings = button("openSettings", "Settings…");
        settings.setOnAction(e -> actions.openSettings());
        Button openLogs = button("openLogs", "Open logs");
        openLogs.setOnAction(e -> actions.openLogs());
        Button quit = button("quit", "Quit");
        quit.setOnAction(e -> actions.quit());
        HBox buttons = new HBox(6, syncNow, pauseResume, settings, openConfig, openLogs, quit);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, configError, heldBanners, progressBox, label(null, "section", "Pairs"),
                pairRows, totals, chart, logBar, logList, openAtLogin, buttons);
        render(AppView.starting());
    }

    /** Shows {@code view}. JavaFX thread only. */
    public void render(AppView view) {
        shown = view;
        stateLabel.setText(view.stateText());
        stateLabel.getStyleClass().removeIf(c -> c.startsWith("state-"));
        stateLabel.getStyleClass().add("state-" + view.state().iconName());
        whenLabel.setText("Last sync " + view.lastSync().map(this::when).orElse("never")
                + view.nextSync().map(n -> " · next " + when(n)).orElse(""));

        visible(configError, view.configError().isPresent());
        configError.setText(view.configError().map(e -> "config.json was not taken: " + e).orElse(""));

        heldBanners.getChildren().setAll(view.heldPairs().stream().map(this::heldBanner).toList());
        visible(heldBanners, !heldBanners.getChildren().isEmpty());

        visible(progressBox, view.progress().isPresent());
        if (view.progress().isEmpty()) {
            // an indeterminate bar animates (60 pulses a second) even while hidden: park it
            progressBar.setProgress(0);
        }
        view.progress().ifPresent(p -> {
            progressBar.setProgress(p.fraction());
            progressLabel.setText("Syncing " + p.pair() + (p.total() > 0 ? ": " + p.done() + " of " + p.total() + " items" : "…"));
        });

        pairRows.getChildren().setAll(view.pairs().stream().map(this::pairRow).toList());
        if (view.pairs().isEmpty()) {
            pairRows.getChildren().add(label("noPairs", "dim", "No pairs configured yet: Settings… adds one."));
        }

        totals.setText(view.syncCount() + " syncs · " + view.errorCount() + " errors · last run "
                + view.lastDurationMs().map(PopoverView::duration).orElse("–")
                + " · next " + view.nextSync().map(this::when).orElse("–"));
        chart.show(view.recentRuns());
        renderLog();
        pauseResume.setText(view.paused() ? "Resume" : "Pause");
    }

    /** Reflects whether CalSync starts at login, without calling back into the actions. */
    public void showOpenAtLogin(boolean on) {
        updatingToggle = true;
        try {
            openAtLogin.setSelected(on);
        } finally {
            updatingToggle = false;
        }
    }

    private VBox heldBanner(PairView p) {
        Label text = label(null, "held-text", p.heldDeletions() + " deletion(s) held in " + p.name()
                + p.heldNote().map(n -> ": " + n).orElse(""));
        text.setWrapText(true);
        Button approve = button("approve-" + p.name(), "Approve");
        approve.setOnAction(e -> actions.approveDeletions(p.name()));
        Button reject = button("reject-" + p.name(), "Reject");
        reject.setOnAction(e -> actions.rejectDeletions(p.name()));
        VBox banner = new VBox(4, text, new HBox(6, approve, reject));
        banner.setId("held-" + p.name());
        banner.getStyleClass().add("held-banner");
        return banner;
    }

    private VBox pairRow(PairView p) {
        Label name = label(null, "pair-name", p.name());
        Label route = label(null, "dim", p.route());
        Label state = label(null, "pair-state", stateWord(p));
        state.getStyleClass().add("pair-state-" + p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, route, spacer, state);
        top.setAlignment(Pos.BASELINE_LEFT);
        Label last = label(null, "pair-last", "Last sync " + p.lastSync().map(this::when).orElse("never") + " · " + p.changes());
        VBox row = new VBox(2, top, last);
        row.setId("pair-" + p.name());
        row.getStyleClass().add("pair-row");
        p.lastError().ifPresent(error -> {
            Label errorLabel = label(null, "pair-error",
                    error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS - 1) + "…");
            errorLabel.setWrapText(true);
            row.getChildren().add(errorLabel);
            p.errorDetails().ifPresent(details -> {
                TextArea detailText = new TextArea(details);
                detailText.getStyleClass().add("pair-details");
                detailText.setEditable(false);
                detailText.setWrapText(true);
                detailText.setPrefRowCount(4);
                visible(detailText, false);
                Hyperlink link = new Hyperlink("details");
                link.getStyleClass().add("pair-details-link");
                link.setOnAction(e -> visible(detailText, !detailText.isVisible()));
                row.getChildren().addAll(link, detailText);
            });
        });
        return row;
    }

    private static String stateWord(PairView p) {
        return switch (p.state()) {
            case NEVER_RUN -> "not run yet";
            case OK -> "ok";
            case SYNCING -> "syncing";
            case HELD -> "deletions held";
            case FAILING -> "failing";
        };
    }

    private void renderLog() {
        if (shown == null) {
            return;
        }
        LogLevel threshold = Optional.ofNullable(logLevel.getValue()).orElse(LogLevel.INFO);
        List<String> lines = shown.log().stream().filter(l -> l.level().atLeast(threshold)).map(this::logText).toList();
        if (!lines.equals(logList.getItems())) {
            logList.getItems().setAll(lines);
            if (!lines.isEmpty()) {
                logList.scrollTo(lines.size() - 1);
            }
        }
    }

    private String logText(LogLine l) {
        return times.when(l.time()) + " " + l.level() + " " + l.message();
    }

    /** The log lines the filter shows, as copied by the Copy button. */
    String visibleLog() {
        return logList.getItems().stream().collect(Collectors.joining("\n"));
    }

    private void copyLog() {
        ClipboardContent content = new ClipboardContent();
        content.putString(visibleLog());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private String when(Instant t) {
        return times.when(t);
    }

    static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static void visible(javafx.scene.Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }

    private static Label label(String id, String styleClass) {
        return label(id, styleClass, "");
    }

    private static Label label(String id, String styleClass, String text) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }
}
