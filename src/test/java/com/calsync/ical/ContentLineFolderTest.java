package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentLineFolderTest {
    @Test
    void foldsAt75OctetsBetweenCharactersAndUnfoldsBackToTheLine() {
        String line = "DESCRIPTION:" + "团队聚餐 🍜🎉 and more text ".repeat(12);

        String folded = ContentLineFolder.fold(line, "\r\n");

        for (String piece : folded.split("\r\n")) {
            assertThat(piece.getBytes(StandardCharsets.UTF_8).length).as(piece).isLessThanOrEqualTo(75);
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).as("an emoji split in two").isFalse();
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
    }

    @Test
    void aShortLineIsLeftAlone() {
        assertThat(ContentLineFolder.fold("SUMMARY:Lunch", "\n")).isEqualTo("SUMMARY:Lunch");
    }
}
