package com.calsync.store.eventkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.store.StoreException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IcsMappingTest {
    private final ZoneId mac = ZoneId.of("America/New_York");
    private final IcsMapping mapping = new IcsMapping(mac);

    private static EventData event(Instant start, Instant end, boolean allDay, Optional<ZoneId> zone,
                                   List<EventData.Rule> rules, Optional<Instant> recurrenceId) {
        return new EventData("Standup 日历 😀", start, end, allDay, zone, Optional.of("Room 4, Floor 2"),
                Optional.of("Notes, with; commas\nand lines"), Optional.of(URI.create("https://example.com/m?id=1")),
                EventData.Availability.TENTATIVE, rules,
                List.of(new EventData.Alarm(Optional.of(-900.0), Optional.empty()),
                        new EventData.Alarm(Optional.empty(), Optional.of(Instant.parse("2026-12-01T07:00:00Z")))),
                recurrenceId, Optional.empty());
    }

    @Test
    void zonedSeriesWithRulesAlarmsAndDetachedOccurrenceRoundTrips() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        EventData.Rule weekly = new EventData.Rule(EventData.Frequency.WEEKLY, 2,
                List.of(new EventData.DayOfWeek(2, 0), new EventData.DayOfWeek(4, 0)), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), 10);
        EventData.Rule monthly = new EventData.Rule(EventData.Frequency.MONTHLY, 1,
                List.of(new EventData.DayOfWeek(6, -1)), List.of(), List.of(3L, 9L), List.of(), List.of(), List.of(),
                Optional.of(Instant.parse("2027-12-31T23:00:00Z")), 0);
        EventData master = event(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"), false,
                Optional.of(berlin), List.of(weekly, monthly), Optional.empty());
        EventData moved = event(Instant.parse("2026-12-15T10:00:00Z"), Instant.parse("2026-12-15T10:30:00Z"), false,
                Optional.of(berlin), List.of(), Optional.of(Instant.parse("2026-12-15T08:00:00Z")));
        EventItem item = new EventItem("series-1", master, List.of(moved), List.of(Instant.parse("2026-12-29T08:00:00Z")));

        String ics = mapping.toIcs(item);

        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20261201T090000", "BEGIN:VTIMEZONE",
                "RRULE:FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,WE", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
                "RECURRENCE-ID;TZID=Europe/Berlin:20261215T090000", "EXDATE;TZID=Europe/Berlin:20261229T090000",
                "TRIGGER:-PT15M");
        assertThat(mapping.fromIcs("series-1", ics)).isEqualTo(item);
    }

    @Test
    void allDayEventsUseDatesAndEventKitsLastSecond() {
        Instant start = java.time.LocalDate.of(2026, 12, 24).atStartOfDay(mac).toInstant();
        Instant lastSecond = java.time.LocalDate.of(2026, 12, 26).atStartOfDay(mac).toInstant().minusSeconds(1);
        EventItem item = new EventItem("holiday", event(start, lastSecond, true, Optional.empty(), List.of(), Optional.empty()),
                List.of(), List.of());

        String ics = mapping.toIcs(item);

        assertThat(ics).contains("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261226").doesNotContain("VTIMEZONE");
        assertThat(mapping.fromIcs("holiday", ics)).isEqualTo(item);
        // EventKit may also report the end as midnight after the last day, or equal to the start
        assertThat(mapping.allDayEnd(java.time.LocalDate.of(2026, 12, 24), start)).isEqualTo("2026-12-25");
        assertThat(mapping.allDayEnd(java.time.LocalDate.of(2026, 12, 24), lastSecond.plusSeconds(1))).isEqualTo("2026-12-26");
    }

    @Test
    void floatingAndUtcTimesKeepTheirShape() {
        EventItem floating = new EventItem("f", event(Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T15:00:00Z"),
                false, Optional.empty(), List.of(), Optional.empty()), List.of(), List.of());
        assertThat(mapping.toIcs(floating)).contains("DTSTART:20261201T090000\r\n");
        assertThat(mapping.fromIcs("f", mapping.toIcs(floating))).isEqualTo(floating);

        EventItem utc = new EventItem("u", event(Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T15:00:00Z"),
                false, Optional.of(ZoneId.of("UTC")), List.of(), Optional.empty()), List.of(), List.of());
        assertThat(mapping.toIcs(utc)).contains("DTSTART:20261201T140000Z");
        assertThat(mapping.fromIcs("u", mapping.toIcs(utc)).master().zone().map(ZoneId::normalized))
                .contains(java.time.ZoneOffset.UTC);
    }

    @Test
    void itemsThatAreNotEventsAreRefusedWithTheUid() {
        String todo = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Buy milk\r\n"
                + "DTSTAMP:20261126T120000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> mapping.fromIcs("t1", todo)).isInstanceOf(StoreException.class)
                .hasMessageContaining("t1").hasMessageContaining("events only");
    }
}
