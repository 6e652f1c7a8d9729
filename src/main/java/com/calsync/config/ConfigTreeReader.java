package com.calsync.config;

import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import com.calsync.config.ConfigProblem.Severity;
import com.calsync.sync.transform.PairTransform;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a located JSON tree and builds the config records from it, collecting every problem
 * instead of stopping at the first. One instance reads one document.
 */
final class ConfigTreeReader {
    private static final List<String> ROOT_KEYS = List.of("sync", "accounts", "calendars", "pairs", Limits.SECTION, "app");
    private static final List<String> ACCOUNT_KEYS = List.of("type", "url", "username", "ca_file");
    private static final List<String> LIMIT_KEYS = List.of(Limits.REQUEST_TIMEOUT_SECONDS, Limits.RUN_TIMEOUT_MINUTES,
            Limits.MAX_RESPONSE_MB, Limits.MAX_WRITES_IN_FLIGHT);
    private static final List<String> PAIR_KEYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("name", "source", "target", "mode", "conflict", "enabled", "sync"),
            PairTransformReader.KEYS.stream()).toList();
    /** {@code "icloud:*"}: an account's calendars by display name, in a pair's source or target. */
    private static final Pattern ACCOUNT_CALENDARS = Pattern.compile("([A-Za-z0-9_-]+):(.*)", Pattern.DOTALL);
    /** Account names become part of CALSYNC_PASSWORD_<ACCOUNT>, so they stay plain ASCII. */
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** Pair names are typed on the command line and name state files. */
    private static final Pattern PAIR_NAME = Pattern.compile("[\\p{L}\\p{N}._-]+");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final LocatedJson.Parsed parsed;
    private final String file;
    private final Path baseDir;
    private final Path home;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    ConfigTreeReader(LocatedJson.Parsed parsed, String file, Path baseDir, Path home) {
        this.parsed = parsed;
        this.file = file;
        this.baseDir = baseDir;
        this.home = home;
    }

    /** A place in the document: its JSON Pointer and the path shown to the user. */
    record Site(String pointer, String display) {
        static final Site ROOT = new Site("", "");

        Site key(String key) {
            String shown = PLAIN_KEY.matcher(key).matches() ? key : "\"" + key.replace("\"", "\\\"") + "\"";
            String display = this.display.isEmpty() ? shown
                    : shown.startsWith("\"") ? this.display + "[" + shown + "]" : this.display + "." + shown;
            return new Site(LocatedJson.childPointer(pointer, key), display);
        }

        Site index(int i) {
            return new Site(pointer + "/" + i, display + "[" + i + "]");
        }
    }

    ConfigLoadResult read() {
        for (LocatedJson.DuplicateKey dup : parsed.duplicates()) {
            JsonLocation first = dup.first();
            problem(Severity.ERROR, displayOf(dup.pointer()), dup.again(),
                    "duplicate key \"" + dup.key() + "\" (first at line " + first.getLineNr() + ":" + first.getColumnNr()
                            + "); keep one of them");
        }
        JsonNode root = parsed.root();
        if (root == null) {
            errorAt(Site.ROOT, "the file is empty; it needs a JSON object, at least {}");
            return result(Optional.empty());
        }
        if (!root.isObject()) {
            errorAt(Site.ROOT, "the file must hold one JSON object { … } (got " + describe(root) + ")");
            return result(Optional.empty());
        }
        warnUnknownKeys(root, Site.ROOT, ROOT_KEYS);

        Site syncSite = Site.ROOT.key("sync");
        SyncOverrides top = readSync(root.get("sync"), syncSite);
        Map<String, AccountConfig> accounts = readAccounts(root.get("accounts"), Site.ROOT.key("accounts"));
        Map<String, CalendarConfig> calendars = readCalendars(root.get("calendars"), Site.ROOT.key("calendars"), accounts);
        List<PairConfig> pairs = readPairs(root.get("pairs"), Site.ROOT.key("pairs"), calendars, accounts);
        Limits limits = readLimits(root.get(Limits.SECTION), Site.ROOT.key(Limits.SECTION));
        AppSettings app = readApp(root.get("app"), Site.ROOT.key("app"));
        if (errors.isEmpty()) {
            checkExpansion(pairs, top.applyTo(SyncSettings.DEFAULTS));
        }

        if (!errors.isEmpty()) {
            return result(Optional.empty());
        }
        return result(Optional.of(new CalSyncConfig(top.applyTo(SyncSettings.DEFAULTS), accounts, calendars, pairs,
                limits, app)));
    }

    /** A syntax error found by the parser, as a result with that one problem. */
    static ConfigLoadResult syntaxError(String file, JsonLocation at, String message) {
        ConfigProblem p = new ConfigProblem(file, "", Math.max(at == null ? 0 : at.getLineNr(), 0),
                at == null ? 0 : Math.max(at.getColumnNr(), 0), message, Severity.ERROR);
        return new ConfigLoadResult(Optional.empty(), List.of(p), List.of());
    }

    // ---- sync ----------------------------------------------------------------------------

    private SyncOverrides readSync(JsonNode node, Site site) {
        if (node == null) {
            return SyncOverrides.NONE;
        }
        if (!node.isObject()) {
            errorAt(site, "must be an object { \"interval_minutes\": 30, … } (got " + describe(node) + ")");
            return SyncOverrides.NONE;
        }
        warnUnknownKeys(node, site, SyncKey.jsonNames());
        Map<SyncKey, Object> values = new EnumMap<>(SyncKey.class);
        for (SyncKey key : SyncKey.values()) {
            JsonNode value = node.get(key.jsonName());
            if (value != null) {
                syncValue(key, value, site.key(key.jsonName())).ifPresent(v -> values.put(key, v));
            }
        }
        return new SyncOverrides(values);
    }

    private Optional<Object> syncValue(SyncKey key, JsonNode value, Site site) {
        String must = "must be " + key.allowed();
        if (key.kind() == SyncKey.Kind.BOOLEAN) {
            if (value.isBoolean()) {
                return Optional.of(value.booleanValue());
            }
            String hint = value.isTextual() && Set.of("true", "false").contains(value.textValue().toLowerCase(Locale.ROOT))
                    ? ", written without quotes" : "";
            errorAt(site, must + hint + " (got " + describe(value) + ")");
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()
                && value.intValue() >= key.min() && value.intValue() <= key.max()) {
            return Optional.of(value.intValue());
        }
        String hint = value.isTextual() && value.textValue().trim().matches("-?\\d+") ? ", written without quotes" : "";
        errorAt(site, must + hint + " (got " + describe(value) + ")");
        return Optional.empty();
    }

    // ---- limits --------------------------------------------------------------------------

    private Limits readLimits(JsonNode node, Site site) {
        if (node == null || !requireObject(node, site, "{ \"request_timeout_seconds\": 60, \"run_timeout_minutes\": 30,"
                + " \"max_response_mb\": 64 }")) {
            return Limits.DEFAULTS;
        }
        warnUnknownKeys(node, site, LIMIT_KEYS);
        return new Limits(
                limit(node, site, Limits.REQUEST_TIMEOUT_SECONDS, Limits.REQUEST_TIMEOUT_RANGE, Limits.DEFAULTS.requestTimeoutSeconds()),
                limit(node, site, Limits.RUN_TIMEOUT_MINUTES, Limits.RUN_TIMEOUT_RANGE, Limits.DEFAULTS.runTimeoutMinutes()),
                limit(node, site, Limits.MAX_RESPONSE_MB, Limits.MAX_RESPONSE_RANGE, Limits.DEFAULTS.maxResponseMb()),
                limit(node, site, Limits.MAX_WRITES_IN_FLIGHT, Limits.MAX_WRITES_IN_FLIGHT_RANGE,
                        Limits.DEFAULTS.maxWritesInFlight()));
    }

    private int limit(JsonNode node, Site site, String key, int[] range, int fallback) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= range[0] && value.intValue() <= range[1]) {
            return value.intValue();
        }
        String hint = value.isTextual() && value.textValue().trim().matches("-?\\d+") ? ", written without quotes" : "";
        errorAt(site.key(key), "must be a whole number from " + range[0] + " to " + range[1] + hint
                + " (got " + describe(value) + ")");
        return fallback;
    }

    // ---- app -----------------------------------------------------------------------------

    private AppSettings readApp(JsonNode node, Site site) {
        if (node == null || !requireObject(node, site, "{ \"notifications\": true, \"log_level\": \"info\" }")) {
            return AppSettings.DEFAULTS;
        }
        warnUnknownKeys(node, site, AppSettings.KEYS);
        boolean notifications = true;
        JsonNode on = node.get("notifications");
        if (on != null) {
            if (on.isBoolean()) {
                notifications = on.booleanValue();
            } else {
                errorAt(site.key("notifications"), "must be true or false (got " + describe(on) + ")");
            }
        }
        Optional<AppSettings.LogLevel> level = optionalText(node, site, "log_level").flatMap(text -> {
            Optional<AppSettings.LogLevel> known = AppSettings.LogLevel.byJsonName(text);
            if (known.isEmpty()) {
                errorAt(site.key("log_level"), quoted(text) + " is not one of " + String.join(", ", AppSettings.LogLevel.jsonNames())
                        + Suggestions.didYouMean(text, AppSettings.LogLevel.jsonNames()));
            }
            return known;
        });
        return new AppSettings(notifications, level);
    }

    // ---- accounts ------------------------------------------------------------------------

    private Map<String, AccountConfig> readAccounts(JsonNode node, Site site) {
        Map<String, AccountConfig> accounts = new LinkedHashMap<>();
        if (node == null || !requireObject(node, site, "{ \"name\": { \"type\": \"caldav\", \"url\": …, \"username\": … } }")) {
            return accounts;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            Site at = site.key(name);
            JsonNode account = e.getValue();
            if (!ACCOUNT_NAME.matcher(name).matches()) {
                errorAtKey(at, "account names may use only letters A-Z, digits, '-' and '_' (the name forms the"
                        + " environment variable " + AccountConfig.passwordVariable(name) + ")");
            }
            if (!requireObject(account, at, "{ \"type\": \"caldav\", \"url\": …, \"username\": … }")) {
                continue;
            }
            if (account.has("password")) {
                errorAtKey(at.key("password"), "passwords do not belong in config.json; set the environment variable "
                        + AccountConfig.passwordVariable(name) + " or run `calsync account add " + name
                        + "` (keeps it in the Keychain / Secret Service), then remove this key");
            }
            warnUnknownKeys(account, at, ACCOUNT_KEYS, Set.of("password"));
            Optional<String> type = optionalText(account, at, "type");
            if (type.isPresent() && !type.get().equals(AccountConfig.TYPE_CALDAV)) {
                errorAt(at.key("type"), quoted(type.get()) + " is not a known account type; the only one is caldav");
            }
            Optional<URI> url = requiredText(account, at, "url", "the server's address, e.g. https://caldav.icloud.com/")
                    .flatMap(u -> httpUrl(u, at.key("url")));
            Optional<String> username = optionalText(account, at, "username");
            Optional<Path> caFile = optionalText(account, at, "ca_file").flatMap(f -> localPath(f, at.key("ca_file")));
            caFile.filter(f -> !java.nio.file.Files.isRegularFile(f)).ifPresent(f -> warnAt(at.key("ca_file"),
                    "no such file: " + f + " (it should be the PEM certificate of your server's CA); syncs of this"
                            + " account fail until it exists"));
            url.ifPresent(u -> accounts.put(name, new AccountConfig(name, u, username, caFile)));
        }
        return accounts;
    }

    private Optional<URI> httpUrl(String text, Site site) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the same message as a wrong scheme
        }
        errorAt(site, "must be an http:// or https:// address such as https://caldav.icloud.com/ (got " + quoted(text) + ")");
        return Optional.empty();
    }

    // ---- calendars -----------------------------------------------------------------------

    private Map<String, CalendarConfig> readCalendars(JsonNode node, Site site, Map<String, AccountConfig> accounts) {
        Map<String, CalendarConfig> calendars = new LinkedHashMap<>();
        if (node == null || !requireObject(node, site, "{ \"name\": { \"type\": \"folder\", \"path\": … }, … }")) {
            return calendars;
        }
        JsonNode accountsNode = parsed.root().get("accounts");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Site at = site.key(e.getKey());
            if (e.getKey().isBlank()) {
                errorAtKey(at, "a calendar needs a non-empty name");
                continue;
            }
            readCalendar(e.getKey(), e.getValue(), at, accounts, accountsNode).ifPresent(c -> calendars.put(c.name(), c));
        }
        return calendars;
    }

    private Optional<CalendarConfig> readCalendar(String name, JsonNode cal, Site at,
                                                  Map<String, AccountConfig> accounts, JsonNode accountsNode) {
        if (!requireObject(cal, at, "{ \"account\": …, \"name\": … } or { \"type\": \"folder\" | \"feed\" | \"eventkit\", … }")) {
            return Optional.empty();
        }
        Optional<String> typeText = optionalText(cal, at, "type");
        CalendarType type;
        if (typeText.isPresent()) {
            Optional<CalendarType> known = CalendarType.byJsonName(typeText.get());
            if (known.isEmpty()) {
                errorAt(at.key("type"), quoted(typeText.get()) + " is not one of " + String.join(", ", CalendarType.jsonNames())
                        + Suggestions.didYouMean(typeText.get(), CalendarType.jsonNames()));
                return Optional.empty();
            }
            type = known.get();
        } else if (cal.has("type")) {
            return Optional.empty(); // not a string: already reported
        } else if (cal.has("account")) {
            type = CalendarType.CALDAV;
        } else {
            errorAt(at, "needs \"account\" (a calendar on a CalDAV account) or \"type\": one of "
                    + String.join(", ", CalendarType.jsonNames()));
            return Optional.empty();
        }
        warnUnknownKeys(cal, at, type.keys());
        return switch (type) {
            case CALDAV -> readCalDav(name, cal, at, accounts, accountsNode);
            case FOLDER -> requiredText(cal, at, "path", "the folder of .ics files, e.g. ~/Calendars/work")
                    .flatMap(p -> localPath(p, at.key("path")))
                    .map(p -> new CalendarConfig.Folder(name, p));
            case FEED -> requiredText(cal, at, "url", "an https:// or webcal:// address, or an .ics file's path")
                    .flatMap(u -> feedUrl(u, at.key("url")))
                    .map(u -> new CalendarConfig.Feed(name, u));
            case EVENTKIT -> {
                Optional<String> title = requiredText(cal, at, "name", "the calendar's title in macOS Calendar");
                Optional<String> source = optionalText(cal, at, "source");
                yield title.map(t -> new CalendarConfig.EventKit(name, t, source));
            }
        };
    }

    private Optional<CalendarConfig> readCalDav(String name, JsonNode cal, Site at,
                                                Map<String, AccountConfig> accounts, JsonNode accountsNode) {
        Optional<String> account = requiredText(cal, at, "account", "the name of an entry under \"accounts\"");
        boolean accountOk = false;
        if (account.isPresent()) {
            boolean declared = accountsNode != null && accountsNode.isObject() && accountsNode.has(account.get());
            if (!declared) {
                List<String> known = accountsNode != null && accountsNode.isObject()
                        ? iterable(accountsNode.fieldNames()) : List.of();
                errorAt(at.key("account"), known.isEmpty()
                        ? "no account named " + quoted(account.get()) + ": there is no \"accounts\" section; add one"
                                + " like { \"" + account.get() + "\": { \"type\": \"caldav\", \"url\": …, \"username\": … } }"
                        : "no account named " + quoted(account.get()) + Suggestions.didYouMean(account.get(), known)
                                + " (accounts: " + String.join(", ", known) + ")");
            } else {
                accountOk = accounts.containsKey(account.get()); // false when the account itself had errors
            }
        }
        Optional<String> title = optionalText(cal, at, "name");
        Optional<String> path = optionalText(cal, at, "path");
        if (title.isPresent() && path.isPresent()) {
            errorAt(at.key("path"), "give either \"name\" (the calendar's display name) or \"path\" (its collection path"
                    + " on the server), not both");
            return Optional.empty();
        }
        if (title.isEmpty() && path.isEmpty()) {
            if (!cal.has("name") && !cal.has("path")) {
                errorAt(at, "needs \"name\" (the calendar's display name, e.g. \"Work\") or \"path\" (its collection"
                        + " path on the server)");
            }
            return Optional.empty();
        }
        return accountOk ? Optional.of(new CalendarConfig.CalDav(name, account.get(), title, path)) : Optional.empty();
    }

    private Optional<URI> feedUrl(String text, Site site) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            String scheme = lower.substring(0, lower.indexOf(':'));
            if (!Set.of("http", "https", "webcal", "webcals", "file").contains(scheme)) {
                errorAt(site, "the " + scheme + ": scheme is not supported; use https://, http://, webcal:// or a file path");
                return Optional.empty();
            }
            try {
                URI uri = new URI(t);
                if (!scheme.equals("file") && uri.getHost() == null) {
                    errorAt(site, quoted(text) + " has no host name");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (java.net.URISyntaxException e) {
                errorAt(site, quoted(text) + " is not a valid address: " + e.getReason());
                return Optional.empty();
            }
        }
        return localPath(t, site).map(Path::toUri);
    }

    /** Expands {@code ~} and resolves a relative path against the config file's folder. */
    private Optional<Path> localPath(String text, Site site) {
        try {
            Path path;
            if (text.equals("~")) {
                path = home;
            } else if (text.startsWith("~/")) {
                path = home.resolve(text.substring(2));
            } else if (text.startsWith("~")) {
                errorAt(site, "only ~ (your own home folder) can start a path; write the full path instead of " + quoted(text));
                return Optional.empty();
            } else {
                path = baseDir.resolve(text);
            }
            return Optional.of(path.normalize());
        } catch (InvalidPathException e) {
            errorAt(site, quoted(text) + " is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    // ---- pairs ---------------------------------------------------------------------------

    private List<PairConfig> readPairs(JsonNode node, Site site, Map<String, CalendarConfig> calendars,
                                       Map<String, AccountConfig> accounts) {
        List<PairConfig> pairs = new ArrayList<>();
        if (node == null) {
            return pairs;
        }
        if (!node.isArray()) {
            errorAt(site, "must be a list [ { \"name\": …, \"source\": …, \"target\": … }, … ] (got " + describe(node) + ")");
            return pairs;
        }
        JsonNode calendarsNode = parsed.root().get("calendars");
        List<String> declared = calendarsNode != null && calendarsNode.isObject() ? iterable(calendarsNode.fieldNames()) : List.of();
        Map<String, Site> seenNames = new HashMap<>();
        Map<String, Writer> writers = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            Site at = site.index(i);
            JsonNode pair = node.get(i);
            if (!requireObject(pair, at, "{ \"name\": …, \"source\": …, \"target\": …, \"mode\": \"mirror\" }")) {
                continue;
            }
            warnUnknownKeys(pair, at, PAIR_KEYS);
            Optional<String> name = requiredText(pair, at, "name", "a short unique name such as \"work-to-home\"");
            name.ifPresent(n -> {
                if (!PAIR_NAME.matcher(n).matches()) {
                    errorAt(at.key("name"), quoted(n) + ": pair names may use letters, digits, '.', '_' and '-'"
                            + " (they are typed on the command line and name state files)");
                }
                Site first = seenNames.putIfAbsent(n, at.key("name"));
                if (first != null) {
                    JsonLocation loc = locationOf(first, false);
                    errorAt(at.key("name"), "another pair is already named " + quoted(n) + " (" + first.display()
                            + (loc == null ? "" : ", line " + loc.getLineNr()) + "); pair names must be unique");
                }
            });
            Optional<String> source = calendarRef(pair, at, "source", declared, accounts);
            Optional<String> target = calendarRef(pair, at, "target", declared, accounts);

            SyncMode mode = SyncMode.MIRROR;
            Optional<String> modeText = optionalText(pair, at, "mode");
            if (modeText.isPresent()) {
                Optional<SyncMode> m = SyncMode.byJsonName(modeText.get());
                if (m.isEmpty()) {
                    errorAt(at.key("mode"), quoted(modeText.get()) + " is not one of " + String.join(", ", SyncMode.jsonNames())
                            + Suggestions.didYouMean(modeText.get(), SyncMode.jsonNames()));
                }
                mode = m.orElse(SyncMode.MIRROR);
            }
            boolean modeValid = modeText.isEmpty() || SyncMode.byJsonName(modeText.get()).isPresent();
            ConflictPolicy conflict = mode == SyncMode.MIRROR ? ConflictPolicy.SOURCE_WINS : ConflictPolicy.TWO_WAY_DEFAULT;
            Optional<String> conflictText = optionalText(pair, at, "conflict");
            if (conflictText.isPresent()) {
                Optional<ConflictPolicy> c = ConflictPolicy.byJsonName(conflictText.get());
                if (c.isEmpty()) {
                    errorAt(at.key("conflict"), quoted(conflictText.get()) + " is not one of "
                            + String.join(", ", ConflictPolicy.jsonNames())
                            + Suggestions.didYouMean(conflictText.get(), ConflictPolicy.jsonNames()));
                } else if (mode == SyncMode.MIRROR) {
                    if (modeValid) {
                        warnAt(at.key("conflict"), "has no effect on a mirror pair: the source always wins"
                                + " (conflicts only arise with \"mode\": \"two-way\")");
                    }
                } else {
                    conflict = c.get();
                }
            }
            boolean enabled = true;
            JsonNode enabledNode = pair.get("enabled");
            if (enabledNode != null) {
                if (enabledNode.isBoolean()) {
                    enabled = enabledNode.booleanValue();
                } else {
                    errorAt(at.key("enabled"), "must be true or false (got " + describe(enabledNode) + ")");
                }
            }
            SyncOverrides overrides = readSync(pair.get("sync"), at.key("sync"));

            Optional<WholeAccount> wholeAccount = Optional.empty();
            boolean sidesOk = source.isPresent() && target.isPresent();
            if (sidesOk && (isAccountCalendars(source.get(), declared) || isAccountCalendars(target.get(), declared))) {
                wholeAccount = wholeAccount(at, source.get(), target.get(), declared, calendars, accounts);
                sidesOk = wholeAccount.isPresent();
            } else if (sidesOk) {
                checkSides(at, source.get(), target.get(), mode, modeText.isPresent(), calendars);
                if (enabled && !source.get().equals(target.get())) {
                    checkOneWriter(at, name.orElse("pairs[" + i + "]"), source.get(), target.get(), mode, calendars,
                            writers);
                }
            }
            Optional<String> owner = source.flatMap(s -> sourceAccount(s, declared, calendars))
                    .map(accounts::get).flatMap(AccountConfig::username).filter(u -> u.contains("@"));
            PairTransform transform = new PairTransformReader(new PairTransformReader.Problems() {
                @Override
                public void error(Site problemSite, String message) {
                    errorAt(problemSite, message);
                }

                @Override
                public void warning(Site problemSite, String message) {
                    warnAt(problemSite, message);
                }
            }).read(pair, at, mode, owner);
            if (name.isPresent() && sidesOk) {
                pairs.add(new PairConfig(name.get(), source.get(), target.get(), mode, conflict, enabled, overrides,
                        transform, wholeAccount));
            }
        }
        return pairs;
    }

    /** The enabled pair that writes a calendar, and where it says so. */
    private record Writer(String pair, Site site) {}

    /**
     * Two enabled pairs writing one calendar undo each other's changes on every run (each takes
     * the other's writes for edits), so a calendar may be written by one pair only: a mirror
     * writes its target, a two-way pair both sides. Calendars are compared by what they are
     * (the same folder, the same account and collection), not only by their names.
     */
    private void checkOneWriter(Site at, String pair, String source, String target, SyncMode mode,
                                Map<String, CalendarConfig> calendars, Map<String, Writer> writers) {
        List<String> written = mode == SyncMode.TWO_WAY ? List.of(target, source) : List.of(target);
        for (String calendar : written) {
            CalendarConfig c = calendars.get(calendar);
            if (c == null || c.readOnly()) {
                continue; // writing a read-only calendar is reported on its own
            }
            Site site = at.key(calendar.equals(target) ? "target" : "source");
            Writer first = writers.putIfAbsent(c.describe(), new Writer(pair, site));
            if (first != null && !first.pair().equals(pair)) {
                JsonLocation loc = locationOf(first.site(), false);
                errorAt(site, "calendar " + quoted(calendar) + " (" + c.describe() + ") is already written by pair "
                        + quoted(first.pair()) + " (" + first.site().display() + (loc == null ? "" : ", line " + loc.getLineNr())
                        + "); two pairs writing one calendar undo each other's changes on every run."
                        + " Let one pair write it (a two-way pair writes both of its calendars), or give the other"
                        + " pair a calendar of its own, or set \"enabled\": false on one of them");
            }
        }
    }

    /** Expanding series makes single events that cannot flow back into a series: mirror only. */
    private void checkExpansion(List<PairConfig> pairs, SyncSettings defaults) {
        for (int i = 0; i < pairs.size(); i++) {
            PairConfig pair = pairs.get(i);
            if (pair.mode() == SyncMode.TWO_WAY && pair.sync().applyTo(defaults).expandRecurring()) {
                errorAt(Site.ROOT.key("pairs").index(i).key("mode"), "expand_recurring is on for this pair, but it works"
                        + " only with \"mode\": \"mirror\" (single events cannot be folded back into a series);"
                        + " turn it off for this pair or make it a mirror");
            }
        }
    }

    private Optional<String> calendarRef(JsonNode pair, Site at, String key, List<String> declared,
                                         Map<String, AccountConfig> accounts) {
        Optional<String> ref = requiredText(pair, at, key, "the name of an entry under \"calendars\", or"
                + " \"ACCOUNT:*\" for every calendar of an account");
        if (ref.isPresent() && isAccountCalendars(ref.get(), declared)) {
            String account = accountOf(ref.get());
            JsonNode accountsNode = parsed.root().get("accounts");
            if (!accounts.containsKey(account)) {
                if (accountsNode == null || !accountsNode.isObject() || !accountsNode.has(account)) {
                    List<String> known = accountsNode != null && accountsNode.isObject() ? iterable(accountsNode.fieldNames())
                            : List.of();
                    errorAt(at.key(key), "no calendar named " + quoted(ref.get()) + ", and no account named "
                            + quoted(account) + Suggestions.didYouMean(account, known) + " for " + quoted(ref.get())
                            + " to name its calendars" + (known.isEmpty() ? "" : " (accounts: " + String.join(", ", known) + ")"));
                }
                return Optional.empty(); // an account with errors of its own: reported there
            }
            if (ref.get().substring(account.length() + 1).isBlank()) {
                errorAt(at.key(key), "names no calendars after \"" + account + ":\"; write \"" + account
                        + ":*\" for all of them, or a name such as \"" + account + ":Work*\"");
                return Optional.empty();
            }
            return ref;
        }
        if (ref.isPresent() && !declared.contains(ref.get())) {
            errorAt(at.key(key), declared.isEmpty()
                    ? "no calendar named " + quoted(ref.get()) + ": there is no \"calendars\" section; add one"
                    : "no calendar named " + quoted(ref.get()) + Suggestions.didYouMean(ref.get(), declared)
                            + " (calendars: " + String.join(", ", declared) + ")");
            return Optional.empty();
        }
        return ref;
    }

    /** {@code "icloud:*"}: the calendars of an account, rather than a calendar named so under "calendars". */
    private static boolean isAccountCalendars(String ref, List<String> declared) {
        return !declared.contains(ref) && ACCOUNT_CALENDARS.matcher(ref).matches();
    }

    private static String accountOf(String ref) {
        return ref.substring(0, ref.indexOf(':'));
    }

    /** The CalDAV account a pair's source lives on, if it does: whose owner a "declined" filter means. */
    private static Optional<String> sourceAccount(String source, List<String> declared, Map<String, CalendarConfig> calendars) {
        if (isAccountCalendars(source, declared)) {
            return Optional.of(accountOf(source));
        }
        return calendars.get(source) instanceof CalendarConfig.CalDav c ? Optional.of(c.account()) : Optional.empty();
    }

    /**
     * A pair over an account's calendars: the source names them ({@code "icloud:*"}), the target
     * is another account's calendars by name ({@code "nas:*"}) or a folder calendar (one
     * sub-folder each).
     */
    private Optional<WholeAccount> wholeAccount(Site at, String source, String target, List<String> declared,
                                                Map<String, CalendarConfig> calendars,
                                                Map<String, AccountConfig> accounts) {
        if (!isAccountCalendars(source, declared)) {
            errorAt(at.key("source"), quoted(source) + " is one calendar, but the target " + quoted(target) + " names an"
                    + " account's calendars; a pair over calendars by name needs a source like \"" + accountOf(target)
                    + ":*\" too (or name one target calendar under \"calendars\")");
            return Optional.empty();
        }
        String account = accountOf(source);
        String pattern = source.substring(account.length() + 1);
        WholeAccount.Target into;
        if (isAccountCalendars(target, declared)) {
            String targetAccount = accountOf(target);
            String template = target.substring(targetAccount.length() + 1);
            if (template.chars().filter(c -> c == '*').count() != 1) {
                errorAt(at.key("target"), quoted(target) + " must hold one * where each calendar's name goes, such as \""
                        + targetAccount + ":*\" (the same names) or \"" + targetAccount + ":Family *\"");
                return Optional.empty();
            }
            if (targetAccount.equals(account) && template.equals("*")) {
                errorAt(at.key("target"), quoted(target) + " would sync each calendar of account " + quoted(account)
                        + " with itself; name another account, or another name such as \"" + account + ":Copy of *\"");
                return Optional.empty();
            }
            into = new WholeAccount.IntoAccount(targetAccount, template);
        } else if (calendars.get(target) instanceof CalendarConfig.Folder folder) {
            into = new WholeAccount.IntoFolder(folder.name(), folder.path());
        } else {
            CalendarConfig t = calendars.get(target);
            errorAt(at.key("target"), "the source " + quoted(source) + " names several calendars, so the target must"
                    + " hold one calendar for each: \"ACCOUNT:*\" (calendars of that name, made when missing) or a"
                    + " folder calendar (one sub-folder each)" + (t == null ? "" : "; " + quoted(target) + " is a "
                    + t.type().jsonName() + " calendar"));
            return Optional.empty();
        }
        return Optional.of(new WholeAccount(account, pattern, into));
    }

    private void checkSides(Site at, String source, String target, SyncMode mode, boolean modeWritten,
                            Map<String, CalendarConfig> calendars) {
        if (source.equals(target)) {
            errorAt(at.key("target"), "is the same calendar as the source (" + quoted(source) + "); a pair needs two calendars");
            return;
        }
        CalendarConfig s = calendars.get(source);
        CalendarConfig t = calendars.get(target);
        if (s == null || t == null) {
            return; // the calendar itself had errors, reported there
        }
        if (s.describe().equals(t.describe())) {
            errorAt(at.key("target"), quoted(target) + " and " + quoted(source) + " are the same calendar ("
                    + t.describe() + "); a pair needs two calendars");
            return;
        }
        if (mode == SyncMode.TWO_WAY) {
            for (CalendarConfig side : List.of(s, t)) {
                if (side.readOnly()) {
                    errorAt(modeWritten ? at.key("mode") : at, "two-way needs two writable calendars, but " + quoted(side.name())
                            + " is a read-only " + side.type().jsonName() + "; use \"mode\": \"mirror\" with it as the source");
                }
            }
        } else if (t.readOnly()) {
            errorAt(at.key("target"), "calendar " + quoted(target) + " is a " + t.type().jsonName()
                    + ", which is read-only: it can only be a source");
        }
    }

    // ---- small readers -------------------------------------------------------------------

    private boolean requireObject(JsonNode node, Site site, String shape) {
        if (node.isObject()) {
            return true;
        }
        errorAt(site, "must be an object " + shape + " (got " + describe(node) + ")");
        return false;
    }

    private Optional<String> requiredText(JsonNode object, Site at, String key, String what) {
        if (!object.has(key)) {
            errorAt(at, "needs \"" + key + "\": " + what);
            return Optional.empty();
        }
        return optionalText(object, at, key);
    }

    private Optional<String> optionalText(JsonNode object, Site at, String key) {
        JsonNode value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errorAt(at.key(key), "must be a string in double quotes (got " + describe(value) + ")");
            return Optional.empty();
        }
        if (value.textValue().isBlank()) {
            errorAt(at.key(key), "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private void warnUnknownKeys(JsonNode object, Site at, List<String> known) {
        warnUnknownKeys(object, at, known, Set.of());
    }

    private void warnUnknownKeys(JsonNode object, Site at, List<String> known, Set<String> reportedElsewhere) {
        for (String key : iterable(object.fieldNames())) {
            if (!known.contains(key) && !reportedElsewhere.contains(key)) {
                String hint = Suggestions.closest(key, known).map(k -> ", did you mean " + k + "?")
                        .orElse(" (known keys: " + String.join(", ", known) + ")");
                problem(Severity.WARNING, at.key(key).display(), locationOf(at.key(key), true), "unknown key, ignored" + hint);
            }
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return quoted(value.textValue());
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    // ---- problems ------------------------------------------------------------------------

    private void errorAt(Site site, String message) {
        problem(Severity.ERROR, site.display(), locationOf(site, false), message);
    }

    private void errorAtKey(Site site, String message) {
        problem(Severity.ERROR, site.display(), locationOf(site, true), message);
    }

    private void warnAt(Site site, String message) {
        problem(Severity.WARNING, site.display(), locationOf(site, false), message);
    }

    /** The value's location (or the key's when asked); a missing node falls back to its parent. */
    private JsonLocation locationOf(Site site, boolean preferKey) {
        String pointer = site.pointer();
        if (preferKey && parsed.keyLocations().containsKey(pointer)) {
            return parsed.keyLocations().get(pointer);
        }
        while (true) {
            JsonLocation loc = parsed.valueLocations().get(pointer);
            if (loc != null || pointer.isEmpty()) {
                return loc;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }

    private String displayOf(String pointer) {
        Site site = Site.ROOT;
        JsonNode node = parsed.root();
        for (String raw : pointer.substring(1).split("/")) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray()) {
                site = site.index(Integer.parseInt(part));
            } else {
                site = site.key(part);
            }
            node = node == null ? null : node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return site.display();
    }

    private void problem(Severity severity, String path, JsonLocation at, String message) {
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        ConfigProblem p = new ConfigProblem(file, path, line, column, message, severity);
        (severity == Severity.ERROR ? errors : warnings).add(p);
    }

    private ConfigLoadResult result(Optional<CalSyncConfig> config) {
        Comparator<ConfigProblem> byPlace = Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);
        errors.sort(byPlace);
        warnings.sort(byPlace);
        return new ConfigLoadResult(config, errors, warnings);
    }
}
