package com.calsync.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What CalSync reads from an {@link OpaqueItem}'s text without ical4j: its canonical lines (for
 * the fingerprint), its title and, leniently, when it starts and ends.
 */
final class OpaqueReading {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm[ss]", Locale.ROOT);

    private final ZoneResolver zones;
    private final ZoneId floatingZone;

    OpaqueReading(ZoneResolver zones, ZoneId floatingZone) {
        this.zones = zones;
        this.floatingZone = floatingZone;
    }

    /**
     * The item's meaning as text, like {@link CanonicalForm} for parsed items: per main component
     * its lines (unfolded, names in upper case, noise properties left out) sorted, the components
     * sorted; VCALENDAR-level lines and VTIMEZONEs left out.
     */
    static String canonical(String text) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        int depth = 0;
        boolean zone = false;
        for (ContentLines.Line line : ContentLines.of(text)) {
            if (line.text().isBlank()) {
                continue;
            }
            if (line.isBegin()) {
                depth++;
                if (depth == 2) {
                    zone = line.component().equals("VTIMEZONE");
                    current = new ArrayList<>();
                }
            }
            if (depth >= 2 && !zone && current != null && !CanonicalForm.NOISE_PROPERTIES.contains(line.name())) {
                int colon = line.valueStart();
                String head = colon < 0 ? line.text() : line.text().substring(0, colon);
                String value = colon < 0 ? "" : line.text().substring(colon);
                current.add(head.toUpperCase(Locale.ROOT) + value);
            }
            if (line.isEnd()) {
                if (depth == 2 && current != null) {
                    if (!zone) {
                        current.sort(null);
                        blocks.add(String.join("\n", current));
                    }
                    current = null;
                }
                depth = Math.max(0, depth - 1);
            }
        }
        if (current != null && !zone) { // an unterminated component still counts
            current.sort(null);
            blocks.add(String.join("\n", current));
        }
        blocks.sort(null);
        return "opaque\n" + String.join("\n\n", blocks);
    }

    /** The first SUMMARY of a main component, unescaped; "(no title)" when there is none. */
    static String title(String text) {
        int depth = 0;
        for (ContentLines.Line line : ContentLines.of(text)) {
            if (line.isBegin()) {
                depth++;
            } else if (line.isEnd()) {
                depth--;
            } else if (depth == 2 && line.name().equals("SUMMARY")) {
                return ContentLines.unescapeText(line.value());
            }
        }
        return "(no title)";
    }

    /**
     * Whether the item may have an occurrence in {@code window}, read from the first main
     * component's DTSTART and DTEND: when they cannot be read, or the item recurs, it may
     * (unless it starts after the window ends) — an item is never left out on a guess.
     */
    boolean mayOccurIn(String text, TimeWindow window) {
        if (window.isUnbounded()) {
            return true;
        }
        Optional<Instant> start = Optional.empty();
        Optional<Instant> end = Optional.empty();
        boolean recurs = false;
        int depth = 0;
        boolean inMain = false;
        boolean seenMain = false;
        for (ContentLines.Line line : ContentLines.of(text)) {
            if (line.isBegin()) {
                depth++;
                if (depth == 2 && !seenMain && !line.component().equals("VTIMEZONE")) {
                    inMain = true;
                    seenMain = true;
                }
            } else if (line.isEnd()) {
                if (depth == 2) {
                    inMain = false;
                }
                depth--;
            } else if (inMain && depth == 2) {
                switch (line.name()) {
                    case "DTSTART" -> start = instant(line);
                    case "DTEND", "DUE" -> end = instant(line);
                    case "RRULE", "RDATE", "RECURRENCE-ID" -> recurs = true;
                    default -> { }
                }
            }
        }
        if (start.isEmpty()) {
            return true;
        }
        if (!start.get().isBefore(window.end())) {
            return false;
        }
        if (recurs) {
            return true;
        }
        Instant from = start.get();
        Instant to = end.filter(e -> e.isAfter(from)).orElse(from);
        return window.overlaps(from, to);
    }

    private Optional<Instant> instant(ContentLines.Line line) {
        String value = line.value().strip();
        try {
            if (value.length() == 8) {
                return Optional.of(LocalDate.parse(value, DATE).atStartOfDay(floatingZone).toInstant());
            }
            boolean utc = value.endsWith("Z") || value.endsWith("z");
            LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, LOCAL);
            if (utc) {
                return Optional.of(local.toInstant(ZoneOffset.UTC));
            }
            String tzid = line.parameter("TZID");
            ZoneId zone = tzid == null ? floatingZone : zones.resolve(tzid).orElse(floatingZone);
            return Optional.of(local.atZone(zone).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
