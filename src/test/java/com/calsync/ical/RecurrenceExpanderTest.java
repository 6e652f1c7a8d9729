package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecurrenceExpanderTest {
    private static final TimeWindow NOVEMBER = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

    private final ItemParser parser = new ItemParser();
    private final RecurrenceExpander expander = new RecurrenceExpander(ZoneOffset.UTC);
    private final OccurrenceFinder finder = new OccurrenceFinder(ZoneOffset.UTC);

    private List<CalendarItem> expand(String name, TimeWindow window) throws MalformedItemException {
        return expander.expand(parser.parse(Corpus.read(name)), window);
    }

    private static Map<String, CalendarItem> byUid(List<CalendarItem> items) {
        return items.stream().collect(Collectors.toMap(CalendarItem::uid, Function.identity()));
    }

    @Test
    void aSingleEventComesBackAsItself() throws Exception {
        CalendarItem item = parser.parse(Corpus.read("floating-time.ics"));
        assertThat(expander.expand(item, NOVEMBER)).containsExactly(item);
        CalendarItem todo = parser.parse(Corpus.read("vtodo.ics"));
        assertThat(expander.expand(todo, NOVEMBER)).containsExactly(todo);
    }

    @Test
    void oneSingleEventPerOccurrenceWithStableUids() throws Exception {
        List<CalendarItem> items = expand("rdate-exdate.ics", NOVEMBER);
        assertThat(items).extracting(CalendarItem::uid).containsExactly(
                "rdate-exdate@example.com-20261102T090000Z",
                "rdate-exdate@example.com-20261116T090000Z",
                "rdate-exdate@example.com-20261126T140000Z",
                "rdate-exdate@example.com-20261130T090000Z");
        for (CalendarItem item : items) {
            String event = item.text().substring(item.text().indexOf("BEGIN:VEVENT"));
            assertThat(event).doesNotContain("RRULE").doesNotContain("EXDATE").doesNotContain("RDATE")
                    .doesNotContain("RECURRENCE-ID");
            assertThat(item.text()).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Berlin");
            assertThat(item.calendar().getComponents("VEVENT")).hasSize(1);
            assertThat(finder.hasOccurrenceIn(item, NOVEMBER)).isTrue();
        }
        assertThat(items.get(1).text()).contains("DTSTART;TZID=Europe/Berlin:20261116T100000")
                .contains("DTEND;TZID=Europe/Berlin:20261116T110000");
        // The RDATE occurrence keeps the series' length.
        assertThat(items.get(2).text()).contains("DTSTART;TZID=Europe/Berlin:20261126T150000")
                .contains("DTEND;TZID=Europe/Berlin:20261126T160000");
    }

    @Test
    void overridesReplaceTheirOccurrence() throws Exception {
        Map<String, CalendarItem> items = byUid(expand("recurrence-id-override.ics", NOVEMBER));
        assertThat(items).hasSize(10);
        CalendarItem moved = items.get("override@example.com-20261105T080000Z");
        assertThat(moved.text()).contains("SUMMARY:Daily stand-up (moved to the afternoon)")
                .contains("DTSTART;TZID=Europe/Berlin:20261105T140000").doesNotContain("RECURRENCE-ID");
        assertThat(items.get("override@example.com-20261106T080000Z").text()).contains("SUMMARY:Daily stand-up\r\n");
    }

    @Test
    void thisAndFutureAppliesToTheRest() throws Exception {
        List<CalendarItem> items = expand("range-thisandfuture.ics", NOVEMBER);
        assertThat(items).hasSize(5);
        assertThat(items.get(1).text()).contains("DTSTART;TZID=Europe/Berlin:20261109T100000").contains("SUMMARY:Team meeting\r\n");
        assertThat(items.get(2).text()).contains("DTSTART;TZID=Europe/Berlin:20261116T150000").contains("afternoons from now on");
        assertThat(items.get(3).uid()).isEqualTo("thisandfuture@example.com-20261123T090000Z");
        assertThat(items.get(3).text()).contains("DTSTART;TZID=Europe/Berlin:20261123T150000")
                .contains("DTEND;TZID=Europe/Berlin:20261123T160000").contains("afternoons from now on");
    }

    @Test
    void allDaySeriesUseDateUids() throws Exception {
        CalendarItem item = parser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:bday\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20001110\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Birthday\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n");
        List<CalendarItem> items = expander.expand(item, NOVEMBER);
        assertThat(items).extracting(CalendarItem::uid).containsExactly("bday-20261110");
        assertThat(items.get(0).text()).contains("DTSTART;VALUE=DATE:20261110");
    }

    @Test
    void expandingTwiceGivesTheSameText() throws Exception {
        for (String name : List.of("rdate-exdate.ics", "recurrence-id-override.ics", "range-thisandfuture.ics",
                "weekly-since-2015.ics", "rrule-bysetpos.ics")) {
            List<String> first = expand(name, NOVEMBER).stream().map(CalendarItem::text).toList();
            List<String> second = expand(name, NOVEMBER).stream().map(CalendarItem::text).toList();
            assertThat(first).as(name).isNotEmpty().isEqualTo(second);
        }
    }

    @Test
    void changingOneOverrideChangesOnlyItsItem() throws Exception {
        String text = Corpus.read("recurrence-id-override.ics");
        Map<String, CalendarItem> before = byUid(expander.expand(parser.parse(text), NOVEMBER));
        Map<String, CalendarItem> after = byUid(expander.expand(
                parser.parse(text.replace("(moved to the afternoon)", "(moved, room 5)")), NOVEMBER));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<String> changed = before.keySet().stream()
                .filter(uid -> !before.get(uid).text().equals(after.get(uid).text())).toList();
        assertThat(changed).containsExactly("override@example.com-20261105T080000Z");
    }

    @Test
    void vendorPropertiesSurviveExpansion() throws Exception {
        String series = Corpus.read("apple-google-x-properties.ics")
                .replace("DTEND;TZID=Europe/Berlin:20261211T220000", "DTEND;TZID=Europe/Berlin:20261211T220000\r\nRRULE:FREQ=DAILY;COUNT=2");
        List<CalendarItem> items = expander.expand(parser.parse(series), TimeWindow.ALL);
        assertThat(items).hasSize(2);
        Map<String, java.util.Set<String>> props = MeaningfulProperties.of(items.get(1).text());
        assertThat(props.get("VEVENT")).anyMatch(l -> l.startsWith("X-APPLE-STRUCTURED-LOCATION;"))
                .contains("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij")
                .contains("DTSTART;TZID=Europe/Berlin:20261212T190000");
    }

    @Test
    void zonesWithoutABlockGetTheBundledDefinition() throws Exception {
        String series = Corpus.read("outlook-china-no-vtimezone.ics")
                .replace("DTEND;TZID=Pacific Standard Time:20261209T180000", "DTEND;TZID=Pacific Standard Time:20261209T180000\r\nRRULE:FREQ=DAILY;COUNT=2");
        List<CalendarItem> items = expander.expand(parser.parse(series), TimeWindow.ALL);
        assertThat(items).hasSize(2);
        String text = items.get(0).text();
        assertThat(text).contains("BEGIN:VTIMEZONE").contains("TZID:China Standard Time\r\n").contains("TZID:Pacific Standard Time")
                .doesNotContain("TZURL");
        assertThat(items.get(1).uid()).isEqualTo("outlook-china-1@example.com-20261211T010000Z");
        assertThat(items.get(1).text()).contains("DTSTART;TZID=China Standard Time:20261211T090000");
    }

    @Test
    void anEndlessSeriesInTheUnboundedWindowStopsAtTheCap() throws Exception {
        List<CalendarItem> items = expand("weekly-since-2015.ics", TimeWindow.ALL);
        assertThat(items).hasSize(RecurrenceExpander.MAX_OCCURRENCES);
        assertThat(items.get(0).uid()).isEqualTo("weekly-2015@example.com-20150105T080000Z");
        assertThat(items.get(1).uid()).isEqualTo("weekly-2015@example.com-20150112T080000Z");
    }
}
