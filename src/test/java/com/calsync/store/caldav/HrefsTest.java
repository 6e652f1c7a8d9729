package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HrefsTest {
    private final URI base = URI.create("https://dav.example.org/cal/work/");

    @Test
    void everySpellingOfAnHrefBecomesOne() {
        String expected = "/cal/work/a%20b%C3%BC.ics";
        assertThat(Hrefs.canonical(base, "/cal/work/a b\u00fc.ics")).isEqualTo(expected);
        assertThat(Hrefs.canonical(base, "/cal/work/a%20b%c3%bc.ics")).isEqualTo(expected);
        assertThat(Hrefs.canonical(base, "https://dav.example.org/cal/work/a%20b%C3%BC.ics")).isEqualTo(expected);
        assertThat(Hrefs.canonical(base, "a%20b%C3%BC.ics")).isEqualTo(expected);
    }

    @Test
    void encodedSlashesAndPercentsStayPartOfTheirSegment() {
        assertThat(Hrefs.canonical(base, "/cal/work/a%2Fb.ics")).isEqualTo("/cal/work/a%2Fb.ics");
        assertThat(Hrefs.canonical(base, "/cal/work/100%25.ics")).isEqualTo("/cal/work/100%25.ics");
        assertThat(Hrefs.canonical(base, "/cal/work/stray%zz.ics")).isEqualTo("/cal/work/stray%25zz.ics");
        assertThat(Hrefs.canonical(base, "/cal/work/a+b@c.ics")).isEqualTo("/cal/work/a%2Bb%40c.ics");
    }

    @Test
    void anAbsoluteHrefMayNameAnotherHost() {
        // iCloud names the calendar home on a partition host of its own.
        URI principal = URI.create("https://caldav.icloud.com/123456/principal/");
        assertThat(CalDavDiscovery.absolute(principal, "https://p42-caldav.icloud.com:443/123456/calendars/"))
                .isEqualTo(URI.create("https://p42-caldav.icloud.com:443/123456/calendars/"));
        assertThat(CalDavDiscovery.absolute(principal, "/123456/calendars/"))
                .isEqualTo(URI.create("https://caldav.icloud.com/123456/calendars/"));
    }

    @Test
    void resolvedHrefsPointAtTheSameServer() {
        assertThat(Hrefs.resolve(base, "/cal/work/x%20y.ics"))
                .isEqualTo(URI.create("https://dav.example.org/cal/work/x%20y.ics"));
        assertThat(Hrefs.pathOf(URI.create("http://h:8080/a%7eb/"))).isEqualTo("/a~b/");
    }
}
