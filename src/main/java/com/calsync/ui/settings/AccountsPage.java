package com.calsync.ui.settings;

import com.calsync.config.AccountConfig;
import com.calsync.service.AccountCalendars.CalendarSummary;
import com.calsync.service.setup.AccountPreset;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SetupState;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: the configured CalDAV accounts, and a form that adds one from a preset (iCloud with
 * its app-specific password, Fastmail, Nextcloud/ownCloud, Radicale, any server), signs in (which
 * lists its calendars and stores the password in the Keychain / Secret Service, never in
 * config.json), re-enters a password, or removes an account.
 */
final class AccountsPage {
    private static final Logger log = LoggerFactory.getLogger(AccountsPage.class);

    private final SettingsModel model;
    private final Desktop desktop;
    private final VBox root = new VBox(8);
    private final ListView<String> list = new ListView<>();
    private final ChoiceBox<AccountPreset> preset = new ChoiceBox<>(FXCollections.observableArrayList(AccountPreset.values()));
    private final TextField name = new TextField();
    private final TextField server = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label hint = new Label();
    private final Hyperlink help = new Hyperlink();
    private final Button signIn = new Button("_Sign in");
    private final Button remove = new Button("Remove account…");
    private final Label formTitle = new Label();
    private final StatusLine status = new StatusLine("accountStatus");
    /** The account the form shows, when it is an existing one. */
    private Optional<String> editing = Optional.empty();
    private boolean nameTyped;

    AccountsPage(SettingsModel model, Desktop desktop) {
        this.model = model;
        this.desktop = desktop;
        build();
        model.onChange(this::refresh);
    }

    Node root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("page");
        VBox left = NamedList.column(list, "accountList", 220, this::showAccount, "_New account", "newAccount",
                this::newAccount);

        preset.setId("preset");
        preset.valueProperty().addListener((o, was, now) -> presetChanged());
        name.setId("accountName");
        name.textProperty().addListener((o, was, now) -> nameTyped = name.isFocused() || nameTyped);
        server.setId("server");
        username.setId("username");
        password.setId("password");
        password.setPromptText("the account's password");
        hint.setId("passwordHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        help.setId("helpLink");
        help.setOnAction(e -> preset.getValue().helpLink().ifPresent(this::browse));
        signIn.setId("signIn");
        signIn.setMnemonicParsing(true);
        signIn.setDefaultButton(true);
        signIn.setOnAction(e -> signIn());
        remove.setId("removeAccount");
        remove.setOnAction(e -> removeAccount());
        formTitle.getStyleClass().add("section");
        formTitle.setId("accountFormTitle");

        FormGrid form = new FormGrid()
                .row("Ser_vice:", preset)
                .row("N_ame:", name)
                .row("Se_rver:", server)
                .row("_User name:", username)
                .row("_Password:", password)
                .wide(new VBox(2, hint, help));
        HBox buttons = new HBox(8, signIn, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, formTitle, form.node(), buttons, status.node());
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().add(new HBox(12, left, right));
        newAccount();
    }

    /** Shows the accounts of the newest state; keeps the form as it is. */
    private void refresh() {
        List<String> names = model.config().map(c -> List.copyOf(c.accounts().keySet())).orElse(List.of());
        if (!names.equals(list.getItems())) {
            String selected = list.getSelectionModel().getSelectedItem();
            list.getItems().setAll(names);
            if (selected != null && names.contains(selected)) {
                list.getSelectionModel().select(selected);
            }
        }
    }

    private void newAccount() {
        editing = Optional.empty();
        list.getSelectionModel().clearSelection();
        formTitle.setText("New account");
        name.setEditable(true);
        nameTyped = false;
        server.clear();
        username.clear();
        password.clear();
        remove.setDisable(true);
        status.clear();
        if (preset.getValue() == null) {
            preset.setValue(AccountPreset.ICLOUD);
        } else {
            presetChanged();
        }
    }

    private void showAccount(String accountName) {
        Optional<AccountConfig> account = model.config().map(c -> c.accounts().get(accountName));
        if (account.isEmpty()) {
            return;
        }
        AccountConfig a = account.get();
        editing = Optional.of(accountName);
        formTitle.setText("Account " + accountName);
        AccountPreset shown = preset.getValue();
        boolean fitsShown = shown != null && shown.needsServer() && presetOf(a.url()) == AccountPreset.OTHER;
        if (!fitsShown) {
            preset.setValue(presetOf(a.url())); // a Radicale account just signed in stays "Radicale"
        }
        name.setText(accountName);
        name.setEditable(false);
        server.setText(a.url().toString());
        username.setText(a.username().orElse(""));
        password.clear();
        password.setPromptText("type it again to change it");
        remove.setDisable(false);
        SettingsModel.Discovery found = model.discovered().get(accountName);
        if (found == null) {
            status.clear();
        } else if (found.problem().isPresent()) {
            status.error(found.problem().get());
        } else {
            status.ok(found.calendars().size() + " calendar(s) on this account.");
        }
    }

