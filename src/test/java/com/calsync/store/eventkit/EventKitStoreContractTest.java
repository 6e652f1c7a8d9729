package com.calsync.store.eventkit;

import com.calsync.store.CalendarStore;
import com.calsync.store.CalendarStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/**
 * The real EventKitStore, bridge and message sends against EventKit's classes registered in
 * GNUstep by {@link FakeEventKit}: the shared store contract.
 */
@Tag("gnustep")
class EventKitStoreContractTest extends CalendarStoreContract {

    @Override
    protected CalendarStore newEmptyStore() {
        FakeEventKit fake = FakeEventKit.get();
        return EventKitStore.open(new EventKitRuntime(fake.objc), "Work", Optional.empty(), UidLinksFile.inMemory(),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Berlin"),
                Duration.ofSeconds(5));
    }

    @Override
    protected boolean preservesBytes() {
        return false; // the store maps each item to an EKEvent and back
    }
}
