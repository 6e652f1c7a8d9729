package com.calsync.ui.settings;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import com.calsync.config.SyncKey;
import com.calsync.config.SyncOverrides;
import com.calsync.config.SyncSettings;
import com.calsync.service.setup.PairPreview;
import com.calsync.service.setup.RunSummary;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SetupState;
import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Pairs: source → target over the calendars of config.json, mirror or two-way (a line says what
 * each does), the conflict rule for two-way, interval and sync window, the seed's safety switches
 * under Advanced; Preview runs a dry run and says what the first sync would do before anything is
 * saved; Save writes the pair, and the service runs it at once.
 */
final class PairsPage {
    private final SettingsModel model;
    private final VBox root = new VBox(8);
    private final ListView<String> list = new ListView<>();
    private final Label formTitle = new Label();
    private final TextField name = new TextField();
    private final ComboBox<String> source = new ComboBox<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final Label sides = new Label();
    private final ToggleGroup modes = new ToggleGroup();
    private final RadioButton mirror = new RadioButton("_Mirror: copy the source into the target; edits made in the target are overwritten");
    private final RadioButton twoWay = new RadioButton("_Two-way: copy changes both ways; when both sides changed one event, the rule below decides");
    private final ChoiceBox<ConflictPolicy> conflict = new ChoiceBox<>(FXCollections.observableArrayList(ConflictPolicy.values()));
    private final TextField interval = number("interval");
    private final TextField pastDays = number("pastDays");
    private final TextField futureDays = number("futureDays");
    private final TextField verifyThreshold = number("verifyThreshold");
    private final CheckBox overrideDeletions = new CheckBox("Put back events deleted in a mirror's target (override_icloud_deletions)");
    private final CheckBox holdDeletions = new CheckBox("Hold deletions when many events vanish at once (skip_sync_on_too_many_missing)");
    private final TextField maxMissingCount = number("maxMissingCount");
    private final TextField maxMissingPercent = number("maxMissingPercent");
    private final CheckBox expandRecurring = new CheckBox("Write each occurrence of a series as its own event (expand_recurring, mirror only)");
    private final TitledPane advanced = new TitledPane();
    private final Button remove = new Button("Remove pair…");
    private final Label previewSummary = new Label();
    private final VBox previewDetails = new VBox(2);
    private final VBox preview = new VBox(4, previewSummary, previewDetails);
    private final StatusLine status = new StatusLine("pairStatus");
    private Optional<String> editing = Optional.empty();

    PairsPage(SettingsModel model) {
        this.model = model;
        build();
        model.onChange(this::refresh);
    }

    Node root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("page");
        VBox left = NamedList.column(list, "pairList", 200, this::showPair, "Ne_w pair", "newPair", this::newPair);

