package com.calsync.store.eventkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.platform.Os;
import com.calsync.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calendar permission against the real EventKit, for a process that has not been granted access —
 * a CI runner, where nobody can click the prompt: the not-determined and denied paths end in a
 * clear error that says where to allow CalSync, and a refusal is not asked again. Skipped where the
 * test process already has Full Access (then {@link EventKitMacContractTest} runs instead).
 */
@Tag("macos")
class EventKitAccessMacTest {

    @Test
    void withoutAccessOpeningSaysWhereToAllowItAndAsksAtMostOnce() {
        EventKitRuntime runtime = EventKitRuntime.load(Os.MACOS);
        long status = runtime.access().status();
        assertThat(status).as("an EKAuthorizationStatus").isBetween(EventKitAccess.NOT_DETERMINED, EventKitAccess.WRITE_ONLY);
        assumeTrue(status != EventKitAccess.FULL_ACCESS, "this process already has calendar access");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> EventKitStore.open(runtime, "CalSync CI", Optional.empty(), UidLinksFile.inMemory(),
                    Clock.systemUTC(), ZoneId.systemDefault(), Duration.ofSeconds(20)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("System Settings › Privacy & Security › Calendars");
        }
        assertThat(runtime.access().requestsSent())
                .as("asked once when never asked before (a refusal or an open prompt is not asked again), else never")
                .isEqualTo(status == EventKitAccess.NOT_DETERMINED ? 1 : 0);
    }
}
