package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownCalendarTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void roundTripsThroughItsTextWithEveryFieldOfTheCalendar() {
        CalendarInfo info = new CalendarInfo(URI.create("https://dav.example/cal/家/"), "Work \"quoted\" 家",
                Optional.of("#FF0000"), Optional.empty(), true, Set.of("VEVENT", "VTODO"), true);
        KnownCalendar known = new KnownCalendar("https://dav.example/ me Work", T, info);

        assertThat(KnownCalendar.parse(known.toText())).contains(known);
    }

    @Test
    void theKeyNamesTheServerTheUserAndWhatWasAskedFor() {
        CalDavAccount account = CalDavAccount.anonymous("local", URI.create("http://127.0.0.1:5232/"));
        assertThat(KnownCalendar.keyOf(account, "Work")).isEqualTo("http://127.0.0.1:5232/  Work");
        assertThat(KnownCalendar.keyOf(account, "Work")).isNotEqualTo(KnownCalendar.keyOf(account, "Home"));
    }

    @Test
    void anythingElseIsNothingRemembered() {
        assertThat(KnownCalendar.parse("")).isEmpty();
        assertThat(KnownCalendar.parse("not json")).isEmpty();
        assertThat(KnownCalendar.parse("{\"key\":\"k\"}")).isEmpty();
        assertThat(KnownCalendar.parse("{\"key\":\"k\",\"checked_at\":\"yesterday\",\"url\":\"http://a/\"}")).isEmpty();
    }
}