        formTitle.getStyleClass().add("section");
        name.setId("pairName");
        source.setId("source");
        target.setId("target");
        source.valueProperty().addListener((o, was, now) -> sidesChanged());
        target.valueProperty().addListener((o, was, now) -> sidesChanged());
        sides.setId("sides");
        sides.getStyleClass().add("dim");
        sides.setWrapText(true);
        mirror.setId("modeMirror");
        twoWay.setId("modeTwoWay");
        mirror.setToggleGroup(modes);
        twoWay.setToggleGroup(modes);
        mirror.setWrapText(true);
        twoWay.setWrapText(true);
        modes.selectedToggleProperty().addListener((o, was, now) -> conflict.setDisable(now != twoWay));
        conflict.setId("conflict");
        conflict.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConflictPolicy p) {
                if (p == null) {
                    return "";
                }
                return switch (p) {
                    case NEWER_WINS -> "the later edit wins (newer-wins)";
                    case SOURCE_WINS -> "the source wins (source-wins)";
                    case TARGET_WINS -> "the target wins (target-wins)";
                };
            }

            @Override
            public ConflictPolicy fromString(String s) {
                return null;
            }
        });
        overrideDeletions.setId("overrideDeletions");
        holdDeletions.setId("holdDeletions");
        expandRecurring.setId("expandRecurring");

        FormGrid more = new FormGrid()
                .row("_Verify threshold:", withHint(verifyThreshold, "mismatches tolerated when the target is read back"))
                .wide(overrideDeletions)
                .wide(holdDeletions)
                .row("Hold after (events):", withHint(maxMissingCount, "max_missing_count"))
                .row("Hold after (%):", withHint(maxMissingPercent, "max_missing_percent"))
                .wide(expandRecurring);
        advanced.setText("Advanced");
        advanced.setId("advanced");
        advanced.setContent(more.node());
        advanced.setExpanded(false);

        FormGrid form = new FormGrid()
                .row("_Name:", name)
                .row("_Source:", source)
                .row("T_arget:", target)
                .wide(sides)
                .wide(new VBox(4, mirror, twoWay))
                .row("_Conflicts:", conflict)
                .row("_Interval (min):", interval)
                .row("Days _before:", withHint(pastDays, "events from this many days ago…"))
                .row("Days a_fter:", withHint(futureDays, "…up to this many days ahead take part"))
                .wide(advanced);

        Button previewButton = new Button("_Preview");
        previewButton.setId("preview");
        previewButton.setOnAction(e -> preview());
        Button save = new Button("Save an_d sync");
        save.setId("savePair");
        save.setOnAction(e -> save());
        remove.setId("removePair");
        remove.setOnAction(e -> removePair());
        HBox buttons = new HBox(8, previewButton, save, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        previewSummary.setId("previewSummary");
        previewSummary.setWrapText(true);
        previewDetails.setId("previewDetails");
        preview.setId("previewBox");
        preview.getStyleClass().add("preview");
        visible(preview, false);

        VBox right = new VBox(8, formTitle, form.node(), buttons, preview, status.node());
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().add(new HBox(12, left, right));
        newPair();
    }

    private void refresh() {
        Optional<CalSyncConfig> config = model.config();
        List<String> pairs = config.map(c -> c.pairs().stream().map(PairConfig::name).toList()).orElse(List.of());
        if (!pairs.equals(list.getItems())) {
            String selected = list.getSelectionModel().getSelectedItem();
            list.getItems().setAll(pairs);
            if (selected != null && pairs.contains(selected)) {
                list.getSelectionModel().select(selected);
            }
        }
        List<String> calendars = config.map(c -> List.copyOf(c.calendars().keySet())).orElse(List.of());
        if (!calendars.equals(source.getItems())) {
            String s = source.getValue();
            String t = target.getValue();
            source.getItems().setAll(calendars);
            target.getItems().setAll(calendars);
            source.setValue(s);
            target.setValue(t);
        }
        if (editing.isEmpty() && interval.getText().isEmpty()) {
            fill(config.map(CalSyncConfig::sync).orElse(SyncSettings.DEFAULTS));
        }
        sidesChanged();
    }

    private void newPair() {
        editing = Optional.empty();
        list.getSelectionModel().clearSelection();
        formTitle.setText("New pair");
        name.clear();
        name.setEditable(true);
        source.setDisable(false);
        target.setDisable(false);
        source.setValue(null);
        target.setValue(null);
        mirror.setSelected(true);
        conflict.setValue(ConflictPolicy.TWO_WAY_DEFAULT);
        remove.setDisable(true);
        fill(model.config().map(CalSyncConfig::sync).orElse(SyncSettings.DEFAULTS));
        visible(preview, false);
        status.clear();
    }

    private void showPair(String pairName) {
        Optional<CalSyncConfig> config = model.config();
        Optional<PairConfig> pair = config.flatMap(c -> c.pair(pairName));
        if (pair.isEmpty()) {
            return;
        }
        PairConfig p = pair.get();
        editing = Optional.of(pairName);
        formTitle.setText("Pair " + pairName);
        name.setText(pairName);
        name.setEditable(false);
        source.setValue(p.source());
        target.setValue(p.target());
        // the calendars of a saved pair stay: its state belongs to them
        source.setDisable(true);
        target.setDisable(true);
        (p.mode() == SyncMode.TWO_WAY ? twoWay : mirror).setSelected(true);
        conflict.setValue(p.mode() == SyncMode.TWO_WAY ? p.conflict() : ConflictPolicy.TWO_WAY_DEFAULT);
        fill(config.get().settingsFor(p));
        remove.setDisable(false);
        visible(preview, false);
        status.clear();
    }

    private void fill(SyncSettings s) {
        interval.setText(String.valueOf(s.intervalMinutes()));
        pastDays.setText(String.valueOf(s.syncPastDays()));
        futureDays.setText(String.valueOf(s.syncFutureDays()));
        verifyThreshold.setText(String.valueOf(s.verifyThreshold()));
        overrideDeletions.setSelected(s.overrideIcloudDeletions());
        holdDeletions.setSelected(s.skipSyncOnTooManyMissing());
        maxMissingCount.setText(String.valueOf(s.maxMissingCount()));
        maxMissingPercent.setText(String.valueOf(s.maxMissingPercent()));
        expandRecurring.setSelected(s.expandRecurring());
    }

    /** Says what the two chosen calendars are, and suggests a name for a new pair. */
    private void sidesChanged() {
        Optional<CalSyncConfig> config = model.config();
        String s = source.getValue();
        String t = target.getValue();
        if (config.isEmpty() || s == null || t == null) {
            sides.setText(config.map(c -> c.calendars().isEmpty()).orElse(true)
                    ? "Add calendars on the Calendars page first." : "Pick the two calendars.");
            return;
        }
        sides.setText(describe(config.get(), s) + " → " + describe(config.get(), t));
        if (editing.isEmpty() && !name.isFocused()) {
            model.state().ifPresent(state -> name.setText(SetupService.freeName(state, "pairs", s + " to " + t, "pair")));
        }
    }

    private static String describe(CalSyncConfig config, String calendar) {
        CalendarConfig c = config.calendars().get(calendar);
        return c == null ? calendar : calendar + " (" + c.describe() + (c.readOnly() ? ", read-only" : "") + ")";
    }

    /** The pair the form describes, or why it cannot be one. */
    private Optional<PairConfig> pairFromForm() {
        if (source.getValue() == null || target.getValue() == null) {
            status.error("Pick a source and a target calendar.");
            return Optional.empty();
        }
        if (name.getText().isBlank()) {
            status.error("Give the pair a name.");
            return Optional.empty();
        }
        SyncSettings base = model.config().map(CalSyncConfig::sync).orElse(SyncSettings.DEFAULTS);
        Map<SyncKey, Object> values = new EnumMap<>(SyncKey.class);
        Map<SyncKey, TextField> numbers = Map.of(SyncKey.INTERVAL_MINUTES, interval, SyncKey.SYNC_PAST_DAYS, pastDays,
                SyncKey.SYNC_FUTURE_DAYS, futureDays, SyncKey.VERIFY_THRESHOLD, verifyThreshold,
                SyncKey.MAX_MISSING_COUNT, maxMissingCount, SyncKey.MAX_MISSING_PERCENT, maxMissingPercent);
        for (Map.Entry<SyncKey, TextField> e : numbers.entrySet()) {
            SyncKey key = e.getKey();
            int value;
            try {
                value = Integer.parseInt(e.getValue().getText().strip());
            } catch (NumberFormatException ex) {
                value = -1;
            }
            if (value < key.min() || value > key.max()) {
                status.error(key.jsonName() + " must be " + key.allowed() + ".");
                e.getValue().requestFocus();
                return Optional.empty();
            }
            values.put(key, value);
        }
        values.put(SyncKey.OVERRIDE_ICLOUD_DELETIONS, overrideDeletions.isSelected());
        values.put(SyncKey.SKIP_SYNC_ON_TOO_MANY_MISSING, holdDeletions.isSelected());
        values.put(SyncKey.EXPAND_RECURRING, expandRecurring.isSelected());
        Map<SyncKey, Object> overrides = new EnumMap<>(SyncKey.class);
        values.forEach((key, value) -> {
            if (!value.equals(base.value(key))) {
                overrides.put(key, value);
            }
        });
        SyncMode mode = twoWay.isSelected() ? SyncMode.TWO_WAY : SyncMode.MIRROR;
        ConflictPolicy policy = mode == SyncMode.MIRROR ? ConflictPolicy.SOURCE_WINS
                : Optional.ofNullable(conflict.getValue()).orElse(ConflictPolicy.TWO_WAY_DEFAULT);
        boolean enabled = editing.flatMap(n -> model.config().flatMap(c -> c.pair(n))).map(PairConfig::enabled).orElse(true);
        return Optional.of(new PairConfig(name.getText().strip(), source.getValue(), target.getValue(), mode, policy, enabled,
                new SyncOverrides(overrides)));
    }

    private void preview() {
        Optional<SetupState> state = model.state();
        Optional<PairConfig> pair = pairFromForm();
        if (state.isEmpty() || pair.isEmpty()) {
            return;
        }
        status.busy("Reading both calendars (nothing is changed)…");
        visible(preview, false);
        model.run(() -> model.setup().preview(state.get(), pair.get()), this::showPreview, status::problem);
    }

    private void showPreview(PairPreview p) {
        previewSummary.setText(p.summary());
        previewDetails.getChildren().setAll(p.details().stream().map(d -> {
            Label l = new Label(d);
            l.getStyleClass().add("dim");
            return l;
        }).toList());
        visible(preview, true);
        status.clear();
    }

    private void save() {
        Optional<SetupState> state = model.state();
        Optional<PairConfig> pair = pairFromForm();
        if (state.isEmpty() || pair.isEmpty()) {
            return;
        }
        PairConfig p = pair.get();
        status.busy("Saving " + p.name() + "…");
        model.run(() -> model.setup().savePair(state.get(), p), saved -> {
            editing = Optional.of(p.name());
            list.getItems().setAll(saved.now().config().map(c -> c.pairs().stream().map(PairConfig::name).toList()).orElse(List.of()));
            list.getSelectionModel().select(p.name());
            status.busy("Saved " + p.name() + " to config.json; the first sync is running…");
            saved.firstSync().whenComplete((report, error) -> model.later(() -> {
                if (error != null) {
                    status.error("Saved, but the first sync could not start: " + error.getMessage());
                } else if (report == null) {
                    status.ok("Saved " + p.name() + " (disabled: it does not sync).");
                } else if (report.outcome() == com.calsync.sync.SyncOutcome.FAILED) {
                    status.error(RunSummary.of(report, p));
                } else {
                    status.ok(RunSummary.of(report, p));
                }
            }));
        }, status::problem);
    }

    private void removePair() {
        Optional<SetupState> state = model.state();
        if (editing.isEmpty() || state.isEmpty()) {
            return;
        }
        String pairName = editing.get();
        if (!Confirm.removal(root.getScene().getWindow(), "Remove pair " + pairName + "?",
                "The pair leaves config.json and CalSync forgets what it synced. The events in both calendars stay as they are.",
                "Remove pair")) {
            return;
        }
        status.busy("Removing " + pairName + "…");
        model.run(() -> model.setup().removePair(state.get(), pairName), now -> {
            newPair();
            status.ok("Pair " + pairName + " removed.");
        }, status::problem);
    }

    private static TextField number(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("\\d{0,9}") ? change : null));
        return field;
    }

    private static Node withHint(TextField field, String hint) {
        Label l = new Label(hint);
        l.getStyleClass().add("hint");
        HBox box = new HBox(8, field, l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void visible(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }
}
