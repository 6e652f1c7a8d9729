package com.calsync.store.caldav;

import com.calsync.ical.ContentLineFolder;
import java.util.Locale;
import java.util.Set;

/**
 * Escapes the unescaped commas in single-valued TEXT properties (SUMMARY, DESCRIPTION, LOCATION,
 * COMMENT, CONTACT) before an item is written. RFC 5545 wants {@code \,} there, many producers
 * write a bare comma, and Radicale 3 (vobject) keeps such a value only up to its first comma, so
 * {@code SUMMARY:Lunch, then walk} would be stored as {@code Lunch}. Escaping keeps the meaning for
 * every reader; a text that needs nothing is returned unchanged, byte for byte.
 */
final class BareCommas {
    private static final Set<String> SINGLE_TEXT = Set.of("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT");

    private BareCommas() {
    }

    static String escape(String ics) {
        if (ics.indexOf(',') < 0) {
            return ics;
        }
        String newline = ics.contains("\r\n") ? "\r\n" : "\n";
        String[] physical = ics.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(ics.length() + 16);
        boolean changed = false;
        int i = 0;
        while (i < physical.length) {
            // One logical line: the physical line plus its folded continuations.
            int end = i + 1;
            StringBuilder logical = new StringBuilder(physical[i]);
            while (end < physical.length && !physical[end].isEmpty()
                    && (physical[end].charAt(0) == ' ' || physical[end].charAt(0) == '\t')) {
                logical.append(physical[end], 1, physical[end].length());
                end++;
            }
            String fixed = escapeLine(logical.toString());
            if (fixed != null) {
                changed = true;
                out.append(ContentLineFolder.fold(fixed, newline));
            } else {
                out.append(String.join(newline, java.util.Arrays.asList(physical).subList(i, end)));
            }
            if (end < physical.length) {
                out.append(newline);
            }
            i = end;
        }
        return changed ? out.toString() : ics;
    }

    /** The line with its value's bare commas escaped, or null when it needs no change. */
    private static String escapeLine(String line) {
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != ';' && line.charAt(nameEnd) != ':') {
            nameEnd++;
        }
        if (!SINGLE_TEXT.contains(line.substring(0, nameEnd).toUpperCase(Locale.ROOT))) {
            return null;
        }
        int valueStart = -1;
        boolean quoted = false;
        for (int k = nameEnd; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                valueStart = k + 1;
                break;
            }
        }
        if (valueStart < 0) {
            return null;
        }
        StringBuilder value = new StringBuilder(line.length() + 8).append(line, 0, valueStart);
        boolean changed = false;
        for (int k = valueStart; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\\' && k + 1 < line.length()) {
                value.append(c).append(line.charAt(++k));
            } else if (c == ',') {
                value.append("\\,");
                changed = true;
            } else {
                value.append(c);
            }
        }
        return changed ? value.toString() : null;
    }
}
