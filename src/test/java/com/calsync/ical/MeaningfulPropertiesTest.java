package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeaningfulPropertiesTest {

    @Test
    void listsPropertiesPerComponentWithoutNoise() {
        Map<String, Set<String>> props = MeaningfulProperties.of(Corpus.read("recurrence-id-override.ics"));
        assertThat(props).containsKeys("VEVENT", "VEVENT/20261105T090000");
        assertThat(props.get("VEVENT")).contains("SUMMARY:Daily stand-up", "RRULE:FREQ=DAILY;COUNT=10")
                .noneMatch(l -> l.startsWith("DTSTAMP"));
        Map<String, Set<String>> apple = MeaningfulProperties.of(Corpus.read("apple-google-x-properties.ics"));
        assertThat(apple.get("VEVENT")).contains(
                "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=Herbert-von-Karajan-Str. 1, 10785 Berlin, Germany;"
                        + "X-APPLE-RADIUS=141.17;X-TITLE=Philharmonie:geo:52.510000,13.370000");
    }

    @Test
    void reportsWhatALossyCopyDropped() {
        String original = Corpus.read("apple-google-x-properties.ics");
        String lossy = original.replace("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n", "")
                .replace("SEQUENCE:2", "SEQUENCE:3")
                .replace("SUMMARY:Concert", "SUMMARY:Concert\r\nX-RADICALE-NAME:x.ics\r\nX-SERVER-ADDED:1");
        assertThat(MeaningfulProperties.lost(original, lossy))
                .containsExactly(Map.entry("VEVENT", Set.of("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij")));
        assertThat(MeaningfulProperties.lost(original, original.replace("\r\n", "\n"))).isEmpty();
    }
}
