package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItemParserTest {
    private final ItemParser parser = new ItemParser();

    static Stream<Path> corpus() {
        return Corpus.files().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusFileParsesAndKeepsItsText(Path file) throws Exception {
        String text = Corpus.read(file);
        CalendarItem item = parser.parse(text);
        assertThat(item.text()).isSameAs(text);
        assertThat(item.uid()).isNotBlank();
        assertThat(item.calendar().getComponents()).isNotEmpty();
    }

    @Test
    void corpusHoldsEveryCaseTheReadmeLists() {
        String readme = Corpus.read("README.md");
        for (Path file : Corpus.files()) {
            assertThat(readme).contains("`" + file.getFileName() + "`");
        }
        assertThat(Corpus.files()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void ical4jRunsRelaxedAndOffline() {
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING)).isTrue();
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING)).isTrue();
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION)).isTrue();
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY)).isTrue();
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
    }

    @Test
    void readsKindAndUid() throws Exception {
        assertThat(parser.parse(Corpus.read("vtodo.ics")).kind()).isEqualTo(ComponentKind.VTODO);
        CalendarItem outlook = parser.parse(Corpus.read("outlook-windows-zone.ics"));
        assertThat(outlook.kind()).isEqualTo(ComponentKind.VEVENT);
        assertThat(outlook.uid()).startsWith("040000008200E000");
        assertThat(parser.parse(Corpus.read("recurrence-id-override.ics")).uid()).isEqualTo("override@example.com");
    }

    @Test
    void keepsVendorPropertiesWithTheirParameters() throws Exception {
        CalendarItem item = parser.parse(Corpus.read("apple-google-x-properties.ics"));
        CalendarComponent event = item.calendar().getComponent("VEVENT").orElseThrow();
        Property location = event.getProperty("X-APPLE-STRUCTURED-LOCATION").orElseThrow();
        assertThat(location.getParameter("X-ADDRESS").orElseThrow().getValue())
                .isEqualTo("Herbert-von-Karajan-Str. 1, 10785 Berlin, Germany");
        assertThat(location.getValue()).isEqualTo("geo:52.510000,13.370000");
        assertThat(event.getProperty("X-GOOGLE-CONFERENCE").orElseThrow().getValue()).startsWith("https://meet.google.com/");
        assertThat(event.getProperty("X-MICROSOFT-CDO-BUSYSTATUS").orElseThrow().getValue()).isEqualTo("BUSY");
    }

    @Test
    void readsEscapesFoldsAndNonAscii() throws Exception {
        CalendarComponent escaped = parser.parse(Corpus.read("escaped-text.ics")).calendar().getComponent("VEVENT").orElseThrow();
        assertThat(escaped.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Budget, plan; and review");
        assertThat(escaped.getProperty("DESCRIPTION").orElseThrow().getValue())
                .isEqualTo("Line one\nLine two with a backslash \\ and a comma, a semicolon;\nLine three");
        CalendarComponent chinese = parser.parse(Corpus.read("non-ascii-folded.ics")).calendar().getComponent("VEVENT").orElseThrow();
        assertThat(chinese.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("项目评审会议 🎉 与北京和上海团队讨论二零二七年的日历同步计划 🚀📅 以及后续安排");
        CalendarComponent lf = parser.parse(Corpus.read("bare-lf.ics")).calendar().getComponent("VEVENT").orElseThrow();
        assertThat(lf.getProperty("SUMMARY").orElseThrow().getValue()).endsWith("which is common");
    }

    @Test
    void windowsZoneNamesMeanTheirIanaZones() throws Exception {
        CalendarItem item = parser.parse(Corpus.read("outlook-china-no-vtimezone.ics"));
        TemporalReader reader = new TemporalReader(new ZoneResolver(), java.time.ZoneOffset.UTC);
        CalendarComponent event = item.calendar().getComponent("VEVENT").orElseThrow();
        assertThat(reader.instant(reader.read(event, "DTSTART").orElseThrow()))
                .isEqualTo(Instant.parse("2026-12-10T01:00:00Z"));
        assertThat(reader.instant(reader.read(event, "DTEND").orElseThrow()))
                .isEqualTo(Instant.parse("2026-12-10T02:00:00Z"));
    }

    @Test
    void anIanaNameWinsOverAStaleVtimezone() throws Exception {
        // 2026-03-20 is daylight time in New York since 2007; the embedded pre-2007 rules say standard time.
        CalendarItem item = parser.parse(Corpus.read("stale-vtimezone.ics"));
        TemporalReader reader = new TemporalReader(new ZoneResolver(), java.time.ZoneOffset.UTC);
        CalendarComponent event = item.calendar().getComponent("VEVENT").orElseThrow();
        assertThat(reader.instant(reader.read(event, "DTSTART").orElseThrow()))
                .isEqualTo(Instant.parse("2026-03-20T13:00:00Z"));
    }

    @Test
    void ianaZoneWithoutVtimezoneIsRead() throws Exception {
        CalendarItem item = parser.parse(Corpus.read("iana-zone-without-vtimezone.ics"));
        DtStart<?> start = item.calendar().getComponent("VEVENT").orElseThrow().getProperty("DTSTART")
                .map(p -> (DtStart<?>) p).orElseThrow();
        assertThat(Instant.from(start.getDate())).isEqualTo(ZonedDateTime.parse("2026-12-15T14:00+01:00[Europe/Berlin]").toInstant());
    }

    @Test
    void toleratesAByteOrderMark() throws Exception {
        String text = "\uFEFF" + Corpus.read("floating-time.ics");
        assertThat(parser.parse(text).uid()).isEqualTo("floating@example.com");
        assertThat(parser.parse(text).text()).isSameAs(text);
        assertThat(parser.split(text).items()).extracting(CalendarItem::uid).containsExactly("floating@example.com");
    }

    @Test
    void rejectsTextThatIsNotICalendar() {
        assertThatThrownBy(() -> parser.parse("<html><body>Login</body></html>"))
                .isInstanceOf(MalformedItemException.class).hasMessageContaining("no BEGIN:VCALENDAR").hasMessageContaining("<html>");
        assertThatThrownBy(() -> parser.parse("  ")).isInstanceOf(MalformedItemException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsACalendarWithoutComponents() {
        assertThatThrownBy(() -> parser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n"))
                .isInstanceOf(MalformedItemException.class).hasMessageContaining("no VEVENT, VTODO or VJOURNAL");
    }

    @Test
    void rejectsTwoUidsAndPointsToSplit() {
        String two = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                + "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260102T100000Z\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        assertThatThrownBy(() -> parser.parse(two)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("2 events with different UIDs").hasMessageContaining("[a, b]").hasMessageContaining("a file of its own");
    }

    @Test
    void namesTheLineOfABrokenStructure() {
        String broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                + "DTSTART:20260101T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> parser.parse(broken)).isInstanceOf(MalformedItemException.class)
                .hasMessageContaining("line");
    }

    @Test
    void aComponentWithoutUidGetsAStableDerivedOne() throws Exception {
        String noUid = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART:20260101T100000Z\r\nSUMMARY:No UID\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        String uid = parser.parse(noUid).uid();
        assertThat(uid).startsWith("calsync-").isEqualTo(parser.parse(noUid).uid());
        assertThat(parser.parse(noUid.replace("No UID", "Other")).uid()).isNotEqualTo(uid);
    }

    // --- split ---

    private static final String FEED = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Feed//EN", "METHOD:PUBLISH", "X-WR-CALNAME:Team",
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19701025T030000",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "END:VTIMEZONE",
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:series", "DTSTAMP:20260101T000000Z", "DTSTART;TZID=Europe/Berlin:20261101T090000",
            "RRULE:FREQ=DAILY;COUNT=5", "SUMMARY:Series", "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=\"A, B\":geo:1,2",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:single", "DTSTAMP:20260101T000000Z", "DTSTART:20261105T120000Z",
            "SUMMARY:Single with a long line that is folded by the producer at seventy-five octets exa",
            " ctly like this", "END:VEVENT",
            "BEGIN:VEVENT", "UID:series", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID;TZID=Europe/Berlin:20261103T090000",
            "DTSTART;TZID=Europe/Berlin:20261103T150000", "SUMMARY:Series (moved)", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTAMP:20260101T000000Z", "DTSTART:20261106T120000Z", "SUMMARY:No UID", "END:VEVENT",
            "BEGIN:VEVENT", "UID:broken", "DTSTAMP:20260101T000000Z", "DTSTART:not-a-date", "SUMMARY:Broken",
            "END:VEVENT",
            "BEGIN:VTODO", "UID:todo", "DTSTAMP:20260101T000000Z", "SUMMARY:Task", "END:VTODO",
            "END:VCALENDAR", "");

    @Test
    void splitsAFeedIntoOneItemPerUid() throws Exception {
        ItemParser.SplitResult result = parser.split(FEED);
        List<String> uids = result.items().stream().map(CalendarItem::uid).toList();
        assertThat(uids).hasSize(5).contains("series", "single", "todo", "broken").anyMatch(u -> u.startsWith("calsync-"));
        CalendarItem series = result.items().get(0);
        assertThat(series.uid()).isEqualTo("series");
        assertThat(series.calendar().getComponents("VEVENT")).hasSize(2);
        assertThat(series.text()).contains("TZID:Europe/Berlin").doesNotContain("Asia/Tokyo")
                .contains("X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=\"A, B\":geo:1,2")
                .doesNotContain("METHOD:PUBLISH").contains("PRODID:-//Example//Feed//EN");
        CalendarItem single = result.items().stream().filter(i -> i.uid().equals("single")).findFirst().orElseThrow();
        assertThat(single.text()).doesNotContain("VTIMEZONE").contains("exa\r\n ctly like this");
        assertThat(result.items().stream().filter(i -> i.uid().equals("todo")).findFirst().orElseThrow().kind())
                .isEqualTo(ComponentKind.VTODO);
    }

    @Test
    void splitWritesTheDerivedUidIntoTheItem() throws Exception {
        CalendarItem noUid = parser.split(FEED).items().stream().filter(i -> i.uid().startsWith("calsync-")).findFirst().orElseThrow();
        assertThat(noUid.text()).contains("UID:" + noUid.uid());
        assertThat(parser.parse(noUid.text()).uid()).isEqualTo(noUid.uid());
        assertThat(parser.split(FEED).items()).extracting(CalendarItem::uid).contains(noUid.uid());
    }

    @Test
    void splitReadsAComponentWithAnUnreadableDateWithoutIt() throws Exception {
        ItemParser.SplitResult result = parser.split(FEED);
        CalendarItem broken = result.items().stream().filter(i -> i.uid().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.text()).contains("DTSTART:not-a-date");
        assertThat(broken.repairs().unreadProperties()).containsExactly("DTSTART");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void splitReportsUnreadableComponentsWithTheirLine() throws Exception {
        String feed = FEED.replace("BEGIN:VEVENT\r\nUID:broken", "BEGIN:VEVENT\r\nUID:series\r\nRECURRENCE-ID:20261104T080000Z")
                .replace("SUMMARY:Broken\r\nEND:VEVENT", "SUMMARY:Broken\r\nEND:VTODO");
        ItemParser.SplitResult result = parser.split(feed);
        assertThat(result.skipped()).singleElement().asString().contains("UID series").contains("starting at line 56")
                .contains("line");
        assertThat(result.items()).extracting(CalendarItem::uid).contains("series");
        assertThat(result.opaque()).isEmpty();
    }

    @Test
    void splitCarriesAUidNoneOfWhoseComponentsIsReadableAsText() throws Exception {
        String feed = FEED.replace("SUMMARY:Broken\r\nEND:VEVENT", "SUMMARY:Broken\r\nEND:VTODO");
        ItemParser.SplitResult result = parser.split(feed);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.opaque()).singleElement().satisfies(o -> {
            assertThat(o.uid()).isEqualTo("broken");
            assertThat(o.text()).contains("SUMMARY:Broken\r\nEND:VTODO");
            assertThat(o.problem()).contains("line");
        });
    }

    @Test
    void splitReportsAnUnterminatedComponent() throws Exception {
        String cut = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:ok\nDTSTART:20260101T100000Z\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:cut\nDTSTART:20260101T100000Z\n";
        ItemParser.SplitResult result = parser.split(cut);
        assertThat(result.items()).extracting(CalendarItem::uid).containsExactly("ok");
        assertThat(result.skipped()).singleElement().asString().contains("line 8").contains("no END:VEVENT");
        ItemParser.SplitResult closed = parser.split(cut + "END:VCALENDAR\n");
        assertThat(closed.items()).extracting(CalendarItem::uid).containsExactly("ok");
        assertThat(closed.skipped()).singleElement().asString().contains("line 8").contains("no END:VEVENT");
    }

    @Test
    void splitOfEveryCorpusFileGivesItsOneItem() throws Exception {
        for (Path file : Corpus.files()) {
            ItemParser.SplitResult result = parser.split(Corpus.read(file));
            assertThat(result.skipped()).as(file.toString()).isEmpty();
            assertThat(result.items()).as(file.toString()).singleElement()
                    .extracting(CalendarItem::uid).isEqualTo(parser.parse(Corpus.read(file)).uid());
            assertThat(MeaningfulProperties.of(result.items().get(0).text()))
                    .as(file.toString()).isEqualTo(MeaningfulProperties.of(Corpus.read(file)));
        }
    }

    @Test
    void splitRejectsTextWithoutCalendar() {
        assertThatThrownBy(() -> parser.split("hello")).isInstanceOf(MalformedItemException.class);
    }
}
