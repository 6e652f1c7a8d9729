package com.calsync.store.eventkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.Os;
import com.calsync.store.StoreException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Listing the calendars on this Mac, against the GNUstep stand-in of EventKit. */
@Tag("gnustep")
class EventKitDirectoryTest {
    private final FakeEventKit fake = FakeEventKit.get();

    @AfterEach
    void reset() {
        fake.reset();
    }

    @Test
    void listsEveryCalendarWithItsAccountAndWhetherItCanBeWritten() {
        assertThat(EventKitDirectory.list(fake.objc, Duration.ofSeconds(5)))
                .extracting(c -> c.title() + " / " + c.source() + " / " + c.writable())
                .containsExactly("Home / iCloud / true", "Work / Exchange / true", "Home / On My Mac / true",
                        "Holidays / Subscribed Calendars / false");
    }

    @Test
    void asksForAccessTheFirstTimeAndSaysWhereToAllowItWhenRefused() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        assertThat(EventKitDirectory.list(fake.objc, Duration.ofSeconds(5))).hasSize(4);
        assertThat(fake.lastAccessRequest).isEqualTo("requestFullAccessToEventsWithCompletion:");

        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        fake.grantOnRequest = false;
        assertThatThrownBy(() -> EventKitDirectory.list(fake.objc, Duration.ofSeconds(5)))
                .isInstanceOf(StoreException.class).hasMessageContaining("Privacy & Security › Calendars");
    }

    @Test
    void elsewhereThanMacOsItSaysSo() {
        assertThatThrownBy(() -> EventKitRuntime.load(Os.LINUX)).hasMessageContaining("only on macOS");
    }
}
