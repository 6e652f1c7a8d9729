package com.calsync.ical.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcsDocumentTest {
    private static final String FOLDED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:a@x\r\nDESCRIPTION:a long text that was folded by its produ\r\n cer, with an escaped\\, comma\r\n"
            + "ATTENDEE;CN=\"Doe, Jane\";PARTSTAT=DECLINED:mailto:jane@x\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
            + "TRIGGER:-PT5M\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void writesBackWhatItReadByteForByte() {
        assertThat(IcsDocument.parse(FOLDED).text()).isEqualTo(FOLDED);
        String lf = FOLDED.replace("\r\n", "\n");
        assertThat(IcsDocument.parse(lf).text()).isEqualTo(lf);
    }

    @Test
    void readsComponentsLinesParametersAndText() {
        IcsDocument doc = IcsDocument.parse(FOLDED);

        IcsComponent event = doc.mainComponents().get(0);
        assertThat(event.name()).isEqualTo("VEVENT");
        assertThat(event.components()).extracting(IcsComponent::name).containsExactly("VALARM");
        assertThat(event.property("description").orElseThrow().text())
                .isEqualTo("a long text that was folded by its producer, with an escaped, comma");
        ContentLine attendee = event.property("ATTENDEE").orElseThrow();
        assertThat(attendee.param("cn")).contains("Doe, Jane");
        assertThat(attendee.param("PARTSTAT")).contains("DECLINED");
        assertThat(attendee.value()).isEqualTo("mailto:jane@x");
    }

    @Test
    void aNewLineIsFoldedAndItsTextEscaped() {
        IcsComponent event = IcsDocument.parse(FOLDED).mainComponents().get(0)
                .with(ContentLine.text("SUMMARY", "Lunch; then walk, talk\nand " + "x".repeat(80)));

        String written = new IcsDocument(IcsComponent.named("VCALENDAR").withComponents(List.of(event)), "\r\n").text();

        assertThat(written).contains("SUMMARY:Lunch\\; then walk\\, talk\\nand xxx");
        assertThat(written.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(ContentLine.parse("EXDATE;TZID=Europe/Berlin:20261221T090000", null).param("TZID"))
                .contains("Europe/Berlin");
        assertThat(ContentLine.of("X", Map.of("P", List.of("a:b")), "v").write("\r\n")).isEqualTo("X;P=\"a:b\":v");
    }
}
