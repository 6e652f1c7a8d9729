package com.calsync.service.setup;

import com.calsync.config.AccountConfig;
import com.calsync.config.AppSettings;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.CalendarConfig;
import com.calsync.config.ConfigDocument;
import com.calsync.config.ConfigEditor;
import com.calsync.config.ConfigFile;
import com.calsync.config.ConfigLoadResult;
import com.calsync.config.ConfigLoader;
import com.calsync.config.ConfigProblem;
import com.calsync.config.PairConfig;
import com.calsync.ical.TimeWindow;
import com.calsync.platform.Os;
import com.calsync.platform.PrivateFiles;
import com.calsync.secrets.PasswordLookup;
import com.calsync.secrets.PlatformSecretStores;
import com.calsync.secrets.SecretStore;
import com.calsync.secrets.SecretStoreException;
import com.calsync.service.AccountCalendars;
import com.calsync.service.AccountCalendars.CalendarSummary;
import com.calsync.service.StoreOpener;
import com.calsync.service.SyncRunner;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.local.FeedStore;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the Settings window does, as calls that may block (call them off the UI thread). Each
 * change is made against the {@link SetupState} the window shows and returns the new one; it goes
 * into config.json in place through {@link ConfigFile} (checked, never over an outside edit,
 * atomic, with config.json.bak), and then through the running service's reload path.
 */
public final class SetupService {
    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final CalSyncPaths paths;
    private final ConfigFile file;
    private final ConfigEditor editor;
    private final AccountCalendars accounts;
    private final SyncRunner runner;
    private final Supplier<SecretStore> secrets;
    private final Supplier<List<MacCalendar>> macCalendars;
    private final SyncTrigger trigger;
    private final Map<String, String> env;
    private final Os os;
    private final Clock clock;
    private SecretStore secretStore;

    /**
     * @param secrets      where passwords are saved (asked once, on first need: probing a keyring takes time)
     * @param macCalendars lists the calendars on this Mac, asking for access first (EventKit)
     * @param env          the environment, whose CALSYNC_PASSWORD_* variables win over a stored password
     */
    public SetupService(CalSyncPaths paths, ConfigFile file, ConfigEditor editor, AccountCalendars accounts,
                        SyncRunner runner, Supplier<SecretStore> secrets, Supplier<List<MacCalendar>> macCalendars,
                        SyncTrigger trigger, Map<String, String> env, Os os, Clock clock) {
        this.paths = paths;
        this.file = file;
        this.editor = editor;
        this.accounts = accounts;
        this.runner = runner;
        this.secrets = secrets;
        this.macCalendars = macCalendars;
        this.trigger = trigger;
        this.env = env;
        this.os = os;
        this.clock = clock;
    }

    /** As the menu-bar app uses it: the platform's secret store, the real stores, the service in this process. */
    public static SetupService standard(CalSyncPaths paths, Map<String, String> env, Os os, Path userHome, Clock clock,
                                        SyncTrigger trigger) {
        StoreOpener stores = StoreOpener.standard(paths, env, os, clock);
        return new SetupService(paths, new ConfigFile(paths.configFile(), new ConfigLoader(userHome)), new ConfigEditor(userHome),
                new AccountCalendars(stores, clock), SyncRunner.standard(paths, env, os, clock),
                () -> PlatformSecretStores.detect(os, paths.configDir()).forSaving(),
                () -> stores.eventKit().calendars().stream()
                        .map(c -> new MacCalendar(c.title(), c.source(), c.color(), c.writable())).toList(),
                trigger, env, os, clock);
    }

    public CalSyncPaths paths() {
        return paths;
    }

    /** Whether "Calendars on this Mac" exists here. */
    public boolean hasMacCalendars() {
        return os.isMac();
    }

    // ---- the file ---------------------------------------------------------------------------

    /** Reads config.json now. */
    public Outcome<SetupState> load() {
        try {
            return Outcome.done(new SetupState(file.read()));
        } catch (IOException e) {
            return Outcome.refused(SetupProblem.Kind.NOT_EDITABLE, "cannot read " + file.path() + ": " + e.getMessage());
        }
    }

