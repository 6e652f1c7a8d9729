package com.calsync.bench;

import com.calsync.ical.ContentLineFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes realistic events as a vdir (one {@code UID.ics} per item) for benchmarks: about 70 %
 * timed events in several zones, 15 % all-day, 10 % weekly or monthly series (some with EXDATE
 * and an override), 5 % rich ones (alarm, attendees, long non-ASCII text). Start dates lie
 * between 25 days before and 360 days after {@code now}, so all of them fall in the default
 * window; the output depends only on the count, the seed and {@code now}'s day.
 */
public final class EventGenerator {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", java.util.Locale.ROOT);
    private static final DateTimeFormatter UTC = LOCAL.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", java.util.Locale.ROOT);
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Shanghai", "UTC"};
    private static final String[] SUMMARIES = {"Team standup", "1:1 with manager", "Dentist", "Lunch with Sam",
        "Quarterly review", "Flight to Berlin", "Réunion d'équipe", "Zahnarzt – Kontrolle", "周会", "歓迎会 🍻",
        "Customer call: ACME Corp.", "Architecture review; storage layer", "Pick up kids, then groceries"};
    private static final String LONG_TEXT = "会议议程：回顾上周的工作进展，讨论下一季度的产品路线图，以及确认各团队的资源分配和时间安排。"
            + " 🎉 Bring your appetite 😋 — Größe, Maße, Gewicht: alles ist im Wiki dokumentiert.";

    private final Random random;
    private final Instant now;

    public EventGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.DAYS);
    }

    /** Writes {@code count} items into {@code dir}; returns their UIDs in order. */
    public List<String> writeVdir(int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> uids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String uid = new UUID(random.nextLong(), random.nextLong()).toString();
            Files.writeString(dir.resolve(uid + ".ics"), event(uid), StandardCharsets.UTF_8);
            uids.add(uid);
        }
        return uids;
    }

    /** One item's text. */
    public String event(String uid) {
        double kind = random.nextDouble();
        String zone = ZONES[random.nextInt(ZONES.length)];
        LocalDateTime start = LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                .plusDays(random.nextInt(385) - 25).withHour(7 + random.nextInt(13))
                .withMinute(15 * random.nextInt(4));
        StringBuilder ev = new StringBuilder();
        line(ev, "UID:" + uid);
        line(ev, "DTSTAMP:" + UTC.format(now.minusSeconds(random.nextInt(5_000_000))));
        line(ev, "SUMMARY:" + escape(SUMMARIES[random.nextInt(SUMMARIES.length)]));
        if (kind < 0.15) {
            line(ev, "DTSTART;VALUE=DATE:" + DATE.format(start));
            line(ev, "DTEND;VALUE=DATE:" + DATE.format(start.plusDays(1 + random.nextInt(3))));
            line(ev, "TRANSP:TRANSPARENT");
            return calendar(ev.toString(), null);
        }
        line(ev, dateTime("DTSTART", start, zone));
        line(ev, dateTime("DTEND", start.plusMinutes(30L * (1 + random.nextInt(4))), zone));
        if (random.nextDouble() < 0.3) {
            line(ev, "LOCATION:" + escape("Alexanderplatz 1, 10178 Berlin; Room " + random.nextInt(500)));
        }
        if (kind < 0.25) {
            boolean weekly = random.nextBoolean();
            line(ev, weekly ? "RRULE:FREQ=WEEKLY;COUNT=" + (4 + random.nextInt(40))
                    : "RRULE:FREQ=MONTHLY;BYDAY=" + (1 + random.nextInt(3)) + "TU");
            if (weekly && random.nextBoolean()) {
                line(ev, dateTime("EXDATE", start.plusWeeks(2), zone));
            }
        } else if (kind < 0.30) {
            line(ev, "DESCRIPTION:" + escape(LONG_TEXT));
            line(ev, "ORGANIZER;CN=\"Doe, Jane\":mailto:jane@example.com");
            line(ev, "ATTENDEE;CN=王小明;PARTSTAT=ACCEPTED:mailto:xiaoming@example.cn");
            ev.append("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n");
        }
        return calendar(ev.toString(), "UTC".equals(zone) ? null : zone);
    }

    private static String dateTime(String name, LocalDateTime local, String zone) {
        if ("UTC".equals(zone)) {
            return name + ":" + UTC.format(local.toInstant(ZoneOffset.UTC));
        }
        return name + ";TZID=" + zone + ":" + LOCAL.format(local.atZone(ZoneId.of(zone)).toLocalDateTime());
    }

    private static String calendar(String event, String zone) {
        StringBuilder cal = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync//bench//EN\r\n");
        if (zone != null) {
            cal.append(vtimezone(zone));
        }
        return cal.append("BEGIN:VEVENT\r\n").append(event).append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString();
    }

    private static String vtimezone(String zone) {
        return switch (zone) {
            case "Europe/Berlin" -> "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n"
                    + "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                    + "END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
                    + "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
            case "America/New_York" -> "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\n"
                    + "TZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
                    + "END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n"
                    + "DTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
            default -> "BEGIN:VTIMEZONE\r\nTZID:" + zone + "\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\n"
                    + "TZNAME:CST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        };
    }

    /** Appends a content line folded at 75 octets (RFC 5545 3.1). */
    private static void line(StringBuilder out, String line) {
        out.append(ContentLineFolder.fold(line, "\r\n")).append("\r\n");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
