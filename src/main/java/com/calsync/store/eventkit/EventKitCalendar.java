package com.calsync.store.eventkit;

import java.util.Optional;

/**
 * A calendar of macOS Calendar as EventKit lists it.
 *
 * @param identifier EKCalendar's calendarIdentifier
 * @param source     the account in Calendar's sidebar: "iCloud", "On My Mac", an Exchange account…
 * @param color      "#RRGGBB" when the system said
 * @param writable   allowsContentModifications
 */
public record EventKitCalendar(String identifier, String title, String source, Optional<String> color, boolean writable) {
    /** How a user recognises it: {@code "Home" (iCloud)}. */
    public String label() {
        return "\"" + title + "\" (" + source + ")";
    }
}