    private void presetChanged() {
        AccountPreset p = preset.getValue();
        if (p == null) {
            return;
        }
        server.setDisable(!p.needsServer());
        server.setPromptText(p.serverExample());
        if (!p.needsServer()) {
            server.setText(p.discoveryUrl(null).toString());
        } else if (editing.isEmpty() && !server.getText().isBlank() && !server.isFocused()
                && Arrays.stream(AccountPreset.values()).anyMatch(q -> !q.needsServer() && q.discoveryUrl(null).toString().equals(server.getText()))) {
            server.clear(); // a fixed address left from the previous preset
        }
        username.setPromptText(p == AccountPreset.ICLOUD ? "your Apple Account e-mail" : p == AccountPreset.OTHER
                ? "empty for a server without login" : "user name");
        hint.setText(p.passwordHint());
        help.setText(p.helpLink().map(u -> "How to make one: " + u).orElse(""));
        help.setVisible(p.helpLink().isPresent());
        help.setManaged(p.helpLink().isPresent());
        if (editing.isEmpty() && !nameTyped) {
            model.state().ifPresent(s -> name.setText(SetupService.freeName(s, "accounts", p.suggestedName(), "caldav")));
        }
    }

    private void signIn() {
        Optional<SetupState> state = model.state();
        if (state.isEmpty()) {
            return;
        }
        URI url;
        try {
            url = preset.getValue().discoveryUrl(server.getText());
        } catch (IllegalArgumentException e) {
            status.error("Server: " + e.getMessage());
            server.requestFocus();
            return;
        }
        String accountName = name.getText().strip();
        if (accountName.isEmpty()) {
            status.error("Give the account a name (letters, digits, - and _).");
            name.requestFocus();
            return;
        }
        String user = username.getText().strip();
        AccountConfig account = new AccountConfig(accountName, url, user.isEmpty() ? Optional.empty() : Optional.of(user));
        char[] typed = password.getText().toCharArray();
        boolean replacing = editing.isPresent();
        signIn.setDisable(true);
        status.busy("Signing in to " + url + "…");
        model.run(() -> {
            try {
                return model.setup().signIn(state.get(), account, typed, replacing);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, signedIn -> {
            signIn.setDisable(false);
            model.discovered(accountName, signedIn.calendars());
            list.getItems().setAll(signedIn.now().config().map(c -> List.copyOf(c.accounts().keySet())).orElse(List.of()));
            list.getSelectionModel().select(accountName); // shows the account in the form
            password.clear();
            status.ok(signedInText(signedIn));
        }, problem -> {
            signIn.setDisable(false);
            status.problem(problem);
        });
    }

    static String signedInText(SetupService.SignedIn signedIn) {
        long events = signedIn.calendars().stream().filter(CalendarSummary::holdsEvents).count();
        return "Signed in: " + signedIn.calendars().size() + " calendar(s) found, " + events + " with events; pick them on"
                + " the Calendars page." + signedIn.passwordIn().map(s -> " The password is stored in " + s + ".").orElse("")
                + signedIn.note().map(n -> " " + n).orElse("");
    }

    private void removeAccount() {
        Optional<SetupState> state = model.state();
        if (editing.isEmpty() || state.isEmpty()) {
            return;
        }
        String accountName = editing.get();
        if (!Confirm.removal(root.getScene().getWindow(), "Remove account " + accountName + "?",
                "The account leaves config.json and its password is deleted from the Keychain / Secret Service. "
                        + "Its calendars on the server are not touched.", "Remove account")) {
            return;
        }
        status.busy("Removing " + accountName + "…");
        model.run(() -> model.setup().removeAccount(state.get(), accountName), now -> {
            status.ok("Account " + accountName + " removed.");
            newAccount();
        }, status::problem);
    }

    private static AccountPreset presetOf(URI url) {
        String text = url.toString().toLowerCase(Locale.ROOT);
        for (AccountPreset p : AccountPreset.values()) {
            if (!p.needsServer() && p.discoveryUrl(null).toString().equals(text)) {
                return p;
            }
        }
        return text.contains("/remote.php/") ? AccountPreset.NEXTCLOUD : AccountPreset.OTHER;
    }

    private void browse(URI page) {
        try {
            desktop.browse(page);
        } catch (Exception e) {
            log.warn("cannot open {}: {}", page, e.getMessage());
            status.error("Cannot open " + page + " here; open it in a browser.");
        }
    }
}
