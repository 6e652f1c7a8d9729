package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameContentTest {
    @Test
    void aServersReserializationIsTheSameItem() {
        String sent = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//us//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
                + "DTSTAMP:20240101T000000Z\r\nDTSTART;TZID=Europe/Berlin;VALUE=DATE-TIME:20240301T100000\r\n"
                + "SUMMARY:A long summary that a server may well fold onto two lines when it writes it back\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        String stored = "BEGIN:VCALENDAR\r\nPRODID:-//server//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                + "SUMMARY:A long summary that a server may well fold onto two lines when it w\r\n rites it back\r\n"
                + "DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin:20240301T100000\r\nUID:u1\r\n"
                + "DTSTAMP:20240202T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        assertThat(SameContent.sameItem(sent, stored)).isTrue();
    }

    @Test
    void anotherSummaryIsAnotherItem() {
        assertThat(SameContent.sameItem(TestItems.event("u", "Mine"), TestItems.event("u", "Theirs"))).isFalse();
    }
}
