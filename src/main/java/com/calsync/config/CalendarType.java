package com.calsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A calendar's {@code "type"} in config.json, and the keys a calendar of that type may have. */
public enum CalendarType {
    /** A calendar on a CalDAV account (the type when only {@code "account"} is given). */
    CALDAV("caldav", List.of("type", "account", "name", "path")),
    /** A folder of {@code .ics} files. */
    FOLDER("folder", List.of("type", "path")),
    /** A read-only {@code .ics} file or subscription. */
    FEED("feed", List.of("type", "url")),
    /** A calendar of macOS Calendar. */
    EVENTKIT("eventkit", List.of("type", "name", "source"));

    private final String jsonName;
    private final List<String> keys;

    CalendarType(String jsonName, List<String> keys) {
        this.jsonName = jsonName;
        this.keys = keys;
    }

    /** The name written in config.json. */
    public String jsonName() {
        return jsonName;
    }

    /** The keys a calendar of this type may have; others are warned about. */
    public List<String> keys() {
        return keys;
    }

    public static Optional<CalendarType> byJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(CalendarType::jsonName).toList();
    }
}
