package com.calsync.ui.settings;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.service.AccountCalendars.CalendarSummary;
import com.calsync.service.setup.EntryNames;
import com.calsync.service.setup.MacCalendar;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SetupState;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Calendars: those in config.json and those each account offers (colour, name, account,
 * read-only badge), each added with one button; a local folder (typed or chosen) or a
 * subscription (checked by fetching it once) added below; on a Mac, the calendars of macOS
 * Calendar, after saying why CalSync asks for access.
 */
final class CalendarsPage {
    private final SettingsModel model;
    private final VBox root = new VBox(8);
    private final VBox rows = new VBox(6);
    private final TextField folderPath = new TextField();
    private final TextField folderName = new TextField();
    private final TextField feedUrl = new TextField();
    private final TextField feedName = new TextField();
    private final VBox macRows = new VBox(6);
    private final StatusLine status = new StatusLine("calendarStatus");
    private List<MacCalendar> macCalendars = List.of();

    CalendarsPage(SettingsModel model) {
        this.model = model;
        build();
        model.onChange(this::refresh);
    }

    Node root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("page");
        rows.setId("calendarRows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(230);
        scroll.getStyleClass().add("calendars-scroll");

        folderPath.setId("folderPath");
        folderPath.setPromptText("~/Calendars/work (created when missing)");
        folderName.setId("folderName");
        folderName.setPromptText("a name for it (optional)");
        Button choose = new Button("C_hoose…");
        choose.setId("chooseFolder");
        choose.setOnAction(e -> chooseFolder());
        Button addFolder = new Button("_Add folder");
        addFolder.setId("addFolder");
        addFolder.setOnAction(e -> addFolder());
        HBox.setHgrow(folderPath, Priority.ALWAYS);
        HBox folderRow = new HBox(6, folderPath, choose);

        feedUrl.setId("feedUrl");
        feedUrl.setPromptText("https://… or webcal://… or an .ics file");
        feedName.setId("feedName");
        feedName.setPromptText("a name for it (optional)");
        Button addFeed = new Button("Check and add _subscription");
        addFeed.setId("addFeed");
        addFeed.setOnAction(e -> addFeed());

        FormGrid form = new FormGrid()
                .row("_Folder:", folderRow)
                .row("Folder na_me:", folderName)
                .wide(addFolder)
                .row("Subscri_ption:", feedUrl)
                .row("Subscription nam_e:", feedName)
                .wide(addFeed);
        root.getChildren().addAll(scroll, sectionLabel("Add a local folder or a subscription"), form.node());

        if (model.setup().hasMacCalendars()) {
            Label why = new Label("CalSync asks macOS for access to your calendars so it can read and write the ones you"
                    + " pick here. macOS asks you next: choose \"Allow Full Access\". You can change it later in System"
                    + " Settings › Privacy & Security › Calendars.");
            why.setId("macWhy");
            why.setWrapText(true);
            why.getStyleClass().add("hint");
            Button show = new Button("Show calendars on this Ma_c…");
            show.setId("macCalendars");
            show.setOnAction(e -> showMacCalendars());
            macRows.setId("macRows");
            root.getChildren().addAll(sectionLabel("Calendars on this Mac"), why, show, macRows);
        }
        root.getChildren().add(status.node());
    }

    private void refresh() {
        Optional<CalSyncConfig> config = model.config();
        List<Node> shown = new ArrayList<>();
        shown.add(sectionLabel("In config.json"));
        Map<String, SettingsModel.Discovery> discovered = model.discovered();
        config.ifPresent(c -> c.calendars().values().forEach(cal -> shown.add(configuredRow(cal, discovered))));
        if (config.map(c -> c.calendars().isEmpty()).orElse(true)) {
            shown.add(dim("No calendars yet: add one below, or sign in to an account first."));
        }
        config.ifPresent(c -> c.accounts().keySet().forEach(account -> {
            shown.add(sectionLabel("On account " + account));
            SettingsModel.Discovery d = discovered.get(account);
            if (d == null) {
                shown.add(dim("Listing the calendars…"));
            } else if (d.problem().isPresent()) {
                Label error = new Label(d.problem().get());
                error.setWrapText(true);
                error.getStyleClass().add("status-error");
                shown.add(error);
            } else {
                List<CalendarSummary> offered = d.calendars().stream().filter(s -> configuredAs(c, account, s).isEmpty()).toList();
                offered.forEach(s -> shown.add(offeredRow(account, s)));
                if (offered.isEmpty()) {
                    shown.add(dim("All of its calendars are in config.json."));
                }
            }
        }));
        rows.getChildren().setAll(shown);
        renderMacRows();
    }

