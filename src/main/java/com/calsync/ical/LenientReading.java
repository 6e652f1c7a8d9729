package com.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares an item's text for ical4j: what real producers write but ical4j cannot read is set
 * aside <em>for reading only</em>, so that the rest of the item is read as usual. The item's own
 * text, which is what CalSync copies, stays as it was (apart from a derived UID, see below).
 *
 * <p>Set aside, each with a note naming its line: text before {@code BEGIN:VCALENDAR} or after
 * {@code END:VCALENDAR}; lines that are not content lines; a VTIMEZONE whose observances lack
 * DTSTART or carry an offset beyond ±18 hours (its TZID then reads as an IANA or Windows name
 * when it is one, else as floating time); an invalid GEO; RDATE and EXDATE values that do not
 * fit their type, one value at a time (a PERIOD of dates reads as its start date, VALUE=TIME is
 * not a type RDATE has). Times written without seconds ({@code T1000Z}) read as {@code T100000Z}.
 * Later, a line ical4j still refuses is set aside as well ({@link #withoutLine}).
 *
 * <p>Main components (VEVENT, VTODO, VJOURNAL…) without a UID get the item's UID, or, when no
 * component has one, a derived UID: {@code calsync-} and the start of the SHA-256 of the
 * components' lines, sorted, without the properties producers rewrite on every export (DTSTAMP,
 * LAST-MODIFIED…) — stable across re-exports. It is written into the text to copy as well, so
 * that a server accepts the copy and the next run matches it by that UID.
 */
final class LenientReading {
    private static final Pattern TIME_WITHOUT_SECONDS = Pattern.compile("(\\d{8}T\\d{4})(?![\\d:])(Z?)");
    private static final Pattern UNTIL_WITHOUT_SECONDS = Pattern.compile("(UNTIL=\\d{8}T\\d{4})(?![\\d:])", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DATE_PROPERTIES = Set.of("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE",
            "RDATE", "DTSTAMP", "CREATED", "LAST-MODIFIED", "COMPLETED", "TRIGGER");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");
    private static final Pattern DURATION = Pattern.compile("[+-]?P(\\d+W|(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?)");
    private static final Pattern GEO = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*[;,]\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern UTC_OFFSET = Pattern.compile("[+-](\\d{2})(\\d{2})(\\d{2})?");
    private static final Set<String> OBSERVANCES = Set.of("STANDARD", "DAYLIGHT");

    /**
     * The text ical4j is given and what it took to make it.
     *
     * @param lines     the lines ical4j reads, in order, each with the physical line of the user's text
     * @param copyText  the item's text to copy: as written, plus UID lines where components had none
     * @param uid       the UID written into components that had none, or null when none was missing
     * @param derived   whether that UID was derived (no component had one)
     * @param notes     what was set aside, one sentence each, naming the line
     * @param dropped   names of the properties set aside (RRULE, EXDATE…)
     */
    record Prepared(List<ContentLines.Line> lines, String copyText, String uid, boolean derived, List<String> notes,
                    Set<String> dropped) {

        /** The text for ical4j: the lines, unfolded, with CRLF line ends. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (ContentLines.Line line : lines) {
                out.append(line.text()).append("\r\n");
            }
            return out.toString();
        }

        /** The user's line number for a line number of {@link #text()}. */
        int originalLine(int lineOfText) {
            return lineOfText >= 1 && lineOfText <= lines.size() ? lines.get(lineOfText - 1).firstLine() : lineOfText;
        }

        /**
         * The same text without line {@code lineOfText} (1-based in {@link #text()}), which ical4j
         * refused for {@code why}; empty when that line cannot go (BEGIN, END, or out of range).
         */
        Optional<Prepared> withoutLine(int lineOfText, String why) {
            if (lineOfText < 1 || lineOfText > lines.size()) {
                return Optional.empty();
            }
            ContentLines.Line line = lines.get(lineOfText - 1);
            if (line.isBegin() || line.isEnd() || line.name().equals("UID")) {
                return Optional.empty();
            }
            List<ContentLines.Line> rest = new ArrayList<>(lines);
            rest.remove(lineOfText - 1);
            List<String> moreNotes = new ArrayList<>(notes);
            moreNotes.add("line " + line.firstLine() + " (" + line.name() + ") ignored: " + why);
            Set<String> moreDropped = new LinkedHashSet<>(dropped);
            moreDropped.add(line.name());
            return Optional.of(new Prepared(List.copyOf(rest), copyText, uid, derived, List.copyOf(moreNotes),
                    Set.copyOf(moreDropped)));
        }
    }

    private LenientReading() {
    }

    static Prepared prepare(String ics) {
        List<ContentLines.Line> all = ContentLines.of(ics);
        List<String> notes = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        List<ContentLines.Line> kept = new ArrayList<>(all.size() + 2);
        List<String> stack = new ArrayList<>();
        boolean calendarDone = false;
        boolean calendarSeen = false;
        for (int i = 0; i < all.size(); i++) {
            ContentLines.Line line = upperCaseNames(all.get(i));
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            if (calendarDone || (!calendarSeen && !(line.isBegin() && line.component().equals("VCALENDAR")))) {
                notes.add("line " + line.firstLine() + " ignored: text " + (calendarDone ? "after END:VCALENDAR" : "before BEGIN:VCALENDAR"));
                continue;
            }
            if (line.isBegin()) {
                calendarSeen = true;
                if (line.component().equals("VTIMEZONE") && stack.size() == 1) {
                    int end = blockEnd(all, i);
                    Optional<String> problem = end < 0 ? Optional.empty() : zoneProblem(all.subList(i, end + 1));
                    if (problem.isPresent()) {
                        notes.add("VTIMEZONE at line " + line.firstLine() + " ignored: " + problem.get()
                                + "; its TZID reads as an IANA or Windows zone name when it is one, else as floating time");
                        dropped.add("VTIMEZONE");
                        i = end;
                        continue;
                    }
                }
                stack.add(line.component());
                kept.add(line);
                continue;
            }
            if (line.isEnd()) {
                if (!stack.isEmpty() && stack.get(stack.size() - 1).equals(line.component())) {
                    stack.remove(stack.size() - 1);
                    calendarDone = stack.isEmpty();
                }
                kept.add(line); // a mismatched END is left for ical4j to name
                continue;
            }
            if (line.valueStart() < 1) {
                notes.add("line " + line.firstLine() + " ignored: it is not a content line (NAME:value)");
                continue;
            }
            kept.addAll(fixValue(line, notes, dropped));
        }
        if (stack.size() == 1 && stack.get(0).equals("VCALENDAR")) {
            // cut off after its last component: the calendar ends where the text does
            ContentLines.Line last = kept.get(kept.size() - 1);
            kept.add(new ContentLines.Line("END:VCALENDAR", last.firstLine(), last.end()));
            notes.add("the text ends without END:VCALENDAR; read as if it were there");
        }
        return withUids(ics, kept, notes, dropped);
    }

    /**
     * Names are case-insensitive (RFC 5545 §3.1), but ical4j reads only upper case: "begin:vevent"
     * and "dtstart;tzid=…" are read as "BEGIN:VEVENT" and "DTSTART;tzid=…".
     */
    private static ContentLines.Line upperCaseNames(ContentLines.Line line) {
        String text = line.text();
        int stop = 0;
        boolean lower = false;
        while (stop < text.length() && text.charAt(stop) != ';' && text.charAt(stop) != ':') {
            char c = text.charAt(stop++);
            lower |= c >= 'a' && c <= 'z';
        }
        boolean beginOrEnd = text.regionMatches(true, 0, "BEGIN:", 0, 6) || text.regionMatches(true, 0, "END:", 0, 4);
        if (!lower && !(beginOrEnd && !text.equals(text.toUpperCase(java.util.Locale.ROOT)))) {
            return line;
        }
        String fixed = beginOrEnd ? text.strip().toUpperCase(java.util.Locale.ROOT)
                : text.substring(0, stop).toUpperCase(java.util.Locale.ROOT) + text.substring(stop);
        return new ContentLines.Line(fixed, line.firstLine(), line.end());
    }

    /** A property line as ical4j can read it: itself, a repaired line, several, or none. */
    private static List<ContentLines.Line> fixValue(ContentLines.Line line, List<String> notes, Set<String> dropped) {
        String name = line.name();
        String text = line.text();
        if (DATE_PROPERTIES.contains(name) || name.equals("RRULE") || name.equals("EXRULE")) {
            String value = line.value();
            Matcher m = (name.equals("RRULE") || name.equals("EXRULE") ? UNTIL_WITHOUT_SECONDS : TIME_WITHOUT_SECONDS)
                    .matcher(value);
            if (m.find()) {
                String repaired = m.replaceAll(name.endsWith("RULE") ? "$100" : "$100$2");
                notes.add("line " + line.firstLine() + " (" + name + "): a time without seconds read as HHMM00");
                text = text.substring(0, line.valueStart() + 1) + repaired;
                line = new ContentLines.Line(text, line.firstLine(), line.end());
            }
        }
        if (name.equals("RDATE") || name.equals("EXDATE")) {
            return dateList(line, notes, dropped);
        }
        if (name.equals("GEO")) {
            Matcher m = GEO.matcher(line.value());
            if (!m.matches()) {
                notes.add("line " + line.firstLine() + " (GEO) ignored: \"" + line.value() + "\" is not latitude;longitude");
                dropped.add(name);
                return List.of();
            }
            String head = text.substring(0, line.valueStart() + 1);
            return List.of(new ContentLines.Line(head + m.group(1) + ";" + m.group(2), line.firstLine(), line.end()));
        }
        return List.of(line);
    }

    /**
     * RDATE and EXDATE value by value: values that fit their type stay, dates written as
     * PERIODs read as DATEs, the rest is left out with a note. May turn one line into a line per type.
     */
    private static List<ContentLines.Line> dateList(ContentLines.Line line, List<String> notes, Set<String> dropped) {
        String name = line.name();
        String declared = line.parameter("VALUE");
        String type = declared == null ? "DATE-TIME" : declared.toUpperCase(java.util.Locale.ROOT);
        List<String> dateTimes = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String raw : line.value().split(",")) {
            String v = raw.strip();
            if (v.isEmpty()) {
                continue;
            }
            int slash = v.indexOf('/');
            if (slash > 0 && name.equals("RDATE")) {
                String start = v.substring(0, slash);
                String end = v.substring(slash + 1);
                if (DATE_TIME.matcher(start).matches() && (DATE_TIME.matcher(end).matches() || DURATION.matcher(end).matches())) {
                    periods.add(v);
                } else if (DATE.matcher(start).matches()) {
                    dates.add(start); // a period of whole days (19970101/19970102) starts on its date
                    notes.add("line " + line.firstLine() + " (" + name + "): the period of dates " + v
                            + " read as the date " + start);
                } else {
                    refused.add(v);
                }
            } else if (!type.equals("TIME") && DATE_TIME.matcher(v).matches()) {
                dateTimes.add(v);
            } else if (!type.equals("TIME") && DATE.matcher(v).matches()) {
                dates.add(v);
            } else {
                refused.add(v);
            }
        }
        boolean unchanged = refused.isEmpty()
                && (type.equals("DATE-TIME") && dates.isEmpty() && periods.isEmpty()
                    || type.equals("DATE") && dateTimes.isEmpty() && periods.isEmpty()
                    || type.equals("PERIOD") && dates.isEmpty() && dateTimes.isEmpty());
        if (unchanged) {
            return List.of(line);
        }
        if (!refused.isEmpty()) {
            notes.add("line " + line.firstLine() + " (" + name + "): " + refused.size() + " value(s) ignored, not a "
                    + (type.equals("TIME") ? "type " + name + " has (VALUE=TIME)" : type.toLowerCase(java.util.Locale.ROOT))
                    + ": " + String.join(",", refused));
            dropped.add(name);
        }
        // Several types in one property: one line each, sharing the other parameters.
        StringBuilder params = new StringBuilder();
        String tzid = null;
        for (String p : line.parameters()) {
            if (p.startsWith("TZID=")) {
                tzid = p;
            } else if (!p.startsWith("VALUE=")) {
                params.append(';').append(p);
            }
        }
        List<String> rewritten = new ArrayList<>();
        if (!dateTimes.isEmpty()) {
            rewritten.add(name + params + (tzid == null ? "" : ";" + tzid) + ":" + String.join(",", dateTimes));
        }
        if (!dates.isEmpty()) {
            rewritten.add(name + params + ";VALUE=DATE:" + String.join(",", dates));
        }
        if (!periods.isEmpty()) {
            rewritten.add(name + params + (tzid == null ? "" : ";" + tzid) + ";VALUE=PERIOD:" + String.join(",", periods));
        }
        List<ContentLines.Line> result = new ArrayList<>(rewritten.size());
        for (String r : rewritten) {
            result.add(new ContentLines.Line(r, line.firstLine(), line.end()));
        }
        return result;
    }

    /** The index of the END line closing the BEGIN at {@code begin}; -1 when it is never closed. */
    private static int blockEnd(List<ContentLines.Line> lines, int begin) {
        int depth = 0;
        for (int i = begin; i < lines.size(); i++) {
            ContentLines.Line l = lines.get(i);
            if (l.isBegin()) {
                depth++;
            } else if (l.isEnd() && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Why ical4j could not build zone rules from this VTIMEZONE block, if it could not. */
    private static Optional<String> zoneProblem(List<ContentLines.Line> block) {
        boolean tzid = false;
        int observances = 0;
        for (int i = 1; i < block.size() - 1; i++) {
            ContentLines.Line line = block.get(i);
            if (line.name().equals("TZID") && !line.value().isBlank()) {
                tzid = true;
            }
            if (line.isBegin() && OBSERVANCES.contains(line.component())) {
                observances++;
                int end = blockEnd(block, i);
                if (end < 0) {
                    return Optional.of(line.component() + " at line " + line.firstLine() + " has no END");
                }
                Optional<String> problem = observanceProblem(block.subList(i, end + 1));
                if (problem.isPresent()) {
                    return problem;
                }
                i = end;
            }
        }
        if (!tzid) {
            return Optional.of("it has no TZID");
        }
        return observances == 0 ? Optional.of("it has no STANDARD or DAYLIGHT observance") : Optional.empty();
    }

    private static Optional<String> observanceProblem(List<ContentLines.Line> observance) {
        String what = observance.get(0).component() + " at line " + observance.get(0).firstLine();
        boolean start = false;
        int offsets = 0;
        for (ContentLines.Line line : observance) {
            String name = line.name();
            if (name.equals("DTSTART")) {
                String v = line.value().strip();
                if (!DATE_TIME.matcher(v).matches() && !TIME_WITHOUT_SECONDS.matcher(v).matches()) {
                    return Optional.of(what + " has DTSTART \"" + v + "\", not a date-time");
                }
                start = true;
            } else if (name.equals("TZOFFSETFROM") || name.equals("TZOFFSETTO")) {
                Matcher m = UTC_OFFSET.matcher(line.value().strip());
                if (!m.matches() || Integer.parseInt(m.group(1)) > 18 || Integer.parseInt(m.group(2)) > 59) {
                    return Optional.of(what + " has " + name + " \"" + line.value().strip()
                            + "\", not an offset between -1800 and +1800");
                }
                offsets++;
            }
        }
        if (!start) {
            return Optional.of(what + " has no DTSTART");
        }
        return offsets < 2 ? Optional.of(what + " lacks TZOFFSETFROM or TZOFFSETTO") : Optional.empty();
    }

    /** Writes the item's UID into main components that have none (for reading and for copying). */
    private static Prepared withUids(String ics, List<ContentLines.Line> kept, List<String> notes, Set<String> dropped) {
        Set<String> uids = new LinkedHashSet<>();
        List<Integer> withoutUid = new ArrayList<>(); // indexes in kept of BEGIN lines of main components lacking a UID
        int depth = 0;
        int open = -1;
        boolean hasUid = false;
        for (int i = 0; i < kept.size(); i++) {
            ContentLines.Line line = kept.get(i);
            if (line.isBegin()) {
                depth++;
                if (depth == 2 && !line.component().equals("VTIMEZONE")) {
                    open = i;
                    hasUid = false;
                }
            } else if (line.isEnd()) {
                if (depth == 2 && open >= 0) {
                    if (!hasUid) {
                        withoutUid.add(open);
                    }
                    open = -1;
                }
                depth--;
            } else if (depth == 2 && open >= 0 && line.name().equals("UID")) {
                String value = line.value().strip();
                if (!value.isEmpty()) {
                    hasUid = true;
                    uids.add(value);
                }
            }
        }
        if (withoutUid.isEmpty() || uids.size() > 1) {
            return new Prepared(List.copyOf(kept), ics, null, false, List.copyOf(notes), Set.copyOf(dropped));
        }
        boolean derived = uids.isEmpty();
        String uid = derived ? derivedUid(kept) : uids.iterator().next();
        List<ContentLines.Line> withUid = new ArrayList<>(kept);
        for (int k = withoutUid.size() - 1; k >= 0; k--) {
            ContentLines.Line begin = kept.get(withoutUid.get(k));
            withUid.add(withoutUid.get(k) + 1, new ContentLines.Line("UID:" + uid, begin.firstLine(), begin.end()));
        }
        // The copy: the text as written with the UID line after each such BEGIN line.
        String eol = ContentLines.lineEnd(ics);
        StringBuilder copy = new StringBuilder(ics.length() + 64 * withoutUid.size());
        int from = 0;
        for (int index : withoutUid) {
            int at = kept.get(index).end();
            copy.append(ics, from, at);
            if (at == ics.length() || (at > 0 && ics.charAt(at - 1) != '\n' && ics.charAt(at - 1) != '\r')) {
                copy.append(eol); // the BEGIN line was the last, without a line end
            }
            copy.append("UID:").append(uid).append(eol);
            from = at;
        }
        copy.append(ics, from, ics.length());
        notes.add((derived ? "no UID: derived " : "a component without UID got the item's UID ") + uid);
        return new Prepared(List.copyOf(withUid), copy.toString(), uid, derived, List.copyOf(notes), Set.copyOf(dropped));
    }

    /** A UID for components that have none, from their lines without the ones producers rewrite on each export. */
    static String derivedUid(List<ContentLines.Line> lines) {
        List<String> meaningful = new ArrayList<>();
        int depth = 0;
        boolean inZone = false;
        for (ContentLines.Line line : lines) {
            if (line.isBegin()) {
                depth++;
                inZone |= depth == 2 && line.component().equals("VTIMEZONE");
            }
            if (depth >= 2 && !inZone && !CanonicalForm.NOISE_PROPERTIES.contains(line.name())) {
                meaningful.add(line.text().strip());
            }
            if (line.isEnd()) {
                if (depth == 2) {
                    inZone = false;
                }
                depth--;
            }
        }
        meaningful.sort(null);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", meaningful).getBytes(StandardCharsets.UTF_8));
            return "calsync-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
