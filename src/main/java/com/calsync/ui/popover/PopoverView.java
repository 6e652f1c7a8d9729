package com.calsync.ui.popover;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.LogLine;
import com.calsync.ui.model.AppView.PairView;
import com.calsync.ui.model.Plural;
import com.calsync.ui.model.PopoverActions;
import com.calsync.ui.model.TimeText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The popover's content: renders one {@link AppView} at a time (on the JavaFX thread) and turns
 * clicks into {@link PopoverActions}. Rows and banners are kept per pair and updated in place, so
 * an open "details" or a half-answered Approve survives the next view. Nothing destructive ever
 * has the keyboard focus by default: Approve first shows what it will delete and asks again, with
 * Cancel focused.
 */
public final class PopoverView {
    static final double WIDTH = 420;
    /** A row shows this much of an error; "details" shows all of it. */
    private static final int ERROR_CHARS = 140;
    /** Titles listed when Approve asks again; the rest are counted. */
    private static final int LISTED_TITLES = 8;
    /** The pairs list never shrinks below this when the screen is short. */
    static final double MIN_PAIRS_HEIGHT = 90;

    /**
     * A button of the footer. The footer is this list, so another entry ("Settings…") is one line.
     *
     * @param id   the button's id (tests and CSS find it by this)
     * @param text its label
     * @param run  what it does
     */
    public record FooterAction(String id, String text, Runnable run) {
    }

    private final PopoverActions actions;
    private final TimeText times;

    private final VBox root = new VBox(8);
    private final Label stateLabel = label("state", "state");
    private final Label whenLabel = label("when", "dim");
    private final Label configError = label("configError", "error-banner");
    private final VBox messages = new VBox(6);
    private final VBox openFailure = new VBox(4);
    private final Label openFailureText = label("openFailureText", "dim");
    private final TextField openFailurePath = new TextField();
    private final VBox heldBanners = new VBox(6);
    private final Map<String, HeldBanner> banners = new LinkedHashMap<>();
    private final VBox progressBox = new VBox(2);
    private final Label progressLabel = label("progressLabel", "dim");
    private final ProgressBar progressBar = new ProgressBar();
    private final VBox pairRows = new VBox(4);
    private final Map<String, PairRow> rows = new LinkedHashMap<>();
    private final Label noPairs = label("noPairs", "dim", "No pairs configured yet: Settings… adds one.");
    private final ScrollPane pairsScroll = new ScrollPane(pairRows);
    private final Label totals = label("totals", "dim");
    private final RunChart chart;
    private final ChoiceBox<LogLevel> logLevel = new ChoiceBox<>(FXCollections.observableArrayList(LogLevel.values()));
    private final ListView<String> logList = new ListView<>();
    private final CheckBox openAtLogin = new CheckBox("Open at login");
    private final Map<String, Button> footerButtons = new LinkedHashMap<>();
    private AppView shown;
    private boolean updatingToggle;

