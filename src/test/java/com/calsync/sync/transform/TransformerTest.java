package com.calsync.sync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemParser;
import com.calsync.ical.transform.EventFilter.Rule;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformerTest {
    private final ItemParser parser = new ItemParser();

    private static String event(String extra) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:e@x\r\n"
                + "DTSTAMP:20261101T000000Z\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
                + "SUMMARY:Lunch\r\nDESCRIPTION:with Sam\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private Transformer.Outcome apply(PairTransform transform, String text) throws Exception {
        return new Transformer(transform, "p", () -> parser).apply(parser.parse(text));
    }

    @Test
    void theIdentityAndAFilterThatKeepsAnEventReturnTheSameItem() throws Exception {
        CalendarItem item = parser.parse(event(""));
        assertThat(new Transformer(PairTransform.NONE, "p", () -> parser).apply(item)).isEqualTo(new Transformer.Copy(item));
        PairTransform skipFree = new PairTransform(CopyMode.FULL, "Busy", "", Set.of(Rule.FREE), Optional.empty(), Set.of());
        assertThat(((Transformer.Copy) new Transformer(skipFree, "p", () -> parser).apply(item)).item()).isSameAs(item);
    }

    @Test
    void aBusyCopyHasItsOwnUidAndOnlyTimes() throws Exception {
        PairTransform busy = new PairTransform(CopyMode.BUSY, "Occupied", "[W] ", Set.of(), Optional.empty(), Set.of());

        CalendarItem copy = ((Transformer.Copy) apply(busy, event(""))).item();

        assertThat(copy.uid()).isEqualTo(new Transformer(busy, "p", () -> parser).copyUid("e@x")).isNotEqualTo("e@x");
        assertThat(copy.text()).contains("SUMMARY:[W] Occupied", "DTSTART:20261201T090000Z").doesNotContain("Lunch", "Sam");
    }

    @Test
    void noDetailsKeepsTheTitleUnlessTheEventIsPrivate() throws Exception {
        PairTransform noDetails = new PairTransform(CopyMode.NO_DETAILS, "Busy", "", Set.of(), Optional.empty(), Set.of());

        assertThat(((Transformer.Copy) apply(noDetails, event(""))).item().text()).contains("SUMMARY:Lunch")
                .doesNotContain("Sam");
        assertThat(((Transformer.Copy) apply(noDetails, event("CLASS:CONFIDENTIAL\r\n"))).item().text())
                .contains("SUMMARY:Busy").doesNotContain("Lunch");
    }

    @Test
    void toDosAreLeftOutOfBusyCopiesAndFilteredEventsWithTheirReason() throws Exception {
        PairTransform busy = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(Rule.CANCELLED), Optional.empty(), Set.of());
        String todo = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:t@x\r\n"
                + "DTSTAMP:20261101T000000Z\r\nSUMMARY:Milk\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";

        assertThat(apply(busy, todo)).isEqualTo(new Transformer.LeftOut("it is a VTODO, and \"copy\": \"busy\" copies only events"));
        assertThat(apply(busy, event("STATUS:CANCELLED\r\n"))).isEqualTo(new Transformer.LeftOut("cancelled"));
    }

    @Test
    void theFingerprintChangesWithWhatTheCopiesWouldBe() {
        PairTransform busy = new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(), Optional.empty(), Set.of());

        assertThat(PairTransform.NONE.fingerprint()).isEqualTo("none");
        assertThat(busy.fingerprint()).isNotEqualTo(PairTransform.NONE.fingerprint())
                .isNotEqualTo(new PairTransform(CopyMode.BUSY, "Blocked", "", Set.of(), Optional.empty(), Set.of()).fingerprint())
                .isEqualTo(new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(), Optional.empty(), Set.of()).fingerprint());
        assertThat(new PairTransform(CopyMode.FULL, "Blocked", "", Set.of(), Optional.empty(), Set.of()).isIdentity())
                .as("a busy title alone changes nothing").isTrue();
        assertThat(busy.whyNotTwoWay()).isPresent();
        assertThat(PairTransform.NONE.whyNotTwoWay()).isEmpty();
        assertThat(new PairTransform(CopyMode.FULL, "Busy", "", Set.of(Rule.DECLINED, Rule.FREE), Optional.of("x"),
                Set.of("me@x")).describe()).isEqualTo("skips free, declined, titles /x/");
    }
}