    /** Whether config.json changed (in another program) since {@code state} was read or written. */
    public boolean changedOutside(SetupState state) {
        try {
            return file.changedSince(state.snapshot());
        } catch (IOException e) {
            log.warn("cannot check {} for changes: {}", file.path(), e.getMessage());
            return true;
        }
    }

    // ---- accounts ---------------------------------------------------------------------------

    /**
     * What signing in gave.
     *
     * @param now        config.json with the account in it
     * @param calendars  the account's calendars
     * @param passwordIn where the password went ("the Secret Service (GNOME Keyring / KWallet)"), or
     *                   empty for an account without login
     * @param note       something the person should know (an environment variable that wins), if any
     */
    public record SignedIn(SetupState now, List<CalendarSummary> calendars, Optional<String> passwordIn,
                           Optional<String> note) {
        public SignedIn {
            calendars = List.copyOf(calendars);
        }
    }

    /**
     * Signs in with a password typed just now: discovers the account's calendars (as {@code calsync
     * calendars} does), and only when that works stores the password (Keychain / Secret Service,
     * never config.json) and writes the account to config.json.
     *
     * @param replacing true to change an existing account (new address, user or password); false
     *                  refuses a name that is taken
     */
    public Outcome<SignedIn> signIn(SetupState base, AccountConfig account, char[] password, boolean replacing) {
        Optional<ConfigDocument> doc = base.snapshot().document();
        if (doc.isEmpty()) {
            return notEditable(base);
        }
        if (!replacing && doc.get().has("/accounts/" + pointerKey(account.name()))) {
            return Outcome.refused(SetupProblem.Kind.EXISTS, "There is already an account named " + account.name()
                    + "; choose another name, or select it in the list to change it.");
        }
        ConfigLoadResult check = file.check(editor.putAccount(doc.get(), account).text());
        if (!check.isValid()) {
            return Outcome.refused(invalid(check.errors()));
        }
        if (account.username().isPresent() && password.length == 0) {
            return Outcome.refused(SetupProblem.Kind.NO_PASSWORD, "Type the password of " + account.username().get()
                    + ", then sign in.");
        }
        Outcome<List<CalendarSummary>> listed = SignInWords.of(accounts.list(account, password), account);
        if (listed instanceof Outcome.Refused<List<CalendarSummary>> refused) {
            return Outcome.refused(refused.problem());
        }
        List<CalendarSummary> calendars = listed.orElseThrow();
        Optional<String> storedIn = Optional.empty();
        if (account.username().isPresent()) {
            try {
                SecretStore store = secretStore();
                store.save(account.name(), password);
                storedIn = Optional.of(store.describe());
            } catch (SecretStoreException e) {
                return Outcome.refused(SetupProblem.Kind.SECRET_STORE, "Signed in, but the password could not be stored: "
                        + e.getMessage() + ". Nothing was written to config.json.");
            }
        }
        String variable = PasswordLookup.variableFor(account.name());
        Optional<String> note = env.containsKey(variable) && account.username().isPresent()
                ? Optional.of("The environment variable " + variable + " is set: syncs use its value, not the password"
                        + " stored here.")
                : Optional.empty();
        Optional<String> where = storedIn;
        return save(base, d -> editor.putAccount(d, account))
                .map(now -> new SignedIn(now, calendars, where, note));
    }

    /** Removes an account no calendar uses, and its stored password. */
    public Outcome<SetupState> removeAccount(SetupState base, String name) {
        List<String> users = base.config().map(c -> c.calendars().values().stream()
                .filter(cal -> cal instanceof CalendarConfig.CalDav d && d.account().equals(name))
                .map(CalendarConfig::name).toList()).orElse(List.of());
        if (!users.isEmpty()) {
            return Outcome.refused(SetupProblem.Kind.IN_USE, "Calendars " + String.join(", ", users) + " belong to account "
                    + name + ". Remove them (and their pairs) first.");
        }
        Outcome<SetupState> saved = save(base, d -> editor.removeAccount(d, name));
        if (saved instanceof Outcome.Done<SetupState>) {
            try {
                secretStore().delete(name);
            } catch (SecretStoreException e) {
                log.warn("account {} removed, but its password stays in the secret store: {}", name, e.getMessage());
            }
        }
        return saved;
    }

