package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ItemRef;
import com.calsync.store.StoreException;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * TLS for real: Radicale serving https with a certificate from a CA the test made. The JDK's
 * trust store does not know that CA, so the account's {@code ca_file} is the only way in, and it
 * never turns verification off: another CA is still refused, and so is a host name the
 * certificate does not name.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalDavTlsTest {
    private static final Clock CLOCK = Clock.systemUTC();

    private Path certDir;
    private TestCertificates certs;
    private RadicaleServer server;

    @BeforeAll
    void start() throws IOException {
        certDir = Files.createTempDirectory("calsync-tls-");
        certs = TestCertificates.create(certDir);
        server = RadicaleServer.startTls(certs);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(certDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private CalDavClient client(URI url, Optional<Path> caFile) {
        return CalDavClient.create(new CalDavAccount("home", url, server.username(), server.password()::toCharArray)
                .withCaFile(caFile), CLOCK);
    }

    @Test
    void aCertificateFromAnUnknownCaFailsAtOnceAndSaysHowToTrustIt() {
        CalDavClient client = client(server.baseUrl(), Optional.empty());

        assertThatThrownBy(() -> new CalDavDiscovery(client).calendars())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the TLS certificate of https://localhost:" + server.baseUrl().getPort())
                .hasMessageContaining("not signed by a CA this computer trusts")
                .hasMessageContaining("set \"ca_file\" of account \"home\" to its path in config.json")
                .hasMessageContaining("never turns verification off");
        assertThat(client.requestCount()).as("the same certificate comes back every time: not retried").isEqualTo(1);
    }

    @Test
    void theAccountsCaFileTrustsTheSelfHostedServerAndSyncWorks() {
        URI calendar = server.newCalendar("Over TLS");
        CalDavClient client = client(server.baseUrl(), Optional.of(certs.caCertificate()));

        assertThat(new CalDavDiscovery(client).calendars()).extracting(CalendarInfo::url).contains(calendar);
        try (CalDavStore store = new CalDavStore(client, new CalDavDiscovery(client).inspect(calendar))) {
            ItemRef ref = store.create("tls-1", TestItems.event("tls-1", "Encrypted"));
            assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(ref.href());
        }
    }

    @Test
    void aCaFileOfAnotherCaDoesNotOpenTheDoor() {
        CalDavClient client = client(server.baseUrl(), Optional.of(certs.otherCaCertificate()));

        assertThatThrownBy(() -> new CalDavDiscovery(client).calendars())
                .isInstanceOf(StoreException.class).hasMessageContaining("not signed by a CA this computer trusts");
    }

    @Test
    void theHostNameIsVerifiedEvenWithTheRightCa() {
        // The certificate names localhost only; the same server reached as 127.0.0.1 must be refused.
        URI byAddress = URI.create("https://127.0.0.1:" + server.baseUrl().getPort() + "/");
        CalDavClient client = client(byAddress, Optional.of(certs.caCertificate()));

        assertThatThrownBy(() -> new CalDavDiscovery(client).calendars())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the TLS certificate of https://127.0.0.1:" + byAddress.getPort()
                        + " is made out for another host name");
    }
}