    private Node configuredRow(CalendarConfig cal, Map<String, SettingsModel.Discovery> discovered) {
        Optional<CalendarSummary> summary = Optional.empty();
        String where;
        if (cal instanceof CalendarConfig.CalDav d) {
            summary = Optional.ofNullable(discovered.get(d.account())).flatMap(x -> x.calendars().stream()
                    .filter(s -> matches(d, s)).findFirst());
            where = summary.map(CalendarSummary::displayName).or(d::displayName).orElse(d.path().orElse("")) + " on account " + d.account();
        } else if (cal instanceof CalendarConfig.Folder f) {
            where = "folder " + model.setup().shown(f.path());
        } else if (cal instanceof CalendarConfig.Feed f) {
            where = "subscription " + f.localFile().map(p -> model.setup().shown(p)).orElse(f.url().toString());
        } else {
            CalendarConfig.EventKit e = (CalendarConfig.EventKit) cal;
            where = "macOS Calendar \"" + e.title() + "\"" + e.source().map(s -> " (" + s + ")").orElse("");
        }
        boolean readOnly = cal.readOnly() || summary.map(s -> !s.writable()).orElse(false);
        Button remove = new Button("Remove");
        remove.setId("remove-calendar-" + cal.name());
        remove.setOnAction(e -> removeCalendar(cal.name()));
        return row("calendar-" + cal.name(), summary.flatMap(CalendarSummary::color), cal.name(), where, readOnly,
                Optional.empty(), remove);
    }

    private Node offeredRow(String account, CalendarSummary s) {
        Button add = new Button("Add");
        add.setId("add-" + account + "-" + EntryNames.slug(s.displayName(), "calendar"));
        add.setDisable(!s.holdsEvents());
        add.setOnAction(e -> addCalDav(account, s));
        Optional<String> note = s.holdsEvents() ? Optional.empty() : Optional.of("no events (to-dos only)");
        return row("offered-" + account + "-" + EntryNames.slug(s.displayName(), "calendar"), s.color(), s.displayName(),
                "account " + account, !s.writable(), note, add);
    }

    private static Node row(String id, Optional<String> color, String name, String where, boolean readOnly,
                            Optional<String> note, Button action) {
        Region swatch = new Region();
        swatch.getStyleClass().add("swatch");
        color.map(CalendarsPage::cssColor).ifPresent(c -> swatch.setStyle("-fx-background-color: " + c + ";"));
        Label title = new Label(name);
        title.getStyleClass().add("calendar-name");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label(where);
        detail.getStyleClass().add("dim");
        detail.setMinWidth(40); // the description gives way first; name, badge and button stay whole
        action.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, swatch, title, detail);
        row.setAlignment(Pos.CENTER_LEFT);
        if (readOnly) {
            row.getChildren().add(badge("read-only", "badge-readonly"));
        }
        note.ifPresent(n -> row.getChildren().add(badge(n, "badge")));
        row.getChildren().forEach(n -> {
            if (n instanceof Label l && l.getStyleClass().contains("badge")) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.getChildren().addAll(spacer, action);
        row.setId(id);
        row.getStyleClass().add("calendar-row");
        return row;
    }

    /** {@code #RRGGBBAA} (Apple's calendar-color) or {@code #RRGGBB}, as CSS takes it; anything else is left out. */
    static String cssColor(String color) {
        String c = color.strip();
        if (c.matches("#[0-9A-Fa-f]{8}")) {
            return c.substring(0, 7);
        }
        return c.matches("#[0-9A-Fa-f]{6}") ? c : "#b0b0b0";
    }

    private static Optional<String> configuredAs(CalSyncConfig config, String account, CalendarSummary s) {
        return config.calendars().values().stream()
                .filter(c -> c instanceof CalendarConfig.CalDav d && d.account().equals(account) && matches(d, s))
                .map(CalendarConfig::name).findFirst();
    }

    private static boolean matches(CalendarConfig.CalDav d, CalendarSummary s) {
        return d.path().map(p -> trailingSlash(p).equals(trailingSlash(s.path()))).orElse(false)
                || d.displayName().map(n -> n.equals(s.displayName())).orElse(false);
    }

    private static String trailingSlash(String p) {
        return p.endsWith("/") ? p : p + "/";
    }

    private void addCalDav(String account, CalendarSummary s) {
        model.state().ifPresent(state -> {
            String name = SetupService.freeName(state, "calendars", s.displayName(), "calendar");
            add(state, new CalendarConfig.CalDav(name, account, Optional.empty(), Optional.of(s.path())),
                    "Added " + s.displayName() + " as calendar " + name + ".");
        });
    }

    private void addFolder() {
        Optional<SetupState> state = model.state();
        String typed = folderPath.getText().strip();
        if (state.isEmpty()) {
            return;
        }
        if (typed.isEmpty()) {
            status.error("Type the folder's path or choose one.");
            folderPath.requestFocus();
            return;
        }
        Path path = model.setup().folderPath(typed);
        String name = folderName.getText().isBlank()
                ? SetupService.freeName(state.get(), "calendars", path.getFileName() == null ? "folder" : path.getFileName().toString(), "folder")
                : folderName.getText().strip();
        add(state.get(), new CalendarConfig.Folder(name, path), "Added the folder " + model.setup().shown(path) + " as calendar "
                + name + ".", () -> {
                    folderPath.clear();
                    folderName.clear();
                });
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder for .ics files");
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            folderPath.setText(chosen.getAbsolutePath());
        }
    }

