package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyMergerTest {
    private final ItemParser parser = new ItemParser();
    private final PropertyMerger merger = new PropertyMerger();

    private static final String BASE = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//A//EN",
            "BEGIN:VEVENT", "UID:m-1", "DTSTAMP:20260101T000000Z", "SEQUENCE:1",
            "DTSTART:20261201T090000Z", "DTEND:20261201T100000Z", "RRULE:FREQ=WEEKLY;COUNT=4",
            "SUMMARY:Planning", "LOCATION:Room 1", "DESCRIPTION:Agenda",
            "ATTENDEE;CN=A;PARTSTAT=ACCEPTED:mailto:a@example.com",
            "ATTENDEE;CN=B;PARTSTAT=NEEDS-ACTION:mailto:b@example.com",
            "CATEGORIES:Work",
            "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:Reminder", "END:VALARM",
            "END:VEVENT", "END:VCALENDAR", "");

    private CalendarItem item(String text) throws MalformedItemException {
        return parser.parse(text);
    }

    private Optional<String> merge(String base, String ours, String theirs) throws MalformedItemException {
        return merger.merge(item(base), item(ours), item(theirs));
    }

    private static Set<String> event(String merged) {
        return MeaningfulProperties.of(merged).get("VEVENT");
    }

    @Test
    void editsOfDifferentPropertiesAreBothKept() throws Exception {
        String ours = BASE.replace("SUMMARY:Planning", "SUMMARY:Planning Q1").replace("SEQUENCE:1", "SEQUENCE:2");
        String theirs = BASE.replace("LOCATION:Room 1", "LOCATION:Room 2").replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20261120T000000Z");
        String merged = merge(BASE, ours, theirs).orElseThrow();
        assertThat(event(merged)).contains("SUMMARY:Planning Q1", "LOCATION:Room 2", "DESCRIPTION:Agenda",
                "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC");
        assertThat(parser.parse(merged).uid()).isEqualTo("m-1");
        assertThat(merged).contains("SEQUENCE:2");
    }

    @Test
    void theSameEditOnBothSidesIsFine() throws Exception {
        String edit = BASE.replace("SUMMARY:Planning", "SUMMARY:Planning Q1");
        assertThat(event(merge(BASE, edit, edit.replace("SEQUENCE:1", "SEQUENCE:3")).orElseThrow())).contains("SUMMARY:Planning Q1");
    }

    @Test
    void differentEditsOfOnePropertyDoNotMerge() throws Exception {
        assertThat(merge(BASE, BASE.replace("SUMMARY:Planning", "SUMMARY:Ours"),
                BASE.replace("SUMMARY:Planning", "SUMMARY:Theirs"))).isEmpty();
    }

    @Test
    void multiValuedPropertiesAreComparedAsASet() throws Exception {
        // Reordering attendees is no edit; changing one attendee's status on one side is taken.
        String reordered = BASE.replace("ATTENDEE;CN=A;PARTSTAT=ACCEPTED:mailto:a@example.com\r\n"
                + "ATTENDEE;CN=B;PARTSTAT=NEEDS-ACTION:mailto:b@example.com",
                "ATTENDEE;CN=B;PARTSTAT=NEEDS-ACTION:mailto:b@example.com\r\n"
                + "ATTENDEE;CN=A;PARTSTAT=ACCEPTED:mailto:a@example.com");
        String accepted = BASE.replace("CN=B;PARTSTAT=NEEDS-ACTION", "CN=B;PARTSTAT=ACCEPTED");
        String merged = merge(BASE, reordered, accepted).orElseThrow();
        assertThat(event(merged)).contains("ATTENDEE;CN=B;PARTSTAT=ACCEPTED:mailto:b@example.com",
                "ATTENDEE;CN=A;PARTSTAT=ACCEPTED:mailto:a@example.com");
        // Both sides changing the attendee list differently is a conflict.
        String declined = BASE.replace("CN=B;PARTSTAT=NEEDS-ACTION", "CN=B;PARTSTAT=DECLINED");
        assertThat(merge(BASE, accepted, declined)).isEmpty();
    }

    @Test
    void anExdateAddedOnOneSideAndASummaryOnTheOther() throws Exception {
        String ours = BASE.replace("RRULE:FREQ=WEEKLY;COUNT=4", "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE:20261208T090000Z");
        String theirs = BASE.replace("DESCRIPTION:Agenda", "DESCRIPTION:New agenda");
        assertThat(event(merge(BASE, ours, theirs).orElseThrow())).contains("EXDATE:20261208T090000Z", "DESCRIPTION:New agenda");
    }

    @Test
    void alarmsMergeAsOneSet() throws Exception {
        String theirs = BASE.replace("TRIGGER:-PT15M", "TRIGGER:-PT30M");
        String ours = BASE.replace("SUMMARY:Planning", "SUMMARY:Planning Q1");
        Map<String, Set<String>> merged = MeaningfulProperties.of(merge(BASE, ours, theirs).orElseThrow());
        assertThat(merged.get("VEVENT/sub-components")).singleElement().asString().contains("TRIGGER:-PT30M");
        assertThat(merge(BASE, BASE.replace("TRIGGER:-PT15M", "TRIGGER:-PT5M"), theirs)).isEmpty();
    }

    private static String withOverride(String text, String summary) {
        return text.replace("END:VCALENDAR", String.join("\r\n",
                "BEGIN:VEVENT", "UID:m-1", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID:20261208T090000Z",
                "DTSTART:20261208T130000Z", "DTEND:20261208T140000Z", "SUMMARY:" + summary, "END:VEVENT",
                "END:VCALENDAR"));
    }

    @Test
    void anOverrideAddedOnOneSideIsTaken() throws Exception {
        String theirs = withOverride(BASE, "Moved");
        String ours = BASE.replace("LOCATION:Room 1", "LOCATION:Room 9");
        Map<String, Set<String>> merged = MeaningfulProperties.of(merge(BASE, ours, theirs).orElseThrow());
        assertThat(merged.get("VEVENT")).contains("LOCATION:Room 9");
        assertThat(merged.get("VEVENT/20261208T090000Z")).contains("SUMMARY:Moved");
    }

    @Test
    void anOverrideRemovedOnOneSideAndUntouchedOnTheOtherIsRemoved() throws Exception {
        String base = withOverride(BASE, "Moved");
        String ours = BASE; // override dropped
        String theirs = base.replace("LOCATION:Room 1", "LOCATION:Room 2");
        Map<String, Set<String>> merged = MeaningfulProperties.of(merge(base, ours, theirs).orElseThrow());
        assertThat(merged).doesNotContainKey("VEVENT/20261208T090000Z");
        assertThat(merged.get("VEVENT")).contains("LOCATION:Room 2");
        // Removed on one side but edited on the other: no merge.
        assertThat(merge(base, ours, withOverride(BASE, "Moved again"))).isEmpty();
    }

    @Test
    void keepsTheZonesTheMergedItemUses() throws Exception {
        String zoned = Corpus.read("recurrence-id-override.ics");
        String ours = zoned.replace("SUMMARY:Daily stand-up\r\n", "SUMMARY:Stand-up\r\n");
        String theirs = zoned.replace("(moved to the afternoon)", "(moved)");
        String merged = merge(zoned, ours, theirs).orElseThrow();
        assertThat(merged).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Berlin");
        Map<String, Set<String>> props = MeaningfulProperties.of(merged);
        assertThat(props.get("VEVENT")).contains("SUMMARY:Stand-up");
        assertThat(props.get("VEVENT/20261105T090000")).contains("SUMMARY:Daily stand-up (moved)");
    }

    @Test
    void overridesMatchByInstantWhateverZoneTheyWereWrittenIn() throws Exception {
        String zoned = Corpus.read("recurrence-id-override.ics");
        // The same override, its RECURRENCE-ID rewritten in UTC by a server, with a new summary.
        String theirs = zoned.replace("RECURRENCE-ID;TZID=Europe/Berlin:20261105T090000", "RECURRENCE-ID:20261105T080000Z")
                .replace("(moved to the afternoon)", "(moved)");
        String merged = merge(zoned, zoned, theirs).orElseThrow();
        assertThat(parser.parse(merged).calendar().getComponents("VEVENT")).hasSize(2);
        assertThat(merged).contains("SUMMARY:Daily stand-up (moved)");
    }

    static java.util.stream.Stream<java.nio.file.Path> corpus() {
        return Corpus.files().stream();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("corpus")
    void anEditOnOneSideOfAnyCorpusItemComesThroughWhole(java.nio.file.Path file) throws Exception {
        String base = Corpus.read(file);
        String edited = base.replaceFirst("(?m)^SUMMARY([;:])", "COMMENT:edited\r\nSUMMARY$1");
        assertThat(edited).isNotEqualTo(base);
        assertThat(MeaningfulProperties.of(merge(base, edited, base).orElseThrow())).isEqualTo(MeaningfulProperties.of(edited));
        assertThat(MeaningfulProperties.of(merge(base, base, edited).orElseThrow())).isEqualTo(MeaningfulProperties.of(edited));
        assertThat(MeaningfulProperties.of(merge(base, base, base).orElseThrow())).isEqualTo(MeaningfulProperties.of(base));
    }
}
