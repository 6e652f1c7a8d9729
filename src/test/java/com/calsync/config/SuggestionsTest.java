package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void aCloseNameIsSuggestedAndAFarOneIsNot() {
        assertThat(Suggestions.closest("wrok", List.of("work", "home"))).contains("work");
        assertThat(Suggestions.closest("intervl_minutes", List.of("interval_minutes", "sync_past_days")))
                .contains("interval_minutes");
        assertThat(Suggestions.closest("garden", List.of("work", "home"))).isEmpty();
    }

    @Test
    void caseIsFoldedTheSameWayInATurkishLocale() {
        Locale before = Locale.getDefault();
        // in Turkish "WIKI".toLowerCase() is "wıkı" (dotless ı): two edits from "wiki", past the limit of one
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(Suggestions.closest("WIKI", List.of("wiki", "work"))).contains("wiki");
            assertThat(Suggestions.didYouMean("INTERVAL_MINUTES", List.of("interval_minutes")))
                    .isEqualTo(", did you mean interval_minutes?");
        } finally {
            Locale.setDefault(before);
        }
    }
}