    /** The calendars of a configured account, with its stored password. */
    public Outcome<List<CalendarSummary>> calendarsOf(AccountConfig account) {
        return SignInWords.of(accounts.list(account), account);
    }

    // ---- calendars --------------------------------------------------------------------------

    /** Adds a calendar under a new name; a folder that does not exist yet is created. */
    public Outcome<SetupState> addCalendar(SetupState base, CalendarConfig calendar) {
        Optional<ConfigDocument> doc = base.snapshot().document();
        if (doc.isEmpty()) {
            return notEditable(base);
        }
        if (doc.get().has("/calendars/" + pointerKey(calendar.name()))) {
            return Outcome.refused(SetupProblem.Kind.EXISTS, "There is already a calendar named " + calendar.name() + ".");
        }
        if (calendar instanceof CalendarConfig.Folder folder && !Files.isDirectory(folder.path())) {
            try {
                Files.createDirectories(folder.path());
            } catch (IOException e) {
                return Outcome.refused(SetupProblem.Kind.FAILED, "Cannot create the folder " + folder.path() + ": "
                        + e.getMessage());
            }
        }
        return save(base, d -> editor.putCalendar(d, calendar));
    }

    /** Where a folder typed into the window is ({@code ~} and relative paths from the home folder). */
    public Path folderPath(String typed) {
        return editor.resolve(typed);
    }

    /** A path as config.json shows it: {@code ~/…} under the home folder. */
    public String shown(Path path) {
        return editor.shown(path);
    }

    /** Removes a calendar no pair uses. */
    public Outcome<SetupState> removeCalendar(SetupState base, String name) {
        List<String> users = base.config().map(c -> c.pairs().stream()
                .filter(p -> p.source().equals(name) || p.target().equals(name)).map(PairConfig::name).toList())
                .orElse(List.of());
        if (!users.isEmpty()) {
            return Outcome.refused(SetupProblem.Kind.IN_USE, "Pairs " + String.join(", ", users) + " use calendar " + name
                    + ". Remove them first.");
        }
        return save(base, d -> editor.removeCalendar(d, name));
    }

    /**
     * What a subscription answered when fetched once.
     *
     * @param url    the address as config.json takes it
     * @param events how many events (UIDs) it holds
     */
    public record FeedInfo(URI url, int events) {
    }