    /**
     * @param actions where the controls' requests go
     * @param clock   "now" for "Last sync 10:00" against "Nov 26 10:00"; times are shown in its zone
     */
    public PopoverView(PopoverActions actions, Clock clock) {
        this.actions = actions;
        this.times = new TimeText(clock);
        this.chart = new RunChart(WIDTH - 26, 64, times);
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

    /** The footer's buttons, in order. The popover's and the tray menu's entries come from the same actions. */
    public List<FooterAction> footerActions() {
        return List.of(
                new FooterAction("syncNow", "Sync now", actions::syncNow),
                new FooterAction("pauseResume", "Pause", () -> actions.togglePause(shown != null && shown.paused())),
                new FooterAction("openSettings", "Settings…", actions::openSettings),
                new FooterAction("openConfig", "Open config", actions::openConfig),
                new FooterAction("openLogs", "Open logs", actions::openLogs),
                new FooterAction("quit", "Quit", actions::quit));
    }

    private void build() {
        root.setId("popover");
        root.getStyleClass().add("popover");
        root.setPrefWidth(WIDTH);
        root.setMinWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        root.getStylesheets().add(PopoverView.class.getResource("popover.css").toExternalForm());

        stateLabel.setWrapText(true);
        VBox header = new VBox(2, stateLabel, whenLabel);

        configError.setWrapText(true);
        configError.setMaxWidth(Double.MAX_VALUE);
        messages.setId("messages");
        visible(messages, false);
        buildOpenFailure();
        heldBanners.setId("heldBanners");
        progressBox.setId("progress");
        progressBar.setId("progressBar");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressBar.setProgress(0);
        progressBox.getChildren().addAll(progressLabel, progressBar);

        pairRows.setId("pairs");
        pairsScroll.setId("pairsScroll");
        pairsScroll.getStyleClass().add("pairs-scroll");
        pairsScroll.setFitToWidth(true);
        pairsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pairsScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        pairsScroll.setFocusTraversable(false);
        VBox.setVgrow(pairsScroll, Priority.ALWAYS);

        VBox legend = legend();

        logLevel.setId("logLevel");
        logLevel.setValue(LogLevel.INFO);
        logLevel.valueProperty().addListener((o, was, now) -> renderLog());
        Button copy = button("copyLog", "Copy");
        copy.setOnAction(e -> copy(visibleLog()));
        Region logSpacer = new Region();
        HBox.setHgrow(logSpacer, Priority.ALWAYS);
        HBox logBar = new HBox(6, label(null, "section", "Log"), logSpacer, logLevel, copy);
        logBar.setAlignment(Pos.CENTER_LEFT);
        logList.setId("log");
        logList.setPrefHeight(120);
        logList.setMinHeight(120);
        logList.getStyleClass().add("log");
        logList.setCellFactory(list -> new WrappingCell(list));
        logList.setFocusTraversable(false);

        openAtLogin.setId("openAtLogin");
        openAtLogin.selectedProperty().addListener((o, was, now) -> {
            if (!updatingToggle) {
                actions.setOpenAtLogin(now);
            }
        });

        HBox buttons = new HBox(5);
        buttons.getStyleClass().add("footer");
        for (FooterAction a : footerActions()) {
            Button b = button(a.id(), a.text());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> a.run().run());
            footerButtons.put(a.id(), b);
            buttons.getChildren().add(b);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, configError, messages, openFailure, heldBanners, progressBox,
                label(null, "section", "Pairs"), pairsScroll, totals, chart, legend, logBar, logList, openAtLogin, buttons);
        // everything but the pairs list keeps its height; the list scrolls when the screen is short
        root.getChildren().stream().filter(n -> n != pairsScroll && n instanceof Region)
                .forEach(n -> ((Region) n).setMinHeight(Region.USE_PREF_SIZE));
        render(AppView.starting());
    }

    private VBox legend() {
        HBox items = new HBox(10, swatch("legend-duration", "run time"), swatch("legend-failed", "failed run"),
                swatch("legend-changes", "events changed"));
        items.setAlignment(Pos.CENTER_LEFT);
        VBox legend = new VBox(items);
        legend.setId("legend");
        legend.getStyleClass().add("legend");
        return legend;
    }

