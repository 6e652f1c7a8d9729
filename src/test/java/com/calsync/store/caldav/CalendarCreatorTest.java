package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MKCALENDAR against real Radicale and Xandikos: the calendar a whole-account pair makes for each source calendar. */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarCreatorTest {
    private CalDavStoreFixture radicale;
    private CalDavStoreFixture xandikos;

    @BeforeAll
    void start() {
        radicale = CalDavStoreFixture.start(RadicaleServer::start);
        xandikos = CalDavStoreFixture.start(XandikosServer::start);
    }

    @AfterAll
    void stop() {
        if (radicale != null) {
            radicale.close();
        }
        if (xandikos != null) {
            xandikos.close();
        }
    }

    Stream<String> servers() {
        return Stream.of("radicale", "xandikos");
    }

    private CalDavStoreFixture fixture(String server) {
        return server.equals("radicale") ? radicale : xandikos;
    }

    @ParameterizedTest
    @MethodSource("servers")
    void makesACalendarWithItsNameAndKindsThatDiscoveryThenLists(String server) {
        CalDavClient client = fixture(server).client();
        CalDavDiscovery discovery = new CalDavDiscovery(client);

        CalendarInfo made = new CalendarCreator(client).create(discovery.calendarHome(), "Family Trips & Tasks",
                Set.of("VEVENT", "VTODO"), Set.of());

        assertThat(made.displayName()).isEqualTo("Family Trips & Tasks");
        assertThat(made.path()).endsWith("/family-trips-tasks/");
        assertThat(made.holdsEvents()).isTrue();
        assertThat(made.holdsTasks()).isTrue();
        assertThat(made.writable()).isTrue();
        assertThat(new CalDavDiscovery(client).calendars()).extracting(CalendarInfo::displayName)
                .contains("Family Trips & Tasks");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aTakenPathGivesTheNextOneEvenWhenItWasNotListed(String server) {
        CalDavClient client = fixture(server).client();
        CalDavDiscovery discovery = new CalDavDiscovery(client);
        CalendarCreator creator = new CalendarCreator(client);
        CalendarInfo first = creator.create(discovery.calendarHome(), "Chores", Set.of("VTODO"), Set.of());

        // the server refuses the taken path (Radicale 409, Xandikos 207 holding 403); the next is tried
        CalendarInfo second = creator.create(discovery.calendarHome(), "chores", Set.of("VTODO"), Set.of());

        assertThat(first.path()).endsWith("/chores/");
        assertThat(second.path()).endsWith("/chores-2/");
        assertThat(second.displayName()).isEqualTo("chores");
        List<CalendarInfo> all = new CalDavDiscovery(client).calendars();
        assertThat(all).extracting(CalendarInfo::displayName).contains("Chores", "chores");
        if (server.equals("radicale")) {
            assertThat(first.holdsEvents()).as("Radicale keeps the component set asked for").isFalse();
        }
    }
}