    /** Fetches a subscription (or reads an .ics file) once, to see that it is a calendar. */
    public Outcome<FeedInfo> checkFeed(String location) {
        String text = location == null ? "" : location.strip();
        if (text.isEmpty()) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "Give the subscription's address (https:// or webcal://) or an"
                    + " .ics file.");
        }
        URI url;
        try {
            // a typed file path starts at the home folder, as a typed folder does (no "current folder" in a window)
            url = text.matches("(?i)^(https?|webcals?|file)://.*") ? new URI(text) : editor.resolve(text).toUri();
        } catch (java.net.URISyntaxException | InvalidPathException e) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "\"" + text + "\" is neither an address nor a file path.");
        }
        String where = "file".equals(url.getScheme()) ? Path.of(url).toString() : url.toString();
        try (FeedStore feed = new FeedStore(where, null, clock)) {
            return Outcome.done(new FeedInfo(url, feed.list(TimeWindow.ALL).etags().size()));
        } catch (StoreUnavailableException e) {
            return Outcome.refused(SetupProblem.Kind.UNREACHABLE, "Cannot fetch " + where + " now: " + e.getMessage());
        } catch (StoreException | IllegalArgumentException e) {
            return Outcome.refused(SetupProblem.Kind.FAILED, where + " is not a calendar CalSync can read: " + e.getMessage());
        }
    }

    /** The event calendars of macOS Calendar; the first call makes macOS ask the person for access. */
    public Outcome<List<MacCalendar>> macCalendars() {
        if (!os.isMac()) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "Calendars of macOS Calendar exist only on a Mac.");
        }
        try {
            return Outcome.done(macCalendars.get());
        } catch (StoreException e) {
            return Outcome.refused(SetupProblem.Kind.FAILED, e.getMessage());
        }
    }

    // ---- pairs ------------------------------------------------------------------------------

    /**
     * A dry run of {@code pair} as it would be saved: reads both calendars and says what the next
     * (for a new pair: the first) sync would do; changes nothing, not even the pair's state.
     */
    public Outcome<PairPreview> preview(SetupState base, PairConfig pair) {
        Optional<ConfigDocument> doc = base.snapshot().document();
        if (doc.isEmpty()) {
            return notEditable(base);
        }
        ConfigLoadResult check = file.check(editor.putPair(doc.get(), pair).text());
        if (!check.isValid()) {
            return Outcome.refused(invalid(check.errors()));
        }
        CalSyncConfig config = check.config().orElseThrow();
        PairConfig parsed = config.pair(pair.name()).orElseThrow();
        boolean saved = base.config().flatMap(c -> c.pair(pair.name())).isPresent();
        if (saved) {
            return Outcome.done(PairPreview.of(runner.run(config, parsed, SyncOptions.dryRunOnly()), parsed));
        }
        Path scratch = null;
        try {
            PrivateFiles.createDirectories(paths.stateDir());
            scratch = Files.createTempDirectory(paths.stateDir(), "preview-");
            SyncReport report = runner.run(config, parsed, SyncOptions.dryRunOnly(), scratch.resolve("preview.db"));
            return Outcome.done(PairPreview.of(report, parsed));
        } catch (IOException e) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "Cannot make room for the preview in " + paths.stateDir() + ": "
                    + e.getMessage());
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * A saved pair.
     *
     * @param now       config.json with the pair in it
     * @param firstSync the run the service started at once (completes with its report)
     */
    public record SavedPair(SetupState now, CompletableFuture<SyncReport> firstSync) {
    }

    /**
     * Saves a new pair, or changes the mode, conflict policy and settings of an existing one, then
     * has the service reload and run it. A new pair starts from a fresh state; an existing pair's
     * calendars cannot change (its state matches those two calendars: remove it and add a new one).
     */
    public Outcome<SavedPair> savePair(SetupState base, PairConfig pair) {
        Optional<PairConfig> existing = base.config().flatMap(c -> c.pair(pair.name()));
        if (existing.isPresent() && !(existing.get().source().equals(pair.source())
                && existing.get().target().equals(pair.target()))) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "The calendars of pair " + pair.name() + " cannot be changed:"
                    + " what it remembers belongs to " + existing.get().source() + " and " + existing.get().target()
                    + ". Remove the pair and add a new one.");
        }
        if (existing.isEmpty()) {
            Optional<ConfigDocument> doc = base.snapshot().document();
            if (doc.isPresent() && ConfigEditor.pairPointer(doc.get(), pair.name()).isPresent()) {
                return Outcome.refused(SetupProblem.Kind.EXISTS, "There is already a pair named " + pair.name() + ".");
            }
        }
        Outcome<SetupState> saved = save(base, d -> editor.putPair(d, pair), () -> {
            if (existing.isEmpty()) {
                deleteState(pair); // left by an earlier pair of this name: a new pair starts fresh
            }
        });
        return saved.map(now -> new SavedPair(now, pair.enabled()
                ? trigger.syncNow(pair.name()).thenApply(reports -> reports.get(0))
                : CompletableFuture.completedFuture(null)));
    }

    /** Removes a pair and its remembered state (its calendars and their events stay as they are). */
    public Outcome<SetupState> removePair(SetupState base, String name) {
        Optional<PairConfig> pair = base.config().flatMap(c -> c.pair(name));
        Outcome<SetupState> saved = save(base, d -> editor.removePair(d, name));
        if (saved instanceof Outcome.Done<SetupState>) {
            pair.ifPresent(this::deleteState);
        }
        return saved;
    }

    // ---- app --------------------------------------------------------------------------------

    public Outcome<SetupState> saveApp(SetupState base, AppSettings app) {
        return save(base, d -> editor.putApp(d, app));
    }

    // ---- names ------------------------------------------------------------------------------

    /** A free name for a new entry of {@code section} ("accounts", "calendars", "pairs") made from {@code text}. */
    public static String freeName(SetupState state, String section, String text, String fallback) {
        List<String> taken = new ArrayList<>();
        state.snapshot().document().flatMap(d -> d.get("/" + section)).ifPresent(node -> {
            if (node.isArray()) {
                node.forEach(p -> taken.add(p.path("name").asText("")));
            } else {
                node.fieldNames().forEachRemaining(taken::add);
            }
        });
        return EntryNames.unique(EntryNames.slug(text, fallback), taken);
    }

    // ---- the mechanics ---------------------------------------------------------------------

    private Outcome<SetupState> save(SetupState base, UnaryOperator<ConfigDocument> change) {
        return save(base, change, () -> { });
    }

    /** Edits, checks and writes config.json, runs {@code beforeReload}, then has the service reload it. */
    private Outcome<SetupState> save(SetupState base, UnaryOperator<ConfigDocument> change, Runnable beforeReload) {
        Optional<ConfigDocument> doc = base.snapshot().document();
        if (doc.isEmpty()) {
            return notEditable(base);
        }
        ConfigFile.SaveResult result;
        try {
            result = file.save(base.snapshot(), change.apply(doc.get()));
        } catch (IOException e) {
            return Outcome.refused(SetupProblem.Kind.FAILED, "Cannot write " + file.path() + ": " + e.getMessage()
                    + ". It was left as it was.");
        }
        if (result instanceof ConfigFile.Rejected rejected) {
            return Outcome.refused(invalid(rejected.errors()));
        }
        if (result instanceof ConfigFile.ChangedOutside) {
            return Outcome.refused(SetupProblem.Kind.CHANGED_OUTSIDE, file.path() + " was changed in another program"
                    + " since this window read it, so nothing was written (your edit there is kept). Reload, then make"
                    + " the change again.");
        }
        beforeReload.run();
        try {
            trigger.reload();
        } catch (RuntimeException e) {
            log.warn("config.json saved, but the service did not reload it now ({}); it picks the change up within seconds",
                    e.getMessage());
        }
        return Outcome.done(new SetupState(((ConfigFile.Saved) result).now()));
    }

    private SetupProblem invalid(List<ConfigProblem> errors) {
        String first = errors.stream().sorted(Comparator.comparingInt(ConfigProblem::line))
                .map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()).findFirst().orElse("");
        return new SetupProblem(SetupProblem.Kind.INVALID, "This change would make config.json invalid, so it was not"
                + " written: " + first + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
    }

    private <T> Outcome<T> notEditable(SetupState base) {
        String why = base.errors().stream().findFirst().map(ConfigProblem::toString).orElse("it cannot be read");
        return Outcome.refused(new SetupProblem(SetupProblem.Kind.NOT_EDITABLE, file.path() + " has an error the window"
                + " cannot edit around: " + why + ". Fix it in a text editor (Open config.json), then Reload.", base.errors()));
    }

    private synchronized SecretStore secretStore() {
        if (secretStore == null) {
            secretStore = secrets.get();
        }
        return secretStore;
    }

    /** The pair's state database and SQLite's files beside it. */
    private void deleteState(PairConfig pair) {
        Path db = runner.databaseOf(pair);
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            } catch (IOException e) {
                log.warn("cannot delete the state of pair {} ({}): {}", pair.name(), db, e.getMessage());
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("cannot clean up {}: {}", dir, e.getMessage());
        }
    }

    private static String pointerKey(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
