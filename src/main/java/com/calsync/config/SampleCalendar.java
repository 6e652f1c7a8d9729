package com.calsync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo calendar bundled as {@code sample-calendar.ics}: open-ended series (weekly, monthly
 * BYSETPOS, yearly, weekday standup with EXDATEs and an override) that stay in any sync window
 * for years, plus one-off events written around {@link #ANCHOR}. Rendering moves the one-offs by
 * whole weeks so they sit around "today" (weekdays unchanged) whenever the demo is created.
 *
 * <p>The shift edits only the DTSTART/DTEND lines of events with neither RRULE nor
 * RECURRENCE-ID, on the text, so the file stays byte for byte as authored otherwise (CRLF,
 * folding, X- properties) — round-tripping through a parser would normalize what the demo is
 * meant to show.
 */
public final class SampleCalendar {
    /** The resource on the class path. */
    public static final String RESOURCE = "/sample-calendar.ics";
    /** The day the one-off events in the resource are arranged around. */
    public static final LocalDate ANCHOR = LocalDate.of(2026, 11, 26);

    private static final Pattern DATE_LINE =
            Pattern.compile("^(DTSTART|DTEND)((?:;[^:]*)?):(\\d{8})(T\\d{6}Z?)?$");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Clock clock;

    public SampleCalendar(Clock clock) {
        this.clock = clock;
    }

    /** The resource exactly as bundled. */
    public static String template() {
        try (InputStream in = SampleCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; the build is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The sample with its one-off events moved to sit around today. */
    public String render() {
        long days = ChronoUnit.DAYS.between(ANCHOR, LocalDate.now(clock));
        long shift = Math.floorDiv(days, 7) * 7;
        return shiftOneOffs(template(), shift);
    }

    static String shiftOneOffs(String ics, long days) {
        String[] lines = ics.split("\r\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        List<String> event = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new ArrayList<>();
            }
            if (event == null) {
                out.add(line);
                continue;
            }
            event.add(line);
            if (line.equals("END:VEVENT")) {
                boolean oneOff = event.stream().noneMatch(l -> l.startsWith("RRULE") || l.startsWith("RECURRENCE-ID"));
                for (String l : event) {
                    out.add(oneOff ? shiftLine(l, days) : l);
                }
                event = null;
            }
        }
        return String.join("\r\n", out);
    }

    private static String shiftLine(String line, long days) {
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return line;
        }
        LocalDate date = LocalDate.parse(m.group(3), BASIC).plusDays(days);
        return m.group(1) + m.group(2) + ":" + date.format(BASIC) + (m.group(4) == null ? "" : m.group(4));
    }
}
