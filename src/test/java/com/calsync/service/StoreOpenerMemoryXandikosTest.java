package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.ConfigLoader;
import com.calsync.ical.TimeWindow;
import com.calsync.platform.Os;
import com.calsync.secrets.PasswordLookup;
import com.calsync.store.CalendarStore;
import com.calsync.store.SyncTokenExpiredException;
import com.calsync.store.caldav.CalendarInfo;
import com.calsync.store.caldav.KnownCalendar;
import com.calsync.store.caldav.RelocatingCalDavStore;
import com.calsync.testservers.XandikosServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CalDAV calendar opened from where the pair's state remembers it (no discovery), and found
 * again when the server says it is gone — against a real Xandikos.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOpenerMemoryXandikosTest {
    private static final String EVENT = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
            "BEGIN:VEVENT", "UID:%s", "DTSTAMP:20261101T000000Z", "DTSTART:20261201T090000Z", "SUMMARY:%s",
            "END:VEVENT", "END:VCALENDAR", "");

    @TempDir
    Path state;

    private XandikosServer server;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger calendars = new AtomicInteger();

    @BeforeAll
    void start() {
        server = XandikosServer.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Memory as the pair's state keeps it, counting what is remembered. */
    private static final class InMemory implements StoreOpener.Memory {
        String text;
        int remembered;

        @Override
        public Optional<String> recall() {
            return Optional.ofNullable(text);
        }

        @Override
        public void remember(String location) {
            text = location;
            remembered++;
        }
    }

    private StoreOpener opener() {
        return new StoreOpener(new PasswordLookup(Map.of()), state.resolve("feeds"), state.resolve("eventkit"), Os.LINUX,
                clock);
    }

    /** A config whose calendar "work" is the Xandikos calendar named {@code name}. */
    private CalSyncConfig config(String name) {
        return new ConfigLoader(state).parse("""
                { "accounts": { "local": { "url": "%s" } },
                  "calendars": { "work": { "account": "local", "name": "%s" },
                                 "here": { "type": "folder", "path": "%s" } },
                  "pairs": [ { "name": "p", "source": "work", "target": "here" } ] }
                """.formatted(server.baseUrl(), name, state.resolve("folder")), "config.json", state).config().orElseThrow();
    }

    /** A new calendar with one event, whose summary is the calendar's name. */
    private String calendarWithOneEvent() {
        String name = "Cal " + calendars.incrementAndGet();
        URI url = server.newCalendar(name);
        server.send("PUT", url.resolve("e.ics"), Map.of("Content-Type", "text/calendar"),
                EVENT.formatted(name + "@t", name));
        return name;
    }

    private static KnownCalendar known(InMemory memory) {
        return KnownCalendar.parse(memory.text).orElseThrow();
    }

    @Test
    void aRememberedCalendarOpensWhereItWasWithoutLookingItUp() {
        String work = calendarWithOneEvent();
        String other = calendarWithOneEvent();
        StoreOpener opener = opener();
        CalSyncConfig config = config(work);
        InMemory memory = new InMemory();
        try (CalendarStore first = opener.open(config, config.calendars().get("work"), memory)) {
            assertThat(first.describe()).contains(work);
        }
        assertThat(memory.remembered).isEqualTo(1);
        KnownCalendar found = known(memory);
        assertThat(found.info().displayName()).isEqualTo(work);

        // the memory says the calendar is where "other" is: an open that trusts it lists other's event
        CalendarInfo otherInfo;
        try (CalendarStore o = opener.open(config(other), config(other).calendars().get("work"), new InMemory())) {
            otherInfo = ((RelocatingCalDavStore) o).calendar();
        }
        memory.text = new KnownCalendar(found.key(), found.checkedAt(), otherInfo).toText();
        try (CalendarStore second = opener.open(config, config.calendars().get("work"), memory)) {
            assertThat(second.requestCount()).as("requests to open it").isZero();
            assertThat(second.list(TimeWindow.ALL).etags()).containsOnlyKeys(otherInfo.path() + "e.ics");
        }
    }

    @Test
    void aMemoryOfAnotherLookupOrOlderThanADayIsLookedUpAgain() {
        String work = calendarWithOneEvent();
        String other = calendarWithOneEvent();
        StoreOpener opener = opener();
        InMemory memory = new InMemory();
        opener.open(config(other), config(other).calendars().get("work"), memory).close();
        KnownCalendar ofOther = known(memory);

        CalSyncConfig config = config(work);
        // another calendar name in the config: another key
        opener.open(config, config.calendars().get("work"), memory).close();
        assertThat(known(memory).info().displayName()).isEqualTo(work);

        // the right key, but checked more than a day ago
        KnownCalendar ofWork = known(memory);
        memory.text = new KnownCalendar(ofWork.key(), clock.instant().minus(Duration.ofHours(25)), ofOther.info()).toText();
        opener.open(config, config.calendars().get("work"), memory).close();
        assertThat(known(memory).info().displayName()).isEqualTo(work);
        assertThat(memory.remembered).isEqualTo(3);
    }

    @Test
    void aCalendarGoneFromWhereItWasIsFoundAgainRememberedAndListed() {
        String work = calendarWithOneEvent();
        String doomed = calendarWithOneEvent();
        StoreOpener opener = opener();
        CalSyncConfig config = config(work);
        InMemory memory = new InMemory();
        opener.open(config, config.calendars().get("work"), memory).close();
        KnownCalendar ofWork = known(memory);
        InMemory doomedMemory = new InMemory();
        opener.open(config(doomed), config(doomed).calendars().get("work"), doomedMemory).close();
        CalendarInfo gone = known(doomedMemory).info();
        assertThat(server.send("DELETE", gone.url(), Map.of(), null).statusCode()).isBetween(200, 299);

        memory.text = new KnownCalendar(ofWork.key(), ofWork.checkedAt(), gone).toText();
        try (CalendarStore store = opener.open(config, config.calendars().get("work"), memory)) {
            assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(ofWork.info().path() + "e.ics");
            assertThat(store.describe()).contains(work);
        }
        assertThat(known(memory).info().url()).isEqualTo(ofWork.info().url());

        // a sync token of the vanished calendar: found again, and the engine is told to list it
        memory.text = new KnownCalendar(ofWork.key(), ofWork.checkedAt(), gone).toText();
        try (CalendarStore store = opener.open(config, config.calendars().get("work"), memory)) {
            assertThatThrownBy(() -> store.changesSince("http://example.invalid/sync/1"))
                    .isInstanceOf(SyncTokenExpiredException.class).hasMessageContaining("moved");
            assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(ofWork.info().path() + "e.ics");
        }
        assertThat(known(memory).info().url()).isEqualTo(ofWork.info().url());
    }

    @Test
    void aCalendarThatIsNowhereNamesWhatToCheck() {
        String doomed = calendarWithOneEvent();
        StoreOpener opener = opener();
        CalSyncConfig config = config(doomed);
        InMemory memory = new InMemory();
        opener.open(config, config.calendars().get("work"), memory).close();
        assertThat(server.send("DELETE", known(memory).info().url(), Map.of(), null).statusCode()).isBetween(200, 299);

        try (CalendarStore store = opener.open(config, config.calendars().get("work"), memory)) {
            assertThatThrownBy(() -> store.list(TimeWindow.ALL)).hasMessageContaining(doomed);
        }
        assertThat(known(memory).info().displayName()).as("nothing new remembered").isEqualTo(doomed);
        assertThat(Set.of(memory.remembered)).containsExactly(1);
    }
}
