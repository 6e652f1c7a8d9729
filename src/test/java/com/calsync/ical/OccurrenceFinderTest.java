package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OccurrenceFinderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final TimeWindow USUAL = TimeWindow.around(NOW, 30, 365);

    private final ItemParser parser = new ItemParser();
    private final OccurrenceFinder finder = new OccurrenceFinder(ZoneOffset.UTC);

    private CalendarItem corpus(String name) throws MalformedItemException {
        return parser.parse(Corpus.read(name));
    }

    private static TimeWindow window(String from, String to) {
        return new TimeWindow(Instant.parse(from), Instant.parse(to));
    }

    private static String event(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20260101T000000Z\r\n"
                + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void aWeeklySeriesBegunIn2015WithoutEndIsInTodaysWindow() throws Exception {
        assertThat(finder.hasOccurrenceIn(corpus("weekly-since-2015.ics"), USUAL)).isTrue();
        // Monday 2026-11-30 09:00 Berlin = 08:00Z; the Sunday before has none.
        assertThat(finder.hasOccurrenceIn(corpus("weekly-since-2015.ics"), window("2026-11-30T08:30:00Z", "2026-11-30T09:30:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(corpus("weekly-since-2015.ics"), window("2026-11-29T00:00:00Z", "2026-11-30T07:59:00Z"))).isFalse();
    }

    @Test
    void intervalsKeepTheirRhythmOverTheYears() throws Exception {
        CalendarItem fortnightly = parser.parse(event("DTSTART;TZID=Europe/Berlin:20150105T090000",
                "DTEND;TZID=Europe/Berlin:20150105T100000", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"));
        // 2026-11-30 is 621 weeks after the start (odd: no meeting), 2026-12-07 is 622 weeks after.
        assertThat(finder.hasOccurrenceIn(fortnightly, window("2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(fortnightly, window("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"))).isTrue();
        CalendarItem everyThirdDay = parser.parse(event("DTSTART:20150101T120000Z", "DTEND:20150101T130000Z",
                "RRULE:FREQ=DAILY;INTERVAL=3"));
        // 2026-11-26 is 4347 = 3 x 1449 days after the start.
        assertThat(finder.hasOccurrenceIn(everyThirdDay, window("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(everyThirdDay, window("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"))).isFalse();
        // A start that is not one of the rule's days still counts once, and does not shift the rule.
        CalendarItem offDay = parser.parse(event("DTSTART:20150103T120000Z", "DTEND:20150103T130000Z",
                "RRULE:FREQ=WEEKLY;BYDAY=MO"));
        assertThat(finder.hasOccurrenceIn(offDay, window("2015-01-03T00:00:00Z", "2015-01-04T00:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(offDay, window("2026-11-28T00:00:00Z", "2026-11-30T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(offDay, window("2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"))).isTrue();
    }

    @Test
    void aCountedSeriesFrom2015IsNotInTodaysWindow() throws Exception {
        assertThat(finder.hasOccurrenceIn(corpus("count-series-2015.ics"), USUAL)).isFalse();
        assertThat(finder.hasOccurrenceIn(corpus("count-series-2015.ics"), window("2015-03-09T00:00:00Z", "2015-03-10T00:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(corpus("count-series-2015.ics"), window("2015-03-16T00:00:00Z", "2015-03-17T00:00:00Z"))).isFalse();
    }

    @Test
    void theUnboundedWindowHoldsEverything() throws Exception {
        assertThat(finder.hasOccurrenceIn(corpus("count-series-2015.ics"), TimeWindow.ALL)).isTrue();
    }

    @Test
    void untilEndsASeries() throws Exception {
        CalendarItem item = parser.parse(event("DTSTART:20250106T080000Z", "DTEND:20250106T090000Z",
                "RRULE:FREQ=WEEKLY;UNTIL=20261110T000000Z"));
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-10T00:00:00Z", "2027-11-10T00:00:00Z"))).isFalse();
    }

    @Test
    void anExdateRemovesTheOnlyOccurrenceInTheWindow() throws Exception {
        String series = event("DTSTART:20261020T080000Z", "DTEND:20261020T090000Z", "RRULE:FREQ=WEEKLY;COUNT=3");
        TimeWindow oneWeek = window("2026-10-26T00:00:00Z", "2026-11-02T00:00:00Z");
        assertThat(finder.hasOccurrenceIn(parser.parse(series), oneWeek)).isTrue();
        String excluded = series.replace("COUNT=3", "COUNT=3\r\nEXDATE:20261027T080000Z");
        assertThat(finder.hasOccurrenceIn(parser.parse(excluded), oneWeek)).isFalse();
    }

    @Test
    void anExdateGivenAsADateRemovesTheTimedOccurrenceThatDay() throws Exception {
        CalendarItem item = parser.parse(event("DTSTART:20261020T080000Z", "DTEND:20261020T090000Z",
                "RRULE:FREQ=DAILY;COUNT=5", "EXDATE;VALUE=DATE:20261022"));
        assertThat(finder.hasOccurrenceIn(item, window("2026-10-22T00:00:00Z", "2026-10-23T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-10-23T00:00:00Z", "2026-10-24T00:00:00Z"))).isTrue();
    }

    @Test
    void windowsReachingTheEndsOfTimeDoNotOverflow() throws Exception {
        CalendarItem item = corpus("weekly-since-2015.ics");
        assertThat(finder.hasOccurrenceIn(item, new TimeWindow(Instant.MIN, Instant.parse("2015-01-06T00:00:00Z")))).isTrue();
        assertThat(finder.hasOccurrenceIn(corpus("count-series-2015.ics"), new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), Instant.MAX))).isFalse();
    }

    @Test
    void exdatesAndRdatesInAZone() throws Exception {
        CalendarItem item = corpus("rdate-exdate.ics");
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-16T09:00:00Z", "2026-11-16T09:30:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-26T14:00:00Z", "2026-11-26T14:30:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-08T00:00:00Z", "2027-12-08T00:00:00Z"))).isFalse();
    }

    @Test
    void anOverrideMovedOutOfTheWindowTakesItsOccurrenceAlong() throws Exception {
        CalendarItem item = corpus("recurrence-id-override.ics");
        // 2026-11-05 09:00 Berlin (08:00Z) was moved to 14:00 Berlin (13:00Z).
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-05T07:00:00Z", "2026-11-05T09:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-05T13:00:00Z", "2026-11-05T13:10:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-06T07:00:00Z", "2026-11-06T09:00:00Z"))).isTrue();
    }

    @Test
    void anOverrideMovedIntoTheWindowBringsItsSeriesIn() throws Exception {
        String series = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                + "BEGIN:VEVENT\r\nUID:m\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T080000Z\r\nDTEND:20260105T090000Z\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:m\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260119T080000Z\r\n"
                + "DTSTART:20261201T080000Z\r\nDTEND:20261201T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(finder.hasOccurrenceIn(parser.parse(series), USUAL)).isTrue();
        assertThat(finder.hasOccurrenceIn(parser.parse(series), window("2026-01-19T00:00:00Z", "2026-01-20T00:00:00Z"))).isFalse();
    }

    @Test
    void thisAndFutureMovesTheRestOfTheSeries() throws Exception {
        CalendarItem item = corpus("range-thisandfuture.ics");
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-09T09:00:00Z", "2026-11-09T09:30:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-23T14:00:00Z", "2026-11-23T14:30:00Z"))).isTrue();
    }

    @Test
    void bysetposPicksTheLastWorkingDay() throws Exception {
        CalendarItem item = corpus("rrule-bysetpos.ics");
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-26T00:00:00Z", "2026-11-30T00:00:00Z"))).isFalse();
        assertThat(finder.hasOccurrenceIn(item, window("2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-31T16:00:00Z", "2026-12-31T16:30:00Z"))).isTrue();
    }

    @Test
    void allDayEventsWithoutDtendLastOneDay() throws Exception {
        CalendarItem item = corpus("all-day-without-dtend.ics");
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-24T22:00:00Z", "2026-12-24T23:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-25T00:00:00Z", "2026-12-26T00:00:00Z"))).isFalse();
    }

    @Test
    void floatingTimesAreReadInTheGivenZone() throws Exception {
        CalendarItem item = corpus("floating-time.ics");
        TimeWindow tokyoMorning = window("2026-12-04T22:30:00Z", "2026-12-04T23:30:00Z");
        assertThat(new OccurrenceFinder(ZoneId.of("Asia/Tokyo")).hasOccurrenceIn(item, tokyoMorning)).isTrue();
        assertThat(finder.hasOccurrenceIn(item, tokyoMorning)).isFalse();
    }

    @Test
    void durationGivesTheEnd() throws Exception {
        CalendarItem item = corpus("duration-instead-of-dtend.ics");
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-07T16:15:00Z", "2026-12-07T17:00:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-07T16:30:00Z", "2026-12-07T17:00:00Z"))).isFalse();
    }

    @Test
    void windowsZoneNamesPlaceTheEvent() throws Exception {
        CalendarItem item = corpus("outlook-windows-zone.ics");
        // 10:00 W. Europe = 09:00Z on 2026-12-03.
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-03T09:00:00Z", "2026-12-03T09:05:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(item, window("2026-12-03T10:30:00Z", "2026-12-03T11:00:00Z"))).isFalse();
    }

    @Test
    void todosUseDueAndUndatedOnesAreAlwaysIn() throws Exception {
        CalendarItem todo = corpus("vtodo.ics");
        assertThat(finder.hasOccurrenceIn(todo, USUAL)).isTrue();
        assertThat(finder.hasOccurrenceIn(todo, window("2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z"))).isFalse();
        CalendarItem undated = parser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:u\r\n"
                + "DTSTAMP:20260101T000000Z\r\nSUMMARY:Someday\r\nEND:VTODO\r\nEND:VCALENDAR\r\n");
        assertThat(finder.hasOccurrenceIn(undated, window("2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z"))).isTrue();
    }

    @Test
    void aLongDailySeriesIsFoundInALateWindow() throws Exception {
        CalendarItem daily = parser.parse(event("DTSTART;TZID=Europe/Berlin:20160101T070000",
                "DTEND;TZID=Europe/Berlin:20160101T073000", "RRULE:FREQ=DAILY;UNTIL=20351231T000000Z"));
        assertThat(finder.hasOccurrenceIn(daily, window("2030-06-01T05:00:00Z", "2030-06-01T05:10:00Z"))).isTrue();
        assertThat(finder.hasOccurrenceIn(daily, window("2036-06-01T00:00:00Z", "2037-06-01T00:00:00Z"))).isFalse();
    }

    @Test
    void everyDatedCorpusItemIsInTheUsualWindowExceptTheOld() throws Exception {
        for (java.nio.file.Path file : Corpus.files()) {
            String name = file.getFileName().toString();
            boolean expected = !name.equals("count-series-2015.ics") && !name.equals("stale-vtimezone.ics");
            assertThat(finder.hasOccurrenceIn(corpus(name), USUAL)).as(name).isEqualTo(expected);
        }
    }
}
