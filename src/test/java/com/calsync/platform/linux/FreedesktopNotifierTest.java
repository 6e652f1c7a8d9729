package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.DesktopNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications over a real D-Bus session (a private dbus-daemon) to a notification server
 * written with dbus-python: what arrives is read off the bus by another D-Bus implementation.
 */
@Tag("external")
class FreedesktopNotifierTest {
    @TempDir
    Path dir;

    private static final String TITLE = "Pair \"work → home\"\nis failing · Ünïcødé 日本";
    private static final String BODY = "401 Unauthorized from \"caldav.example.org\"\n"
            + "Check the password <or> the app password & try again — ✓ 🔑\n\ttab'd";

    @Test
    void theNotificationArrivesWithItsTextIntact() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir).withDesktop("--notifications")) {
            DesktopNotifier notifier = FreedesktopNotifier.connect(bus.env(), "CalSync", "calsync").orElseThrow();

            notifier.notify(TITLE, BODY);

            JsonNode call = bus.nextCall();
            assertThat(call.path("call").asText()).isEqualTo("Notify");
            assertThat(call.path("app_name").asText()).isEqualTo("CalSync");
            assertThat(call.path("app_icon").asText()).isEqualTo("calsync");
            assertThat(call.path("replaces_id").asInt()).isZero();
            assertThat(call.path("expire_timeout").asInt()).isEqualTo(-1);
            assertThat(call.path("actions")).isEmpty();
            // the summary is one line; the body is the text as written, line breaks, quotes and all
            assertThat(call.path("summary").asText()).isEqualTo("Pair \"work → home\" is failing · Ünïcødé 日本");
            assertThat(call.path("body").asText()).isEqualTo(BODY);
        }
    }

    @Test
    void aServerThatReadsMarkupGetsTheBodyEscaped() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir).withDesktop("--notifications", "--markup")) {
            DesktopNotifier notifier = FreedesktopNotifier.connect(bus.env(), "CalSync", "").orElseThrow();

            notifier.notify("Deletions held", "12 of 12 <items> gone & held\n\"Team meeting\"");

            JsonNode call = bus.nextCall();
            assertThat(call.path("body").asText()).isEqualTo("12 of 12 &lt;items&gt; gone &amp; held\n\"Team meeting\"");
            assertThat(call.path("app_icon").asText()).isEmpty();
        }
    }

    @Test
    void successiveNotificationsEachArrive() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir).withDesktop("--notifications")) {
            DesktopNotifier notifier = FreedesktopNotifier.connect(bus.env(), "CalSync", "calsync").orElseThrow();
            for (String pair : List.of("a", "b", "c")) {
                notifier.notify(pair + " recovered", "last sync ok");
            }
            assertThat(List.of(bus.nextCall(), bus.nextCall(), bus.nextCall()))
                    .extracting(c -> c.path("summary").asText()).containsExactly("a recovered", "b recovered", "c recovered");
        }
    }

    @Test
    void aBusWithoutANotificationServiceGivesNoNotifier() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(dir)) {
            Optional<DesktopNotifier> notifier = FreedesktopNotifier.connect(bus.env(), "CalSync", "calsync");
            assertThat(notifier).isEmpty();
        }
    }
}
