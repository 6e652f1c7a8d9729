package com.calsync.sync;

import java.util.List;

/**
 * A weekly series with details a busy copy must not reveal: every string in {@link #PRIVATE}
 * appears in the source and nowhere in a busy copy. Starts Monday 2026-11-30 09:00 Berlin time,
 * one hour, ten times; the 2nd occurrence is moved to 11:00-12:30, the 3rd is an exception, the
 * 4th is an override the owner declined.
 */
public final class PrivateSeries {
    public static final String UID = "secret-series-77@family.example";
    public static final String OWNER = "me@family.example";
    /** What only the source holds. */
    public static final List<String> PRIVATE = List.of(UID, "Therapy with Dr. Who", "Dr. Who", "12 Baker Street",
            "bring the forms", "aunt.may@family.example", "doctor@clinic.example", "X-FAMILY-SECRET", "hush",
            "https://clinic.example/appointment/77", "Health", "Family calendar", "Remember the therapy",
            "-//Family App//Secret Build 1//EN", "PRIVATE", OWNER);

    private PrivateSeries() {
    }

    public static String text() {
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Family App//Secret Build 1//EN",
                "X-WR-CALNAME:Family calendar",
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Berlin",
                "BEGIN:STANDARD",
                "DTSTART:19701025T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:19700329T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200",
                "END:DAYLIGHT",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "UID:" + UID,
                "DTSTAMP:20261101T080000Z",
                "DTSTART;TZID=Europe/Berlin:20261130T090000",
                "DTEND;TZID=Europe/Berlin:20261130T100000",
                "RRULE:FREQ=WEEKLY;COUNT=10",
                "EXDATE;TZID=Europe/Berlin:20261214T090000",
                "SUMMARY:Therapy with Dr. Who",
                "DESCRIPTION:bring the forms",
                "LOCATION:12 Baker Street",
                "URL:https://clinic.example/appointment/77",
                "CATEGORIES:Health",
                "CLASS:PRIVATE",
                "ORGANIZER;CN=Dr. Who:mailto:doctor@clinic.example",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + OWNER,
                "ATTENDEE;CN=Aunt May;PARTSTAT=ACCEPTED:mailto:aunt.may@family.example",
                "X-FAMILY-SECRET:hush",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:Remember the therapy",
                "TRIGGER:-PT15M",
                "END:VALARM",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:" + UID,
                "DTSTAMP:20261101T080000Z",
                "RECURRENCE-ID;TZID=Europe/Berlin:20261207T090000",
                "DTSTART;TZID=Europe/Berlin:20261207T110000",
                "DTEND;TZID=Europe/Berlin:20261207T123000",
                "SUMMARY:Therapy with Dr. Who",
                "LOCATION:12 Baker Street",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + OWNER,
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:" + UID,
                "DTSTAMP:20261101T080000Z",
                "RECURRENCE-ID;TZID=Europe/Berlin:20261221T090000",
                "DTSTART;TZID=Europe/Berlin:20261221T090000",
                "DTEND;TZID=Europe/Berlin:20261221T100000",
                "SUMMARY:Therapy with Dr. Who",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:" + OWNER,
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }
}
