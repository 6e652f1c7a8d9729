package com.calsync.ical.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.transform.EventFilter.Rule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DetailStripper, BusyCopy, TitlePrefix, OccurrenceRemover and CopyUid on one series. */
class RewritersTest {
    private static final String SERIES = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Secret App//EN", "X-WR-CALNAME:Family",
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VTIMEZONE", "TZID:America/New_York", "BEGIN:STANDARD", "DTSTART:19701101T020000",
            "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:s@x", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Berlin:20261130T090000",
            "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Therapy", "LOCATION:Baker St", "CLASS:PRIVATE",
            "X-SECRET:1", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT5M", "END:VALARM", "END:VEVENT",
            "BEGIN:VEVENT", "UID:s@x", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;TZID=Europe/Berlin:20261207T090000",
            "DTSTART;TZID=Europe/Berlin:20261207T100000", "DURATION:PT1H", "SUMMARY:Therapy",
            "ATTENDEE;PARTSTAT=DECLINED:mailto:me@x", "STATUS:CONFIRMED", "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void theStripperKeepsTimesZonesInUseAndOptionallyTheTitle() {
        String busy = new DetailStripper().strip(IcsDocument.parse(SERIES), false).text();

        assertThat(busy).contains("DTSTART;TZID=Europe/Berlin:20261130T090000", "DURATION:PT1H",
                "RRULE:FREQ=WEEKLY;COUNT=4", "RECURRENCE-ID;TZID=Europe/Berlin:20261207T090000", "STATUS:CONFIRMED",
                "TZID:Europe/Berlin", "PRODID:" + DetailStripper.PRODID)
                .doesNotContain("Therapy", "Baker", "PRIVATE", "X-SECRET", "me@x", "VALARM", "Family", "Secret App",
                        "America/New_York");
        assertThat(new DetailStripper().strip(IcsDocument.parse(SERIES), true).text()).contains("SUMMARY:Therapy")
                .doesNotContain("Baker");
    }

    @Test
    void aBusyCopyTitlesEveryComponent() {
        IcsDocument busy = new BusyCopy().apply(IcsDocument.parse(SERIES), "Busy, sorry");

        assertThat(busy.mainComponents()).hasSize(2).allSatisfy(c ->
                assertThat(c.property("SUMMARY").orElseThrow().text()).isEqualTo("Busy, sorry"));
    }

    @Test
    void aPrefixGoesBeforeEachTitle() {
        IcsDocument prefixed = new TitlePrefix().apply(IcsDocument.parse(SERIES), "[F] ");

        assertThat(prefixed.mainComponents()).allSatisfy(c ->
                assertThat(c.property("SUMMARY").orElseThrow().text()).isEqualTo("[F] Therapy"));
        assertThat(new TitlePrefix().apply(IcsDocument.parse(SERIES), "").text()).isEqualTo(SERIES);
    }

    @Test
    void aLeftOutOverrideBecomesAnExceptionAndALeftOutMasterLeavesOutTheItem() {
        EventFilter declined = new EventFilter(Set.of(Rule.DECLINED), Optional.empty(), List.of("me@x"));

        OccurrenceRemover.Result result = new OccurrenceRemover().apply(IcsDocument.parse(SERIES), declined);

        assertThat(result).isInstanceOf(OccurrenceRemover.Kept.class);
        OccurrenceRemover.Kept kept = (OccurrenceRemover.Kept) result;
        assertThat(kept.removed()).isEqualTo(1);
        assertThat(kept.document().mainComponents()).singleElement().satisfies(master ->
                assertThat(master.property("EXDATE").orElseThrow().write("\r\n"))
                        .isEqualTo("EXDATE;TZID=Europe/Berlin:20261207T090000"));
        EventFilter privateTitles = new EventFilter(Set.of(), Optional.of("therapy"), List.of());
        assertThat(new OccurrenceRemover().apply(IcsDocument.parse(SERIES), privateTitles))
                .isEqualTo(new OccurrenceRemover.LeftOut("title matches skip_title /therapy/"));
        IcsDocument untouched = IcsDocument.parse(SERIES);
        assertThat(((OccurrenceRemover.Kept) new OccurrenceRemover().apply(untouched,
                new EventFilter(Set.of(Rule.CANCELLED), Optional.empty(), List.of()))).document()).isSameAs(untouched);
    }

    @Test
    void aCopyUidIsStablePerPairAndSourceAndRevealsNeither() {
        String uid = CopyUid.of("family-busy", "s@x");

        assertThat(uid).isEqualTo(CopyUid.of("family-busy", "s@x")).startsWith("calsync-copy-").hasSize(45)
                .doesNotContain("family", "s@x");
        assertThat(CopyUid.of("other-pair", "s@x")).isNotEqualTo(uid);
        assertThat(CopyUid.apply(IcsDocument.parse(SERIES), uid).mainComponents())
                .allSatisfy(c -> assertThat(c.property("UID").orElseThrow().value()).isEqualTo(uid));
    }
}
