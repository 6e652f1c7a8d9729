package com.calsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The config.json changes the Settings window makes, each as an in-place edit of a
 * {@link ConfigDocument}: an account, a calendar, a pair or the {@code app} section set or
 * removed, written as config.json's own examples write them. Keys of an entry that the editor
 * does not know (a user's notes, a newer version's keys) are left alone; a key the user left out
 * because its default applies is not added while its value stays the default.
 */
public final class ConfigEditor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> ACCOUNT_KEYS = List.of("type", "url", "username");
    private static final List<String> PAIR_KEYS = List.of("name", "source", "target", "mode", "conflict", "enabled");

    private final Path userHome;

    /** @param userHome folders under it are written as {@code ~/…}, as a person would write them */
    public ConfigEditor(Path userHome) {
        this.userHome = userHome;
    }

    public ConfigDocument putAccount(ConfigDocument doc, AccountConfig account) {
        String at = "/accounts/" + escape(account.name());
        ObjectNode json = JSON.objectNode();
        if (!doc.has(at) || doc.has(at + "/type")) {
            json.put("type", AccountConfig.TYPE_CALDAV);
        }
        json.put("url", account.url().toString());
        account.username().ifPresent(u -> json.put("username", u));
        return doc.putObject(at, json, ACCOUNT_KEYS);
    }

    public ConfigDocument removeAccount(ConfigDocument doc, String name) {
        return doc.remove("/accounts/" + escape(name));
    }

    public ConfigDocument putCalendar(ConfigDocument doc, CalendarConfig calendar) {
        String at = "/calendars/" + escape(calendar.name());
        Set<String> allKeys = new LinkedHashSet<>();
        for (CalendarType t : CalendarType.values()) {
            allKeys.addAll(t.keys());
        }
        return doc.putObject(at, calendarJson(calendar, doc.has(at + "/type")), allKeys);
    }

    public ConfigDocument removeCalendar(ConfigDocument doc, String name) {
        return doc.remove("/calendars/" + escape(name));
    }

    /** Replaces the pair of the same name, or adds it at the end of {@code pairs}. */
    public ConfigDocument putPair(ConfigDocument doc, PairConfig pair) {
        Optional<String> existing = pairPointer(doc, pair.name());
        ObjectNode json = JSON.objectNode();
        json.put("name", pair.name());
        json.put("source", pair.source());
        json.put("target", pair.target());
        boolean isNew = existing.isEmpty();
        if (isNew || pair.mode() != com.calsync.sync.SyncMode.MIRROR || doc.has(existing.get() + "/mode")) {
            json.put("mode", pair.mode().jsonName());
        }
        if (pair.mode() == com.calsync.sync.SyncMode.TWO_WAY) {
            json.put("conflict", pair.conflict().jsonName());
        }
        if (!pair.enabled() || existing.map(p -> doc.has(p + "/enabled")).orElse(false)) {
            json.put("enabled", pair.enabled());
        }
        ObjectNode sync = syncJson(pair.sync());
        if (isNew) {
            if (!sync.isEmpty()) {
                json.set("sync", sync);
            }
            return doc.append("/pairs", json);
        }
        String at = existing.get();
        ConfigDocument edited = doc.putObject(at, json, PAIR_KEYS);
        if (sync.isEmpty()) {
            return edited.remove(at + "/sync");
        }
        return edited.putObject(at + "/sync", sync, SyncKey.jsonNames());
    }

    public ConfigDocument removePair(ConfigDocument doc, String name) {
        return pairPointer(doc, name).map(doc::remove).orElse(doc);
    }

    /** Writes the {@code app} section; a default log level is written only when one was set before. */
    public ConfigDocument putApp(ConfigDocument doc, AppSettings app) {
        ObjectNode json = JSON.objectNode();
        json.put("notifications", app.notifications());
        app.logLevel().ifPresent(l -> json.put("log_level", l.jsonName()));
        return doc.putObject("/app", json, AppSettings.KEYS);
    }

    /** Where the pair named {@code name} is in {@code pairs}, as a JSON Pointer. */
    public static Optional<String> pairPointer(ConfigDocument doc, String name) {
        JsonNode pairs = doc.get("/pairs").orElse(JSON.arrayNode());
        for (int i = 0; i < pairs.size(); i++) {
            if (name.equals(pairs.get(i).path("name").asText(null))) {
                return Optional.of("/pairs/" + i);
            }
        }
        return Optional.empty();
    }

    private ObjectNode calendarJson(CalendarConfig calendar, boolean typeWritten) {
        ObjectNode json = JSON.objectNode();
        if (calendar instanceof CalendarConfig.CalDav c) {
            if (typeWritten) {
                json.put("type", CalendarType.CALDAV.jsonName());
            }
            json.put("account", c.account());
            c.path().ifPresent(p -> json.put("path", p));
            c.displayName().ifPresent(n -> json.put("name", n));
        } else if (calendar instanceof CalendarConfig.Folder f) {
            json.put("type", CalendarType.FOLDER.jsonName());
            json.put("path", shown(f.path()));
        } else if (calendar instanceof CalendarConfig.Feed f) {
            json.put("type", CalendarType.FEED.jsonName());
            json.put("url", f.localFile().map(this::shown).orElse(f.url().toString()));
        } else if (calendar instanceof CalendarConfig.EventKit e) {
            json.put("type", CalendarType.EVENTKIT.jsonName());
            json.put("name", e.title());
            e.source().ifPresent(src -> json.put("source", src));
        }
        return json;
    }

    private static ObjectNode syncJson(SyncOverrides overrides) {
        ObjectNode json = JSON.objectNode();
        for (SyncKey key : SyncKey.values()) {
            Object value = overrides.values().get(key);
            if (value instanceof Integer n) {
                json.put(key.jsonName(), n);
            } else if (value instanceof Boolean b) {
                json.put(key.jsonName(), b);
            }
        }
        return json;
    }

    /**
     * A folder path as a person types it into a field: {@code ~} is the home folder, a relative
     * path is taken from the home folder too (there is no "current folder" in a window).
     */
    public Path resolve(String typed) {
        String t = typed.strip();
        if (t.equals("~")) {
            return userHome;
        }
        if (t.startsWith("~/")) {
            return userHome.resolve(t.substring(2)).normalize();
        }
        return userHome.resolve(t).toAbsolutePath().normalize();
    }

    /** {@code ~/…} for a path under the home folder, else the absolute path. */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(userHome) && !absolute.equals(userHome)
                ? "~/" + userHome.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
