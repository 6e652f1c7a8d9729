package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryNamesTest {
    @Test
    void namesAreLowerCaseAsciiWithDashesWhateverTheLocale() {
        assertThat(EntryNames.slug("Work (Radicale)", "x")).isEqualTo("work-radicale");
        assertThat(EntryNames.slug("İstanbul Işık TİTLE", "x")).isEqualTo("istanbul-isik-title");
        assertThat(EntryNames.slug("Café Müller", "x")).isEqualTo("cafe-muller");
        assertThat(EntryNames.slug("家族", "calendar")).isEqualTo("calendar");
    }

    @Test
    void aTakenNameGetsANumber() {
        assertThat(EntryNames.unique("work", List.of("home"))).isEqualTo("work");
        assertThat(EntryNames.unique("work", List.of("work", "work-2"))).isEqualTo("work-3");
    }
}
