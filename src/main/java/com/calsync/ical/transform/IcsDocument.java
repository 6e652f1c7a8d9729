package com.calsync.ical.transform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An item's iCalendar text as a tree of components whose lines are kept as written, for rewrites
 * that must leave everything they do not change byte for byte (ADR 0003: items are kept as text).
 * Read only text that {@link com.calsync.ical.ItemParser} accepted; lines outside the VCALENDAR
 * are dropped.
 *
 * @param calendar the VCALENDAR
 * @param newline  the line end the text used ({@code \r\n} or {@code \n}), used for every line written
 */
public record IcsDocument(IcsComponent calendar, String newline) {
    /** The components an item is about; VTIMEZONE only describes a zone they use. */
    static final Set<String> MAIN = Set.of("VEVENT", "VTODO", "VJOURNAL");

    public static IcsDocument parse(String text) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String[] physical = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        Deque<Builder> open = new ArrayDeque<>();
        IcsComponent calendar = null;
        int i = 0;
        while (i < physical.length && calendar == null) {
            int end = i + 1;
            StringBuilder logical = new StringBuilder(physical[i]);
            while (end < physical.length && !physical[end].isEmpty()
                    && (physical[end].charAt(0) == ' ' || physical[end].charAt(0) == '\t')) {
                logical.append(physical[end], 1, physical[end].length());
                end++;
            }
            String written = String.join(newline, java.util.Arrays.asList(physical).subList(i, end));
            i = end;
            if (logical.toString().isBlank()) {
                continue;
            }
            ContentLine line = ContentLine.parse(logical.toString(), written);
            if (line.name().equals("BEGIN")) {
                if (open.isEmpty() && !line.value().equalsIgnoreCase("VCALENDAR")) {
                    continue;
                }
                open.push(new Builder(line));
            } else if (line.name().equals("END")) {
                if (open.isEmpty()) {
                    continue;
                }
                IcsComponent done = open.pop().build(line);
                if (open.isEmpty()) {
                    calendar = done;
                } else {
                    open.peek().parts.add(done);
                }
            } else if (!open.isEmpty()) {
                open.peek().parts.add(line);
            }
        }
        while (calendar == null && !open.isEmpty()) { // a missing END closes at the end of the text
            Builder b = open.pop();
            IcsComponent done = b.build(ContentLine.of("END", java.util.Map.of(), b.begin.value().toUpperCase(Locale.ROOT)));
            if (open.isEmpty()) {
                calendar = done;
            } else {
                open.peek().parts.add(done);
            }
        }
        if (calendar == null) {
            throw new IllegalArgumentException("no BEGIN:VCALENDAR in the text");
        }
        return new IcsDocument(calendar, newline);
    }

    private static final class Builder {
        final ContentLine begin;
        final List<IcsPart> parts = new ArrayList<>();

        Builder(ContentLine begin) {
            this.begin = begin;
        }

        IcsComponent build(ContentLine end) {
            return new IcsComponent(begin.value().toUpperCase(Locale.ROOT), begin, parts, end);
        }
    }

    /** The VEVENTs, VTODOs and VJOURNALs: a master and its RECURRENCE-ID overrides. */
    public List<IcsComponent> mainComponents() {
        return calendar.components().stream().filter(c -> MAIN.contains(c.name())).toList();
    }

    /** This document with {@code calendar} as its VCALENDAR. */
    public IcsDocument with(IcsComponent newCalendar) {
        return new IcsDocument(newCalendar, newline);
    }

    /** The document with each main component passed through {@code change}; the rest stays. */
    public IcsDocument mapMain(java.util.function.UnaryOperator<IcsComponent> change) {
        List<IcsComponent> children = calendar.components().stream()
                .map(c -> MAIN.contains(c.name()) ? change.apply(c) : c).toList();
        return with(calendar.withComponents(children));
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        calendar.write(out, newline);
        return out.toString();
    }
}