    private static HBox swatch(String styleClass, String text) {
        Region box = new Region();
        box.getStyleClass().addAll("legend-swatch", styleClass);
        HBox item = new HBox(4, box, label(null, "dim", text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private void buildOpenFailure() {
        openFailure.setId("openFailure");
        openFailure.getStyleClass().add("info-banner");
        openFailureText.setWrapText(true);
        openFailurePath.setId("openFailurePath");
        openFailurePath.setEditable(false);
        HBox.setHgrow(openFailurePath, Priority.ALWAYS);
        Button copyPath = button("copyPath", "Copy path");
        copyPath.setOnAction(e -> copy(openFailurePath.getText()));
        Button close = button("closeOpenFailure", "Close");
        close.setOnAction(e -> visible(openFailure, false));
        HBox line = new HBox(6, openFailurePath, copyPath, close);
        line.setAlignment(Pos.CENTER_LEFT);
        openFailure.getChildren().addAll(openFailureText, line);
        visible(openFailure, false);
    }

    /** Shows {@code view}. JavaFX thread only. */
    public void render(AppView view) {
        shown = view;
        stateLabel.setText(view.stateText());
        stateLabel.getStyleClass().removeIf(c -> c.startsWith("state-"));
        stateLabel.getStyleClass().add("state-" + view.state().iconName());
        whenLabel.setText("Last sync " + view.lastSync().map(this::when).orElse("never")
                + view.nextSync().map(n -> " · next " + when(n)).orElse(view.paused() ? " · paused" : ""));

        visible(configError, view.configError().isPresent());
        configError.setText(view.configError().map(e -> "config.json was not taken: " + e).orElse(""));

        renderHeld(view);

        visible(progressBox, view.progress().isPresent());
        if (view.progress().isEmpty()) {
            // an indeterminate bar animates (60 pulses a second) even while hidden: park it
            progressBar.setProgress(0);
        }
        view.progress().ifPresent(p -> {
            progressBar.setProgress(p.fraction());
            progressLabel.setText("Syncing " + p.pair() + (p.total() > 0 ? ": " + p.done() + " of "
                    + Plural.of(p.total(), "item") : "…"));
        });

        renderPairs(view);

        totals.setText(Plural.of(view.syncCount(), "sync") + " · " + Plural.of(view.errorCount(), "error") + " · last run "
                + view.lastDurationMs().map(PopoverView::duration).orElse("–"));
        chart.show(view.recentRuns());
        renderLog();
        Button pause = footerButtons.get("pauseResume");
        pause.setText(view.paused() ? "Resume" : "Pause");
        boolean noPairsToSync = view.pairs().isEmpty();
        pause.setDisable(noPairsToSync && !view.paused());
        footerButtons.get("syncNow").setDisable(noPairsToSync);
    }

    private void renderHeld(AppView view) {
        Map<String, PairView> byName = view.pairs().stream().collect(Collectors.toMap(PairView::name, p -> p, (a, b) -> a,
                LinkedHashMap::new));
        for (var it = banners.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            PairView now = byName.get(e.getKey());
            if (now == null || now.heldDeletions() == 0) {
                e.getValue().resolved(now).ifPresent(this::message);
                it.remove();
            }
        }
        for (PairView p : view.heldPairs()) {
            banners.computeIfAbsent(p.name(), n -> new HeldBanner()).update(p);
        }
        List<Node> nodes = banners.values().stream().map(b -> (Node) b.box).toList();
        if (!heldBanners.getChildren().equals(nodes)) {
            heldBanners.getChildren().setAll(nodes);
        }
        visible(heldBanners, !nodes.isEmpty());
    }

    private void renderPairs(AppView view) {
        rows.keySet().retainAll(view.pairs().stream().map(PairView::name).toList());
        List<Node> nodes = new ArrayList<>();
        for (PairView p : view.pairs()) {
            PairRow row = rows.computeIfAbsent(p.name(), n -> new PairRow());
            row.update(p);
            nodes.add(row.box);
        }
        if (nodes.isEmpty()) {
            nodes.add(noPairs);
        }
        if (!pairRows.getChildren().equals(nodes)) {
            pairRows.getChildren().setAll(nodes);
        }
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

    /** Nothing could open {@code path}: say why and offer its path to copy instead. */
    public void showOpenFailure(Path path, String why) {
        openFailureText.setText("Could not open " + path.getFileName() + ": " + why + ". Its path:");
        openFailurePath.setText(path.toString());
        visible(openFailure, true);
    }

    /** The popover closed: what was said about the user's last actions has been read. */
    public void onHidden() {
        messages.getChildren().clear();
        visible(messages, false);
        visible(openFailure, false);
    }

    /**
     * Gives the keyboard focus to the popover itself, not to a control: a key pressed by accident
     * right after opening does nothing. Tab then walks the controls top to bottom.
     */
    public void focusNothing() {
        root.requestFocus();
    }

    /**
     * Fits the content into {@code maxHeight} (the screen it opens on): the pairs list gives up
     * height and scrolls, down to {@link #MIN_PAIRS_HEIGHT}; everything else keeps its size.
     */
    public void limitHeight(double maxHeight) {
        root.setMaxHeight(maxHeight);
        root.applyCss();
        double pairsWanted = pairRows.prefHeight(WIDTH - 26) + 2;
        double others = root.prefHeight(WIDTH) - pairsScroll.prefHeight(WIDTH);
        double room = Math.max(MIN_PAIRS_HEIGHT, maxHeight - others);
        pairsScroll.setPrefViewportHeight(Math.min(pairsWanted, room));
        pairsScroll.setMaxHeight(Math.min(pairsWanted, room) + 2);
    }

    /** Dark or light: the chart draws its own colours. */
    public void setDark(boolean dark) {
        chart.setDark(dark);
    }

    private void message(String text) {
        Label l = label(null, "message", text);
        l.setWrapText(true);
        VBox box = new VBox(l);
        box.getStyleClass().add("info-banner");
        messages.getChildren().add(box);
        visible(messages, true);
    }

    /** One pair's row, kept while the pair exists so an open "details" stays open. */
    private final class PairRow {
        final VBox box = new VBox(2);
        final Label name = label(null, "pair-name");
        final Label route = label(null, "dim");
        final Label state = label(null, "pair-state");
        final Label last = label(null, "pair-last");
        final Label error = label(null, "pair-error");
        final Hyperlink detailsLink = new Hyperlink("details");
        final TextArea details = new TextArea();
        final Tooltip nameTip = new Tooltip();

        PairRow() {
            box.getStyleClass().add("pair-row");
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            name.setMinWidth(40);
            name.setTooltip(nameTip);
            route.setTextOverrun(OverrunStyle.ELLIPSIS);
            route.setMinWidth(0);
            // the pill always shows whole; names and routes give way
            state.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox.setHgrow(name, Priority.SOMETIMES);
            HBox top = new HBox(6, name, route, spacer, state);
            top.setAlignment(Pos.BASELINE_LEFT);
            last.setWrapText(true);
            error.setWrapText(true);
            detailsLink.getStyleClass().add("pair-details-link");
            details.getStyleClass().add("pair-details");
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(4);
            visible(details, false);
            detailsLink.setOnAction(e -> visible(details, !details.isVisible()));
            box.getChildren().addAll(top, last, error, detailsLink, details);
        }

        void update(PairView p) {
            box.setId("pair-" + p.name());
            name.setText(p.name());
            nameTip.setText(p.name() + " (" + p.route() + ")");
            route.setText(p.route());
            state.setText(stateWord(p));
            state.getStyleClass().removeIf(c -> c.startsWith("pair-state-"));
            state.getStyleClass().add("pair-state-" + p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            last.setText("Last sync " + p.lastSync().map(PopoverView.this::when).orElse("never") + " · " + p.changes());
            visible(error, p.lastError().isPresent());
            error.setText(p.lastError().map(e -> e.length() <= ERROR_CHARS ? e : e.substring(0, ERROR_CHARS - 1) + "…")
                    .orElse(""));
            visible(detailsLink, p.errorDetails().isPresent());
            if (p.errorDetails().isEmpty()) {
                visible(details, false);
            }
            details.setText(p.errorDetails().orElse(""));
        }
    }

    /**
     * The banner of one pair's held deletions: the reason, then Reject (keeps the events) and
     * Approve…, which first lists what it would delete and asks again with Cancel focused.
     */
    private final class HeldBanner {
        private enum Step { ASKING, CONFIRMING, REJECTING, APPROVING }

        final VBox box = new VBox(6);
        final Label text = label(null, "held-text");
        final Button reject = button(null, "Reject");
        final Button approve = button(null, "Approve…");
        final HBox choice = new HBox(6, reject, approve);
        final Label question = label(null, "held-question");
        final Label titles = label(null, "held-titles");
        final Button cancel = button(null, "Cancel");
        final Button delete = button(null, "Delete");
        final VBox confirm = new VBox(4, question, titles, new HBox(6, cancel, delete));
        final Label working = label(null, "dim");
        private Step step = Step.ASKING;
        private PairView pair;
        private Optional<Instant> lastSyncAtAnswer = Optional.empty();

        HeldBanner() {
            box.getStyleClass().add("held-banner");
            text.setWrapText(true);
            question.setWrapText(true);
            question.getStyleClass().add("held-question");
            titles.setWrapText(true);
            delete.getStyleClass().add("danger-button");
            // neither is pressed by Enter, and Cancel is what Esc means
            delete.setDefaultButton(false);
            reject.setOnAction(e -> answer(Step.REJECTING));
            approve.setOnAction(e -> {
                show(Step.CONFIRMING);
                cancel.requestFocus();
            });
            cancel.setOnAction(e -> {
                show(Step.ASKING);
                approve.requestFocus();
            });
            delete.setOnAction(e -> answer(Step.APPROVING));
            box.getChildren().addAll(text, choice, confirm, working);
            show(Step.ASKING);
        }

        void update(PairView p) {
            boolean first = pair == null;
            pair = p;
            String n = p.name();
            box.setId("held-" + n);
            reject.setId("reject-" + n);
            approve.setId("approve-" + n);
            cancel.setId("cancel-" + n);
            delete.setId("confirmDelete-" + n);
            text.setText(Plural.of(p.heldDeletions(), "deletion") + " held in " + n
                    + p.heldReason().map(r -> ": " + r).orElse(".") + " Nothing is deleted until you approve.");
            String target = p.route().contains("→") ? p.route().substring(p.route().indexOf('→') + 1).split(",")[0].trim()
                    : "the other calendar";
            question.setText("Delete " + Plural.of(p.heldDeletions(), "event") + " from " + target
                    + "? Each is saved first and can be restored for 30 days.");
            titles.setText(titleList(p));
            delete.setText("Delete " + Plural.of(p.heldDeletions(), "event"));
            if (!first && (step == Step.REJECTING || step == Step.APPROVING) && !p.lastSync().equals(lastSyncAtAnswer)
                    && p.state() != AppView.PairState.SYNCING) {
                // the run that was to carry out the answer ended and the deletions are still held: it failed
                show(Step.ASKING);
            }
        }

        private String titleList(PairView p) {
            List<String> listed = p.heldTitles().stream().limit(LISTED_TITLES).map(t -> "• " + t).collect(Collectors.toList());
            long more = p.heldDeletions() - listed.size();
            if (more > 0) {
                listed.add("… and " + more + " more");
            }
            return String.join("\n", listed);
        }

        private void answer(Step next) {
            lastSyncAtAnswer = pair.lastSync();
            show(next);
            focusNothing();
            if (next == Step.REJECTING) {
                actions.rejectDeletions(pair.name());
            } else {
                actions.approveDeletions(pair.name());
            }
        }

        private void show(Step s) {
            step = s;
            visible(text, s == Step.ASKING || s == Step.CONFIRMING);
            visible(choice, s == Step.ASKING);
            visible(confirm, s == Step.CONFIRMING);
            visible(working, s == Step.REJECTING || s == Step.APPROVING);
            if (s == Step.REJECTING) {
                working.setText("Keeping the " + Plural.of(pair.heldDeletions(), "event") + " in " + pair.name() + "…");
            } else if (s == Step.APPROVING) {
                working.setText("Deleting " + Plural.of(pair.heldDeletions(), "event") + " in " + pair.name() + "…");
            }
        }

        /** What to tell once the hold is gone (the pair's new view, or null when it left the config). */
        Optional<String> resolved(PairView now) {
            if (pair == null || now == null) {
                return Optional.empty();
            }
            String events = Plural.of(pair.heldDeletions(), "event");
            return switch (step) {
                case REJECTING -> Optional.of("Rejected: the " + events + " in " + pair.name()
                        + " stay, and CalSync will not delete them.");
                case APPROVING -> Optional.of("Approved: " + events + " deleted in " + pair.name()
                        + ". Copies are kept for 30 days.");
                default -> Optional.empty();
            };
        }
    }

    private static String stateWord(PairView p) {
        return switch (p.state()) {
            case NEVER_RUN -> "not run yet";
            case OK -> "ok";
            case SYNCING -> p.failing() ? "retrying" : "syncing";
            case HELD -> "deletions held";
            case FAILING -> "failing";
        };
    }

    /** A log line that wraps at the list's width instead of scrolling sideways. */
    private static final class WrappingCell extends ListCell<String> {
        private final Label text = new Label();

        WrappingCell(ListView<String> list) {
            text.setWrapText(true);
            text.getStyleClass().add("log-line");
            text.maxWidthProperty().bind(list.widthProperty().subtract(24));
            text.prefWidthProperty().bind(list.widthProperty().subtract(24));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
            setText(null);
        }
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
        return String.join("\n", logList.getItems());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private String when(Instant t) {
        return times.when(t);
    }

    static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static void visible(Node node, boolean on) {
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
        if (id != null) {
            b.setId(id);
        }
        return b;
    }
}
