package com.calsync.store.eventkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.store.StoreException;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The long-lived change watcher, against the GNUstep stand-in of EventKit. */
@Tag("gnustep")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class EventKitWatcherTest {
    private final FakeEventKit fake = FakeEventKit.get();
    private final EventKitRuntime runtime = new EventKitRuntime(fake.objc);

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    /** What EventKit posts when another app or an account sync changes the database. */
    private void postChange(Pointer eventStore, int times) {
        try (AutoreleasePool pool = new AutoreleasePool(fake.objc)) {
            Pointer center = fake.objc.send(fake.objc.cls("NSNotificationCenter"), "defaultCenter");
            for (int i = 0; i < times; i++) {
                fake.objc.sendVoid(center, "postNotificationName:object:", fake.ns.string(ChangeNotifications.NOTIFICATION),
                        eventStore);
            }
        }
    }

    @Test
    void aBurstOfChangeNotificationsGivesOneCallbackAfterTheQuietTime() {
        ManualScheduler timer = new ManualScheduler();
        AtomicInteger calls = new AtomicInteger();
        try (EventKitWatcher watcher = EventKitWatcher.open(runtime, "Work", Optional.empty(),
                new Debouncer(Duration.ofSeconds(2), timer), calls::incrementAndGet)) {
            postChange(fake.latestStoreObject, 5);

            assertThat(calls).as("nothing runs before the quiet time").hasValue(0);
            assertThat(timer.pending()).as("each notification moved the one pending run")
                    .singleElement().satisfies(t -> assertThat(t.delay()).isEqualTo(Duration.ofSeconds(2)));
            timer.runPending();

            assertThat(calls).hasValue(1);
            assertThat(watcher.calendar().label()).isEqualTo("\"Work\" (Exchange)");
        }
    }

    @Test
    void eachWatcherHearsItsOwnStoreAndNothingAfterItIsClosed() {
        ManualScheduler timerA = new ManualScheduler();
        ManualScheduler timerB = new ManualScheduler();
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        EventKitWatcher watcherA = EventKitWatcher.open(runtime, "Work", Optional.empty(), new Debouncer(Duration.ofSeconds(2), timerA),
                a::incrementAndGet);
        Pointer storeA = fake.objc.send(fake.latestStoreObject, "retain"); // still posts after the watcher let go of it
        // the observer class is defined once per process: a second watcher (a second runtime, even) reuses it
        EventKitWatcher watcherB = EventKitWatcher.open(new EventKitRuntime(fake.objc), "Holidays", Optional.empty(),
                new Debouncer(Duration.ofSeconds(2), timerB), b::incrementAndGet);
        Pointer storeB = fake.latestStoreObject;
        try {
            postChange(storeB, 1);
            timerA.runPending();
            timerB.runPending();
            assertThat(a).hasValue(0);
            assertThat(b).hasValue(1);

            watcherA.close();
            postChange(storeA, 1);
            assertThat(timerA.pending()).isEmpty();
            assertThat(a).hasValue(0);
        } finally {
            watcherB.close();
            fake.objc.sendVoid(storeA, "release");
        }
    }

    @Test
    void aWatcherNeverAsksForAccessAndSaysWhy() {
        fake.authorizationStatus = EventKitAccess.NOT_DETERMINED;
        assertThatThrownBy(() -> runtime.watch("Work", Optional.empty(), () -> { }))
                .isInstanceOf(StoreException.class).hasMessageContaining("not been granted calendar access yet");
        assertThat(fake.accessRequests).hasValue(0);

        fake.authorizationStatus = EventKitAccess.DENIED;
        assertThatThrownBy(() -> runtime.watch("Work", Optional.empty(), () -> { }))
                .hasMessageContaining("System Settings › Privacy & Security › Calendars");
    }

    @Test
    void aWatcherOnACalendarThatIsGoneFailsEarly() {
        assertThatThrownBy(() -> runtime.watch("Privat", Optional.empty(), () -> { }))
                .isInstanceOf(StoreException.class).hasMessageContaining("no calendar titled \"Privat\"");
    }
}
