package com.calsync.ical;

import java.util.List;

/**
 * Reads iCalendar text as real producers write it (Outlook zone names, missing or stale
 * VTIMEZONEs, bare LF, floating times, DURATION instead of DTEND) into {@link CalendarItem}s.
 */
public final class ItemParser {

    /** Parses one item (one UID). */
    public CalendarItem parse(String ics) throws MalformedItemException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Splits a whole calendar (a feed, an exported .ics) into one item per UID, each with the
     * VTIMEZONEs it uses. Components that cannot be read are reported through the exception
     * list, not dropped silently.
     */
    public SplitResult split(String ics) throws MalformedItemException {
        return NaiveSplit.split(ics); // TEMPORARY (wip-stores): replaced by the real parser at merge
    }

    /**
     * TEMPORARY, written in the wip-stores worktree only so the feed store's tests run before the
     * real parser lands; this whole class goes away when ItemParser is merged. Line-based: groups
     * top-level components by UID and copies in the VTIMEZONEs whose TZID the item mentions.
     * {@link CalendarItem#calendar()} is null here.
     */
    private static final class NaiveSplit {
        static SplitResult split(String ics) throws MalformedItemException {
            String[] lines = ics.replace("\r\n", "\n").replace("\r", "\n").split("\n");
            if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equalsIgnoreCase("BEGIN:VCALENDAR")) {
                throw new MalformedItemException("not an iCalendar text: it does not start with BEGIN:VCALENDAR");
            }
            java.util.Map<String, String> timezones = new java.util.LinkedHashMap<>();
            java.util.Map<String, StringBuilder> byUid = new java.util.LinkedHashMap<>();
            java.util.Map<String, ComponentKind> kinds = new java.util.HashMap<>();
            List<String> skipped = new java.util.ArrayList<>();
            int i = 1;
            while (i < lines.length) {
                String line = lines[i];
                if (!line.regionMatches(true, 0, "BEGIN:", 0, 6)) {
                    i++;
                    continue;
                }
                String name = line.substring(6).strip().toUpperCase(java.util.Locale.ROOT);
                StringBuilder block = new StringBuilder();
                int depth = 0;
                for (; i < lines.length; i++) {
                    String l = lines[i];
                    block.append(l).append("\r\n");
                    if (l.regionMatches(true, 0, "BEGIN:", 0, 6)) depth++;
                    if (l.regionMatches(true, 0, "END:", 0, 4) && --depth == 0) { i++; break; }
                }
                String unfolded = block.toString().replace("\r\n ", "").replace("\r\n\t", "");
                if (name.equals("VTIMEZONE")) {
                    String tzid = value(unfolded, "TZID");
                    if (tzid != null) timezones.put(tzid, block.toString());
                    continue;
                }
                String uid = value(unfolded, "UID");
                if (uid == null) {
                    skipped.add(name + " without UID skipped");
                    continue;
                }
                byUid.computeIfAbsent(uid, u -> new StringBuilder()).append(block);
                kinds.putIfAbsent(uid, switch (name) {
                    case "VEVENT" -> ComponentKind.VEVENT;
                    case "VTODO" -> ComponentKind.VTODO;
                    case "VJOURNAL" -> ComponentKind.VJOURNAL;
                    default -> ComponentKind.OTHER;
                });
            }
            List<CalendarItem> items = new java.util.ArrayList<>();
            for (var entry : byUid.entrySet()) {
                String body = entry.getValue().toString();
                StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync//split//EN\r\n");
                String unfoldedBody = body.replace("\r\n ", "");
                timezones.forEach((tzid, tz) -> {
                    if (unfoldedBody.contains("TZID=" + tzid) || unfoldedBody.contains("TZID=\"" + tzid + "\"")) text.append(tz);
                });
                text.append(body).append("END:VCALENDAR\r\n");
                items.add(new CalendarItem(entry.getKey(), kinds.get(entry.getKey()), text.toString(), null));
            }
            return new SplitResult(items, skipped);
        }

        private static String value(String unfolded, String property) {
            for (String l : unfolded.split("\r\n")) {
                if (l.regionMatches(true, 0, property, 0, property.length()) && l.length() > property.length()
                        && (l.charAt(property.length()) == ':' || l.charAt(property.length()) == ';')) {
                    return l.substring(l.indexOf(':') + 1);
                }
            }
            return null;
        }
    }

    /** The items found, and one message per component that was skipped. */
    public record SplitResult(List<CalendarItem> items, List<String> skipped) {}
}
