package com.calsync.store.eventkit;

import static com.calsync.store.SampleItems.event;
import static com.calsync.store.SampleItems.uidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.store.ItemRef;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** EventKit-specific behaviour of the store, against the GNUstep stand-in of EventKit. */
@Tag("gnustep")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class EventKitStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final FakeEventKit fake = FakeEventKit.get();
    private final UidLinksFile links = UidLinksFile.inMemory();
    private final EventKitRuntime runtime = new EventKitRuntime(fake.objc);
    private EventKitStore store;

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        fake.reset();
    }

    private EventKitStore open(String title, Optional<String> source) {
        store = EventKitStore.open(runtime, title, source, links, Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneId.of("Europe/Berlin"), Duration.ofSeconds(30));
        return store;
    }

    private EventKitStore open() {
        return open("Work", Optional.empty());
    }

    private static final String SERIES = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
            "BEGIN:VEVENT", "UID:weekly-1", "DTSTAMP:20261101T000000Z",
            "DTSTART;TZID=Europe/Berlin:20261202T100000", "DTEND;TZID=Europe/Berlin:20261202T110000",
            "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Berlin:20261223T100000",
            "SUMMARY:Weekly 周会 🗓", "LOCATION:Raum 3", "DESCRIPTION:Agenda first", "URL:https://example.com/w",
            "TRANSP:OPAQUE",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER:-PT10M", "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:weekly-1", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;TZID=Europe/Berlin:20261216T100000",
            "DTSTART;TZID=Europe/Berlin:20261216T140000", "DTEND;TZID=Europe/Berlin:20261216T150000",
            "SUMMARY:Weekly (moved)", "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void aSeriesIsOneItemWithItsRuleAndDetachedOccurrence() {
        open();
        ItemRef ref = store.create("weekly-1", SERIES);

        assertThat(store.list(TimeWindow.around(NOW, 30, 365)).etags()).containsOnlyKeys(ref.href());
        String ics = store.get(List.of(ref.href())).get(0).ics();

        assertThat(uidOf(ics)).isEqualTo("weekly-1");
        assertThat(ics).contains("RRULE:FREQ=WEEKLY;COUNT=6", "DTSTART;TZID=Europe/Berlin:20261202T100000",
                "SUMMARY:Weekly 周会 🗓", "LOCATION:Raum 3", "DESCRIPTION:Agenda first", "URL:https://example.com/w",
                "TRIGGER:-PT10M", "RECURRENCE-ID;TZID=Europe/Berlin:20261216T100000",
                "DTSTART;TZID=Europe/Berlin:20261216T140000", "SUMMARY:Weekly (moved)");
        FakeEventKit.Series stored = fake.latest.series.get(ref.href());
        assertThat(stored.excluded).containsExactly(Instant.parse("2026-12-23T09:00:00Z"));
        assertThat(stored.overrides).containsOnlyKeys(Instant.parse("2026-12-16T09:00:00Z"));
    }

    @Test
    void everyMappedFieldSurvivesTheTripThroughEkEvent() {
        open();
        String allDay = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:ski", "DTSTAMP:20261101T000000Z",
                "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270304",
                "RRULE:FREQ=MONTHLY;UNTIL=20271231;BYDAY=-1FR;BYMONTH=3,9",
                "SUMMARY:Ski trip", "TRANSP:TRANSPARENT",
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER;VALUE=DATE-TIME:20270228T080000Z", "END:VALARM",
                "END:VEVENT", "END:VCALENDAR", "");
        String floating = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:lunch", "DTSTAMP:20261101T000000Z",
                "DTSTART:20261203T120000", "DURATION:PT1H30M", "SUMMARY:Lunch", "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
                "END:VEVENT", "END:VCALENDAR", "");

        String ski = store.get(List.of(store.create("ski", allDay).href())).get(0).ics();
        String lunch = store.get(List.of(store.create("lunch", floating).href())).get(0).ics();

        assertThat(ski).contains("DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270304", "BYDAY=-1FR", "BYMONTH=3,9",
                "UNTIL=20271231", "TRANSP:TRANSPARENT", "TRIGGER;VALUE=DATE-TIME:20270228T080000Z");
        assertThat(lunch).contains("DTSTART:20261203T120000\r\n", "DTEND:20261203T133000\r\n",
                "X-MICROSOFT-CDO-BUSYSTATUS:OOF", "TRANSP:OPAQUE");
    }

    @Test
    void listingsQueryInChunksOfAtMostAYear() {
        open();
        String uid = "far-" + System.nanoTime();
        store.create(uid, event(uid, "Far ahead").replace("20261201", "20310601"));
        int before = fake.latest.predicateQueries.get();

        assertThat(store.list(TimeWindow.ALL).etags()).hasSize(1);

        assertThat(fake.latest.longestPredicate).isLessThanOrEqualTo(Duration.ofDays(365));
        assertThat(fake.latest.predicateQueries.get() - before).isGreaterThanOrEqualTo(20);
    }

    @Test
    void eachWriteIsOneCommit() {
        open();
        int before = fake.latest.commits.get();
        ItemRef ref = store.create("c1", event("c1", "One"));
        String etag = store.update(ref.href(), event("c1", "Two"), ref.etag());
        store.delete(ref.href(), etag);
        assertThat(fake.latest.commits.get() - before).isEqualTo(3);
    }

    @Test
    void eventKitsOwnIdentifiersAreNeitherHrefNorUidAndEventsFromElsewhereUseTheExternalIdentifier() {
        open();
        ItemRef ref = store.create("mine-1", event("mine-1", "Mine"));
        assertThat(ref.href()).startsWith("EK");

        links.unlink(ref.href()); // as if another app had made it: no link, so EventKit's external id is the UID
        StoredItem item = store.get(List.of(ref.href())).get(0);
        assertThat(uidOf(item.ics())).startsWith("ext-");
    }

    @Test
    void saveErrorsCarryEventKitsReason() {
        open();
        String backwards = event("bad", "Backwards").replace("DTEND:20261201T100000Z", "DTEND:20261201T080000Z");
        assertThatThrownBy(() -> store.create("bad", backwards)).isInstanceOf(StoreException.class)
                .hasMessageContaining("bad").hasMessageContaining("The start date must be before the end date")
                .hasMessageContaining("\"Work\" (Exchange)");
        assertThat(store.list(TimeWindow.ALL).etags()).isEmpty();
    }

    @Test
    void calendarsArePickedByTitleAndSource() {
        assertThatThrownBy(() -> open("Home", Optional.empty()))
                .isInstanceOf(StoreException.class).hasMessageContaining("2 calendars titled \"Home\"")
                .hasMessageContaining("iCloud").hasMessageContaining("On My Mac").hasMessageContaining("\"source\"");
        assertThatThrownBy(() -> open("Privat", Optional.empty()))
                .isInstanceOf(StoreException.class).hasMessageContaining("no calendar titled \"Privat\"")
                .hasMessageContaining("\"Work\" (Exchange)").hasMessageContaining("\"Holidays\" (Subscribed Calendars)");

        open("Home", Optional.of("icloud"));
        assertThat(store.describe()).isEqualTo("macOS Calendar \"Home\" (iCloud)");
        assertThat(store.calendars()).extracting(EventKitCalendar::label)
                .containsExactly("\"Home\" (iCloud)", "\"Work\" (Exchange)", "\"Home\" (On My Mac)",
                        "\"Holidays\" (Subscribed Calendars)");
    }

    @Test
    void aCalendarThatAllowsNoChangesIsReadOnly() {
        open("Holidays", Optional.empty());
        assertThat(store.capabilities().readOnly()).isTrue();
        assertThatThrownBy(() -> store.create("h", event("h", "Holiday"))).isInstanceOf(ReadOnlyStoreException.class)
                .hasMessageContaining("Holidays");
    }

    @Test
    void accessIsRequestedWithTheMacOs14ApiWhenPresentAndTheAnswerMayComeFromAnyThread() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        open();
        assertThat(fake.lastAccessRequest).isEqualTo("requestFullAccessToEventsWithCompletion:");
        assertThat(fake.lastCompletionThread).isEqualTo("fake-eventkit-completion");
    }

    @Test
    void olderSystemsGetTheOlderAccessRequest() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        fake.hasFullAccessApi = false;
        open();
        assertThat(fake.lastAccessRequest).isEqualTo("requestAccessToEntityType:completion:");
    }

    @Test
    void refusedAccessSaysWhereToAllowIt() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        fake.grantOnRequest = false;
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining("System Settings › Privacy & Security › Calendars");

        fake.authorizationStatus = EventKitAccess.DENIED;
        fake.lastAccessRequest = "";
        assertThatThrownBy(this::open).hasMessageContaining("System Settings › Privacy & Security › Calendars");
        assertThat(fake.lastAccessRequest).as("a denied app cannot ask again").isEmpty();
    }

    @Test
    void aStoreMadeBeforeTheGrantIsResetSoTheFirstSyncFindsItsCalendar() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;

        open(); // the store asked, was granted, and must now see "Work" although it was made before the grant

        assertThat(store.describe()).isEqualTo("macOS Calendar \"Work\" (Exchange)");
        assertThat(fake.latest.resets).as("reset once, right after the grant").hasValue(1);
        assertThat(runtime.access().requestsSent()).isEqualTo(1);
    }

    @Test
    void withoutAGrantThereIsNoReset() {
        open();
        assertThat(fake.latest.resets).hasValue(0);
        assertThat(fake.accessRequests).hasValue(0);
    }

    @Test
    void aLateAnswerReachesAPendingRequestThatLaterOpensShareAndThenTheGrantIsAnnounced() throws Exception {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        fake.holdAnswers = true;
        AtomicInteger granted = new AtomicInteger();
        runtime.onAccessGranted(granted::incrementAndGet);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> EventKitStore.open(runtime, "Work", Optional.empty(), links, Clock.fixed(NOW, ZoneOffset.UTC),
                    ZoneId.of("Europe/Berlin"), Duration.ofMillis(50)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("has not yet answered")
                    .hasMessageContaining("System Settings › Privacy & Security › Calendars");
        }
        assertThat(fake.accessRequests).as("one question on screen, not three").hasValue(1);

        // the opens that asked are long gone: only the runtime keeps the block and its callback
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        fake.answerHeldRequests(true);

        assertThat(granted).hasValue(1);
        open();
        assertThat(store.describe()).contains("Work");
        assertThat(fake.accessRequests).hasValue(1);
    }

    @Test
    void aRefusalAfterARequestIsNotAnnouncedAsAGrant() throws Exception {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        fake.holdAnswers = true;
        AtomicInteger granted = new AtomicInteger();
        runtime.onAccessGranted(granted::incrementAndGet);
        assertThatThrownBy(this::openQuickly).hasMessageContaining("has not yet answered");

        fake.answerHeldRequests(false);

        assertThat(granted).hasValue(0);
        assertThatThrownBy(this::openQuickly).hasMessageContaining("not allowed to use your calendars");
        assertThat(fake.accessRequests).as("a refused app cannot ask again").hasValue(1);
    }

    private EventKitStore openQuickly() {
        return EventKitStore.open(runtime, "Work", Optional.empty(), links, Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneId.of("Europe/Berlin"), Duration.ofMillis(50));
    }
}
