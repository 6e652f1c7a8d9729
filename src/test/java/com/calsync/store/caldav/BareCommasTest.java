package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.Corpus;
import com.calsync.ical.Fingerprinter;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MeaningfulProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BareCommasTest {
    @Test
    void escapesBareCommasInSingleTextValuesOnly() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a,b",
                "SUMMARY;LANGUAGE=en:Lunch, then walk", "LOCATION;ALTREP=\"http://x/a,b:c\":Room 1\\, Building A",
                "CATEGORIES:Work,Home", "DESCRIPTION:one\\\\, two", "END:VEVENT", "END:VCALENDAR", "");

        String escaped = BareCommas.escape(ics);

        assertThat(escaped).contains("\r\nSUMMARY;LANGUAGE=en:Lunch\\, then walk\r\n")
                .contains("\r\nLOCATION;ALTREP=\"http://x/a,b:c\":Room 1\\, Building A\r\n")
                .contains("\r\nCATEGORIES:Work,Home\r\n").contains("\r\nUID:a,b\r\n")
                .contains("\r\nDESCRIPTION:one\\\\\\, two\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void aTextThatNeedsNothingComesBackUnchanged() {
        String ics = "BEGIN:VCALENDAR\nSUMMARY:No comma\\, here\nCATEGORIES:a,b\n X,c\nEND:VCALENDAR\n";
        assertThat(BareCommas.escape(ics)).isSameAs(ics);
    }

    @Test
    void foldedValuesAreUnfoldedEscapedAndFoldedAgainWithinSeventyFiveOctets() {
        String ics = "BEGIN:VEVENT\r\nSUMMARY:会议议程：回顾上周的工作进展, 讨论下一季度的产品路线图, 以及确认各团\r\n 队的资源分配\r\nEND:VEVENT\r\n";

        String escaped = BareCommas.escape(ics);

        assertThat(escaped.replace("\r\n ", "")).contains("工作进展\\, 讨论下一季度的产品路线图\\, 以及确认各团队的资源分配");
        for (String line : escaped.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    /** Same meaning, same fingerprint: the engine sees no change when it reads the escaped text back. */
    @Test
    void everyCorpusItemKeepsItsMeaningAndFingerprint() throws Exception {
        ItemParser parser = new ItemParser();
        Fingerprinter fingerprinter = new Fingerprinter();
        int changed = 0;
        for (Path file : Corpus.files()) {
            String text = Corpus.read(file);
            String escaped = BareCommas.escape(text);
            changed += escaped.equals(text) ? 0 : 1;
            assertThat(MeaningfulProperties.lost(text, escaped)).as(file.toString()).isEmpty();
            assertThat(fingerprinter.fingerprint(parser.parse(escaped))).as(file.toString())
                    .isEqualTo(fingerprinter.fingerprint(parser.parse(text)));
        }
        assertThat(changed).as("corpus items with bare commas").isPositive();
    }
}