    private void addFeed() {
        Optional<SetupState> state = model.state();
        String url = feedUrl.getText().strip();
        if (state.isEmpty()) {
            return;
        }
        String typedName = feedName.getText().strip();
        status.busy("Fetching " + url + "…");
        model.run(() -> model.setup().checkFeed(url), info -> {
            String name = typedName.isEmpty() ? SetupService.freeName(model.state().orElse(state.get()), "calendars",
                    lastSegment(url), "subscription") : typedName;
            add(model.state().orElse(state.get()), new CalendarConfig.Feed(name, info.url()),
                    "Added the subscription as calendar " + name + ": it holds " + info.events() + " event(s).", () -> {
                        feedUrl.clear();
                        feedName.clear();
                    });
        }, status::problem);
    }

    /** A name for a subscription from its address: the file name without .ics ("holidays" for …/holidays.ics?x=1). */
    static String lastSegment(String url) {
        String trimmed = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.replaceAll("(?i)\\.ics$", "");
    }

    private void showMacCalendars() {
        status.busy("Asking macOS for the calendars on this Mac…");
        model.run(() -> model.setup().macCalendars(), found -> {
            macCalendars = found;
            status.clear();
            renderMacRows();
        }, status::problem);
    }

    private void renderMacRows() {
        List<Node> shown = new ArrayList<>();
        Optional<CalSyncConfig> config = model.config();
        for (MacCalendar mac : macCalendars) {
            boolean added = config.map(c -> c.calendars().values().stream().anyMatch(cal -> cal instanceof CalendarConfig.EventKit e
                    && e.title().equals(mac.title()) && e.source().map(src -> src.equals(mac.source())).orElse(true))).orElse(false);
            Button add = new Button(added ? "Added" : "Add");
            add.setDisable(added);
            add.setId("add-mac-" + EntryNames.slug(mac.title() + " " + mac.source(), "calendar"));
            add.setOnAction(e -> model.state().ifPresent(state -> {
                String name = SetupService.freeName(state, "calendars", "mac " + mac.title(), "mac-calendar");
                add(state, new CalendarConfig.EventKit(name, mac.title(), Optional.of(mac.source())),
                        "Added \"" + mac.title() + "\" (" + mac.source() + ") as calendar " + name + ".");
            }));
            shown.add(row("mac-" + EntryNames.slug(mac.title() + " " + mac.source(), "calendar"), mac.color(), mac.title(),
                    mac.source(), !mac.writable(), Optional.empty(), add));
        }
        macRows.getChildren().setAll(shown);
    }

    private void add(SetupState state, CalendarConfig calendar, String done) {
        add(state, calendar, done, () -> { });
    }

    /** Adds {@code calendar}; {@code afterwards} runs only when it was added (a refused add keeps what was typed). */
    private void add(SetupState state, CalendarConfig calendar, String done, Runnable afterwards) {
        status.busy("Adding " + calendar.name() + "…");
        model.run(() -> model.setup().addCalendar(state, calendar), now -> {
            status.ok(done);
            afterwards.run();
        }, status::problem);
    }

    private void removeCalendar(String name) {
        Optional<SetupState> state = model.state();
        if (state.isEmpty() || !Confirm.removal(root.getScene().getWindow(), "Remove calendar " + name + "?",
                "It leaves config.json. Its events stay where they are (on the server, in the folder).", "Remove calendar")) {
            return;
        }
        status.busy("Removing " + name + "…");
        model.run(() -> model.setup().removeCalendar(state.get(), name), now -> status.ok("Calendar " + name + " removed."),
                status::problem);
    }

    private static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add("badge");
        if (!style.equals("badge")) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static Label dim(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dim");
        l.setWrapText(true);
        return l;
    }
}
