package com.calsync.ical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a whole calendar into one VCALENDAR per UID by its lines, so each component's text is
 * copied as it was. Each piece is then read by {@link ItemParser#parse}.
 */
final class CalendarSplitter {
    private static final Pattern TZID_PARAM = Pattern.compile(";TZID=(\"[^\"]*\"|[^;:]*)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEPT_HEADER = Set.of("VERSION", "PRODID", "CALSCALE");

    /** One top-level component: its raw lines (folded as written) and where it began. */
    private record Chunk(String name, List<String> lines, int firstLine) {
        List<String> unfolded() {
            List<String> result = new ArrayList<>();
            for (String line : lines) {
                if (!result.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                    result.set(result.size() - 1, result.get(result.size() - 1) + line.substring(1));
                } else {
                    result.add(line);
                }
            }
            return result;
        }
    }

    ItemParser.SplitResult split(String ics, ItemParser parser) throws MalformedItemException {
        if (ics == null || !ItemParser.CALENDAR_START.matcher(ics).find()) {
            throw new MalformedItemException("not iCalendar text: no BEGIN:VCALENDAR line");
        }
        String eol = ics.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = (ics.startsWith("\uFEFF") ? ics.substring(1) : ics).split("\r?\n", -1);
        List<String> header = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean inCalendar = false;
        Chunk open = null;
        int depth = 0;
        boolean keepingHeader = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String upper = line.strip().toUpperCase(Locale.ROOT);
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (open != null && !continuation && upper.equals("END:VCALENDAR")) {
                skipped.add(open.name() + " starting at line " + open.firstLine() + " has no END:" + open.name());
                open = null;
                inCalendar = false;
            } else if (open != null) {
                open.lines().add(line);
                if (!continuation && upper.startsWith("BEGIN:")) {
                    depth++;
                } else if (!continuation && upper.startsWith("END:") && --depth == 0) {
                    chunks.add(open);
                    open = null;
                }
            } else if (upper.equals("BEGIN:VCALENDAR")) {
                inCalendar = true;
            } else if (upper.equals("END:VCALENDAR")) {
                inCalendar = false;
            } else if (inCalendar && !continuation && upper.startsWith("BEGIN:")) {
                open = new Chunk(upper.substring(6), new ArrayList<>(List.of(line)), i + 1);
                depth = 1;
            } else if (inCalendar && !line.isBlank()) {
                if (!continuation) {
                    String name = upper.split("[;:]", 2)[0];
                    keepingHeader = KEPT_HEADER.contains(name) && header.stream().noneMatch(h -> sameName(h, line));
                }
                if (keepingHeader) {
                    header.add(line);
                }
            }
        }
        if (open != null) {
            skipped.add(open.name() + " starting at line " + open.firstLine() + " has no END:" + open.name());
        }

        Map<String, Chunk> zones = new LinkedHashMap<>();
        Map<String, List<Chunk>> byUid = new LinkedHashMap<>();
        for (Chunk chunk : chunks) {
            List<String> unfolded = chunk.unfolded();
            if (chunk.name().equals("VTIMEZONE")) {
                propertyValue(unfolded, "TZID").ifPresent(tzid -> zones.putIfAbsent(unquote(tzid), chunk));
                continue;
            }
            String uid = propertyValue(unfolded, "UID").filter(v -> !v.isBlank()).orElse(null);
            Chunk withUid = chunk;
            if (uid == null) {
                List<String> wrapped = new ArrayList<>(chunk.lines());
                wrapped.add(0, "BEGIN:VCALENDAR");
                wrapped.add("END:VCALENDAR");
                uid = LenientReading.derivedUid(ContentLines.of(String.join("\n", wrapped)));
                List<String> copy = new ArrayList<>(chunk.lines());
                copy.add(1, "UID:" + uid);
                withUid = new Chunk(chunk.name(), copy, chunk.firstLine());
            }
            byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(withUid);
        }

        List<CalendarItem> items = new ArrayList<>();
        List<OpaqueItem> opaque = new ArrayList<>();
        for (Map.Entry<String, List<Chunk>> entry : byUid.entrySet()) {
            List<Chunk> parts = entry.getValue();
            try {
                items.add(parser.parse(text(header, zones, parts, eol)));
            } catch (MalformedItemException whole) {
                // Keep the readable components of this UID and report the others one by one.
                List<Chunk> readable = new ArrayList<>();
                List<String> unreadable = new ArrayList<>();
                for (Chunk part : parts) {
                    try {
                        parser.parse(text(header, zones, List.of(part), eol));
                        readable.add(part);
                    } catch (MalformedItemException e) {
                        unreadable.add(part.name() + " UID " + entry.getKey() + " starting at line " + part.firstLine()
                                + ": " + e.getMessage());
                    }
                }
                if (!readable.isEmpty()) {
                    items.add(parser.parse(text(header, zones, readable, eol)));
                    skipped.addAll(unreadable);
                } else {
                    // Nothing of it is readable: carry it as text rather than drop what could be copied.
                    try {
                        opaque.add(parser.opaque(text(header, zones, parts, eol), whole.getMessage()));
                    } catch (MalformedItemException e) {
                        skipped.addAll(unreadable);
                    }
                }
            }
        }
        return new ItemParser.SplitResult(List.copyOf(items), List.copyOf(skipped), List.copyOf(opaque));
    }

    private static String text(List<String> header, Map<String, Chunk> zones, List<Chunk> parts, String eol) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR").append(eol);
        if (header.stream().noneMatch(h -> sameName(h, "VERSION:"))) {
            out.append("VERSION:2.0").append(eol);
        }
        if (header.stream().noneMatch(h -> sameName(h, "PRODID:"))) {
            out.append("PRODID:-//CalSync//EN").append(eol);
        }
        header.forEach(h -> out.append(h).append(eol));
        Set<String> used = new LinkedHashSet<>();
        for (Chunk part : parts) {
            for (String line : part.unfolded()) {
                Matcher m = TZID_PARAM.matcher(line);
                while (m.find()) {
                    used.add(unquote(m.group(1)));
                }
            }
        }
        for (String tzid : used) {
            Chunk zone = zones.get(tzid);
            if (zone != null) {
                zone.lines().forEach(l -> out.append(l).append(eol));
            }
        }
        for (Chunk part : parts) {
            part.lines().forEach(l -> out.append(l).append(eol));
        }
        return out.append("END:VCALENDAR").append(eol).toString();
    }

    private static boolean sameName(String line, String other) {
        String a = line.toUpperCase(Locale.ROOT).split("[;:]", 2)[0];
        String b = other.toUpperCase(Locale.ROOT).split("[;:]", 2)[0];
        return !line.startsWith(" ") && !line.startsWith("\t") && a.equals(b);
    }

    private static java.util.Optional<String> propertyValue(List<String> unfolded, String name) {
        int depth = 0;
        for (String line : unfolded) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:")) {
                depth++;
            } else if (upper.startsWith("END:")) {
                depth--;
            } else if (depth == 1 && (upper.startsWith(name + ":") || upper.startsWith(name + ";"))) {
                int colon = valueStart(line);
                return java.util.Optional.of(colon < 0 ? "" : line.substring(colon + 1).strip());
            }
        }
        return java.util.Optional.empty();
    }

    // The colon that ends the name and parameters; colons inside quoted parameter values don't count.
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() > 1 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
