package com.calsync.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Calendars page's words and colours, without a window. */
class CalendarsPageTest {
    @Test
    void aSubscriptionIsNamedAfterItsFileWithoutQueryOrExtension() {
        assertThat(CalendarsPage.lastSegment("https://example.org/cal/holidays.ics?token=abc#x")).isEqualTo("holidays");
        assertThat(CalendarsPage.lastSegment("webcal://example.org/feeds/school/")).isEqualTo("school");
        assertThat(CalendarsPage.lastSegment("~/Downloads/Team.ICS")).isEqualTo("Team");
        assertThat(CalendarsPage.lastSegment("holidays.ics")).isEqualTo("holidays");
    }

    @Test
    void calendarColoursBecomeCssOrAPlainGrey() {
        assertThat(CalendarsPage.cssColor("#FF2968FF")).isEqualTo("#FF2968"); // Apple's calendar-color, with alpha
        assertThat(CalendarsPage.cssColor(" #0e61b9 ")).isEqualTo("#0e61b9");
        assertThat(CalendarsPage.cssColor("red; -fx-effect: x")).isEqualTo("#b0b0b0"); // a server's text never reaches CSS as is
    }
}
