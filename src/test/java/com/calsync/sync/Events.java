package com.calsync.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small, valid iCalendar texts for engine tests. */
final class Events {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Events() {
    }

    static String event(String uid, String summary, Instant start) {
        return event(uid, summary, start, "");
    }

    /** A one-hour event; {@code extra} holds further content lines, each ending in CRLF. */
    static String event(String uid, String summary, Instant start, String extra) {
        return "BEGIN:VCALENDAR\r\n"
                + "VERSION:2.0\r\n"
                + "PRODID:-//CalSync tests//EN\r\n"
                + "BEGIN:VEVENT\r\n"
                + "UID:" + uid + "\r\n"
                + "DTSTAMP:20261101T000000Z\r\n"
                + "DTSTART:" + UTC.format(start) + "\r\n"
                + "DTEND:" + UTC.format(start.plusSeconds(3600)) + "\r\n"
                + "SUMMARY:" + summary + "\r\n"
                + extra
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
    }

    static String todo(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync tests//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:" + summary + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }
}
