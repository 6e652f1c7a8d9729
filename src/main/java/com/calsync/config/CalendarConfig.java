package com.calsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** One calendar a pair can use, as written under {@code calendars}; {@link #name()} is its key. */
public sealed interface CalendarConfig {

    /** The key under {@code calendars}: what pairs refer to. */
    String name();

    /** The {@code type} in config.json. */
    CalendarType type();

    /** Whether CalSync may never write to it. */
    default boolean readOnly() {
        return false;
    }

    /** A short description for messages: {@code folder ~/Calendars/work}. */
    String describe();

    /**
     * A calendar on a CalDAV account, chosen by its display name or by its collection path
     * (exactly one of the two is present).
     */
    record CalDav(String name, String account, Optional<String> displayName, Optional<String> path)
            implements CalendarConfig {
        public CalendarType type() {
            return CalendarType.CALDAV;
        }

        public String describe() {
            return "caldav " + account + " " + path.orElseGet(() -> "\"" + displayName.orElse("") + "\"");
        }
    }

    /** A folder of {@code .ics} files, one item per file (vdir layout). */
    record Folder(String name, Path path) implements CalendarConfig {
        public CalendarType type() {
            return CalendarType.FOLDER;
        }

        public String describe() {
            return "folder " + path;
        }
    }

    /**
     * A read-only {@code .ics} file or subscription: {@code url} is an {@code http(s)://} or
     * {@code webcal://} address, or a {@code file:} URI when config.json gave a file path.
     */
    record Feed(String name, URI url) implements CalendarConfig {
        public CalendarType type() {
            return CalendarType.FEED;
        }

        @Override
        public boolean readOnly() {
            return true;
        }

        /** The local file when the feed is one, else empty. */
        public Optional<Path> localFile() {
            return "file".equalsIgnoreCase(url.getScheme()) ? Optional.of(Path.of(url)) : Optional.empty();
        }

        public String describe() {
            return "feed " + localFile().map(Path::toString).orElse(url.toString());
        }
    }

    /**
     * A calendar of macOS Calendar (EventKit) by its title; {@code source} (the account shown in
     * Calendar's sidebar, e.g. "iCloud") picks one when several calendars share a title.
     */
    record EventKit(String name, String title, Optional<String> source) implements CalendarConfig {
        public CalendarType type() {
            return CalendarType.EVENTKIT;
        }

        public String describe() {
            return "eventkit \"" + title + "\"" + source.map(s -> " in " + s).orElse("");
        }
    }
}
