package com.calsync.store;

import java.util.Locale;

/** Small realistic iCalendar items for store tests, and readers for the properties they check. */
public final class SampleItems {
    private SampleItems() {}

    /** A one-hour VEVENT in its own VCALENDAR, CRLF line ends, lines folded at 75 octets. */
    public static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\n"
                + "VERSION:2.0\r\n"
                + "PRODID:-//CalSync//store tests//EN\r\n"
                + "BEGIN:VEVENT\r\n"
                + fold("UID:" + uid)
                + "DTSTAMP:20261126T120000Z\r\n"
                + "DTSTART:20261201T090000Z\r\n"
                + "DTEND:20261201T100000Z\r\n"
                + fold("SUMMARY:" + summary)
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
    }

    /** The value of the first {@code name} property, lines unfolded; null when absent. */
    public static String property(String ics, String name) {
        String unfolded = ics.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "");
        String prefix = name.toUpperCase(Locale.ROOT);
        for (String line : unfolded.split("\n")) {
            if (line.toUpperCase(Locale.ROOT).startsWith(prefix)
                    && line.length() > prefix.length()
                    && (line.charAt(prefix.length()) == ':' || line.charAt(prefix.length()) == ';')) {
                return line.substring(line.indexOf(':') + 1);
            }
        }
        return null;
    }

    public static String uidOf(String ics) {
        return property(ics, "UID");
    }

    public static String summaryOf(String ics) {
        return property(ics, "SUMMARY");
    }

    /** RFC 5545 §3.1 folding: at most 75 octets a line, never splitting a UTF-8 sequence. */
    static String fold(String line) {
        return com.calsync.ical.ContentLineFolder.fold(line, "\r\n") + "\r\n";
    }
}
