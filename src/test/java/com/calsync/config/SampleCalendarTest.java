package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SampleCalendarTest {

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void theBundledFileIsCrlfFoldedAndEveryEventHasUidAndStart() throws Exception {
        String ics = SampleCalendar.template();

        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        List<VEvent> events = parse(ics).getComponents(Component.VEVENT);
        assertThat(events).hasSize(13);
        for (VEvent e : events) {
            assertThat(e.getProperty(Property.UID)).as(e.toString()).isPresent();
            assertThat(e.getProperty(Property.DTSTART)).as(e.toString()).isPresent();
        }
    }

    @Test
    void theSampleShowsTheCasesASyncMustHandle() {
        String ics = SampleCalendar.template();

        assertThat(ics).contains(
                "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin",
                "RRULE:FREQ=WEEKLY;BYDAY=MO",
                "BYSETPOS=-1",
                "RRULE:FREQ=YEARLY",
                "EXDATE;TZID=Europe/Berlin:",
                "RECURRENCE-ID;TZID=Europe/Berlin:",
                "DTSTART;VALUE=DATE:20261218\r\nDTEND;VALUE=DATE:20261220",
                "DTSTART:20261205T073000\r\n", // floating
                "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
                "BEGIN:VALARM",
                "ATTENDEE;CN=Wang Wei",
                "团队聚餐 🍜🎉");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T08:00:00Z", "2026-12-02T23:00:00Z", "2029-07-04T12:00:00Z", "2033-02-28T06:00:00Z"})
    void everyItemHasAnOccurrenceInTheDefaultWindowWheneverTheDemoIsCreated(String now) throws Exception {
        Instant instant = Instant.parse(now);
        String rendered = new SampleCalendar(Clock.fixed(instant, ZoneOffset.UTC)).render();
        ZonedDateTime start = instant.atZone(ZoneOffset.UTC).minusDays(SyncSettings.DEFAULTS.syncPastDays());
        ZonedDateTime end = instant.atZone(ZoneOffset.UTC).plusDays(SyncSettings.DEFAULTS.syncFutureDays());

        Map<String, Boolean> inWindow = new HashMap<>();
        for (VEvent e : parse(rendered).<VEvent>getComponents(Component.VEVENT)) {
            String uid = e.getUid().orElseThrow().getValue();
            Period<Temporal> window = new Period<>(start, end);
            boolean any = !e.calculateRecurrenceSet(window).isEmpty();
            inWindow.merge(uid, any, Boolean::logicalOr);
        }
        assertThat(inWindow).hasSize(12).doesNotContainValue(false);
    }

    @Test
    void oneOffsMoveByWholeWeeksAndSeriesStayPut() {
        String ics = SampleCalendar.template();
        String shifted = SampleCalendar.shiftOneOffs(ics, 14);

        assertThat(shifted).contains("DTSTART:20261219T073000\r\n", "DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270103",
                "DTSTART;TZID=W. Europe Standard Time:20261229T140000");
        assertThat(shifted).contains("DTSTART;TZID=Europe/Berlin:20261005T100000", "RECURRENCE-ID;TZID=Europe/Berlin:20261130T100000",
                "DTSTART;TZID=Europe/Berlin:20261130T140000");
        assertThat(new SampleCalendar(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC)).render()).isEqualTo(ics);
    }
}
