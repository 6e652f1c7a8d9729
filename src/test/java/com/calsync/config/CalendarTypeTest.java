package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarTypeTest {
    @Test
    void keepsTheNamesConfigJsonUses() {
        assertThat(CalendarType.jsonNames()).containsExactly("caldav", "folder", "feed", "eventkit");
        for (CalendarType type : CalendarType.values()) {
            assertThat(CalendarType.byJsonName(type.jsonName())).contains(type);
            assertThat(type.keys()).contains("type");
        }
        assertThat(CalendarType.byJsonName("Folder")).as("names are case-sensitive, as before").isEmpty();
        assertThat(CalendarType.byJsonName("webdav")).isEmpty();
    }

    @Test
    void eachCalendarKnowsItsType() {
        assertThat(new CalendarConfig.CalDav("w", "icloud", Optional.of("Work"), Optional.empty()).type())
                .isEqualTo(CalendarType.CALDAV);
        assertThat(new CalendarConfig.Folder("f", Path.of("/tmp/f")).type()).isEqualTo(CalendarType.FOLDER);
        assertThat(new CalendarConfig.Feed("h", URI.create("https://example.org/h.ics")).type()).isEqualTo(CalendarType.FEED);
        assertThat(new CalendarConfig.EventKit("m", "Home", Optional.empty()).type()).isEqualTo(CalendarType.EVENTKIT);
    }
}
