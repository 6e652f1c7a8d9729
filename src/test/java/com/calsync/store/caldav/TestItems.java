package com.calsync.store.caldav;

/** iCalendar texts for the CalDAV tests. */
final class TestItems {
    private TestItems() {}

    static String event(String uid, String summary) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//CalSync//tests//EN",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:20240101T000000Z",
                "DTSTART:20240301T100000Z",
                "DTEND:20240301T110000Z",
                "SUMMARY:" + summary,
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }

    /** A weekly series starting long ago, to check listings never drop series. */
    static String weeklySeries(String uid, String summary) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//CalSync//tests//EN",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:20240101T000000Z",
                "DTSTART:20200106T090000Z",
                "DTEND:20200106T093000Z",
                "RRULE:FREQ=WEEKLY",
                "SUMMARY:" + summary,
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }
}
