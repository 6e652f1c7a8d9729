package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.Generate;

class FingerprinterTest {
    private final ItemParser parser = new ItemParser();
    private final Fingerprinter fingerprinter = new Fingerprinter();

    private String fp(String ics) throws MalformedItemException {
        return fingerprinter.fingerprint(parser.parse(ics));
    }

    private static final String BASE = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//A//EN",
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19701025T030000",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:fp-1", "DTSTAMP:20260101T000000Z", "SEQUENCE:1",
            "DTSTART;TZID=Europe/Berlin:20261201T100000", "DTEND;TZID=Europe/Berlin:20261201T110000",
            "RRULE:FREQ=WEEKLY;COUNT=5", "EXDATE;TZID=Europe/Berlin:20261208T100000",
            "SUMMARY:Planning", "DESCRIPTION:Bring notes", "LOCATION:Room 1",
            "ATTENDEE;CN=\"Doe, Jane\";PARTSTAT=ACCEPTED:mailto:jane@example.com",
            "CATEGORIES:Work,Plans",
            "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=Room 1:geo:1,2",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:Reminder", "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:fp-1", "DTSTAMP:20260101T000000Z",
            "RECURRENCE-ID;TZID=Europe/Berlin:20261215T100000",
            "DTSTART;TZID=Europe/Berlin:20261215T140000", "DTEND;TZID=Europe/Berlin:20261215T150000",
            "SUMMARY:Planning (moved)", "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void isSha256Hex() throws Exception {
        assertThat(fp(BASE)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DTSTAMP:20260101T000000Z=>DTSTAMP:20261120T093000Z",
        "SEQUENCE:1=>SEQUENCE:4",
        "PRODID:-//A//EN=>PRODID:-//Server B//EN",
        "SUMMARY:Planning\r\n=>SUMMARY:Planning\r\nLAST-MODIFIED:20261120T093000Z\r\nCREATED:20260101T000000Z\r\nX-RADICALE-NAME:fp-1.ics\r\nX-MOZ-GENERATION:4\r\n",
        "ATTENDEE;CN=\"Doe, Jane\";PARTSTAT=ACCEPTED:mailto:=>ATTENDEE;PARTSTAT=ACCEPTED;SCHEDULE-STATUS=2.0;CN=\"Doe, Jane\":MAILTO:",
        "EXDATE;TZID=Europe/Berlin:20261208T100000=>EXDATE;TZID=Europe/Berlin:20261208T100000\r\nX-MOZ-LASTACK:20261120T093000Z",
        "TZOFFSETTO:+0100=>TZOFFSETTO:+0000",
        "DTSTART;TZID=Europe/Berlin:20261201T100000=>DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin:20261201T100000",
        "CATEGORIES:Work,Plans=>CATEGORIES:Plans\r\nCATEGORIES:Work",
    })
    void ignoresNoise(String edit) throws Exception {
        String[] parts = edit.split("=>", 2);
        String edited = BASE.replace(parts[0], parts[1]);
        assertThat(edited).isNotEqualTo(BASE);
        assertThat(fp(edited)).isEqualTo(fp(BASE));
    }

    @Test
    void ignoresTheVtimezoneBlockAndLineEnds() throws Exception {
        String withoutZone = BASE.substring(0, BASE.indexOf("BEGIN:VTIMEZONE")) + BASE.substring(BASE.indexOf("BEGIN:VEVENT"));
        assertThat(fp(withoutZone)).isEqualTo(fp(BASE));
        assertThat(fp(BASE.replace("\r\n", "\n"))).isEqualTo(fp(BASE));
    }

    @Test
    void windowsAndIanaNamesOfOneZoneAreTheSame() throws Exception {
        String windows = BASE.replace("TZID=Europe/Berlin", "TZID=\"W. Europe Standard Time\"");
        assertThat(fp(windows)).isEqualTo(fp(BASE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SUMMARY:Planning\r\n=>SUMMARY:Planning!\r\n",
        "DTSTART;TZID=Europe/Berlin:20261201T100000=>DTSTART;TZID=Europe/Berlin:20261201T100500",
        "DTSTART;TZID=Europe/Berlin:20261201T100000=>DTSTART;TZID=America/New_York:20261201T100000",
        "RRULE:FREQ=WEEKLY;COUNT=5=>RRULE:FREQ=WEEKLY;COUNT=6",
        "EXDATE;TZID=Europe/Berlin:20261208T100000=>EXDATE;TZID=Europe/Berlin:20261208T100000,20261222T100000",
        "PARTSTAT=ACCEPTED=>PARTSTAT=DECLINED",
        "mailto:jane@example.com=>mailto:jane@example.org",
        "TRIGGER:-PT15M=>TRIGGER:-PT10M",
        "DESCRIPTION:Bring notes=>DESCRIPTION:Bring notes and pens",
        "LOCATION:Room 1\r\n=>LOCATION:Room 2\r\n",
        "CATEGORIES:Work,Plans=>CATEGORIES:Work",
        "X-TITLE=Room 1:geo:1,2=>X-TITLE=Room 1:geo:1,3",
        "SUMMARY:Planning (moved)=>SUMMARY:Planning (moved again)",
        "END:VALARM\r\n=>END:VALARM\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nDESCRIPTION:Early\r\nEND:VALARM\r\n",
        "SUMMARY:Planning\r\n=>SUMMARY:Planning\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\n",
    })
    void seesEveryMeaningfulChange(String edit) throws Exception {
        String[] parts = edit.split("=>", 2);
        String edited = BASE.replace(parts[0], parts[1]);
        assertThat(edited).isNotEqualTo(BASE);
        assertThat(fp(edited)).isNotEqualTo(fp(BASE));
    }

    @Test
    void corpusFilesHaveDistinctStableFingerprints() throws Exception {
        List<String> prints = new java.util.ArrayList<>();
        for (Path file : Corpus.files()) {
            String text = Corpus.read(file);
            assertThat(fp(text)).isEqualTo(fp(text));
            prints.add(fp(text));
        }
        assertThat(prints).doesNotHaveDuplicates();
    }

    @Test
    void reorderingAndRefoldingNeverChangeTheFingerprint() {
        List<String> names = new java.util.ArrayList<>(Corpus.files().stream().map(p -> p.getFileName().toString()).toList());
        names.add("BASE");
        qt().withExamples(200)
                .forAll(Generate.pick(names), longs().all(), integers().between(20, 120), booleans().all())
                .checkAssert((name, seed, width, crlf) -> {
                    String original = name.equals("BASE") ? BASE : Corpus.read(name);
                    List<String> lines = IcsText.shuffle(IcsText.unfold(original), new Random(seed));
                    String rewritten = IcsText.fold(lines, width, crlf ? "\r\n" : "\n");
                    try {
                        assertThat(fp(rewritten)).isEqualTo(fp(original));
                    } catch (MalformedItemException e) {
                        throw new AssertionError(name + " became unreadable after reordering and refolding", e);
                    }
                });
    }
}
