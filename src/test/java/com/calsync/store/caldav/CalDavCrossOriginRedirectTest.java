package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.testservers.FaultProxy;
import com.calsync.testservers.FaultProxy.Fault;
import com.calsync.testservers.HostileServer;
import com.calsync.testservers.RadicaleServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11's first probe against a real Radicale: the {@link FaultProxy} in front of it answers
 * with a redirect to another port on loopback, where a listener ({@link HostileServer}) records
 * what reached it and asks for a login, as a server fishing for the password would. CalDavClient
 * decides itself what follows a redirect (it never lets the JDK follow one), so the result does
 * not depend on whether this JDK update drops Authorization across origins on its own.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalDavCrossOriginRedirectTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private RadicaleServer server;
    private FaultProxy proxy;
    private HostileServer elsewhere;
    private CalDavStore store;
    private int calendars;

    @BeforeAll
    void start() {
        server = RadicaleServer.start();
        proxy = FaultProxy.start(server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newCalendar() {
        elsewhere = new HostileServer().otherwise((exchange, body) ->
                HostileServer.respond(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"give me\""), ""));
        URI calendar = server.newCalendar("Redirected " + ++calendars);
        CalDavAccount account = new CalDavAccount("radicale", proxy.baseUrl(), server.username(),
                server.password()::toCharArray);
        CalDavClient client = new CalDavClient(account, CalDavClient.httpClient(TIMEOUT), TIMEOUT,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)), d -> { },
                Clock.systemUTC());
        store = new CalDavStore(client, new CalDavDiscovery(client).inspect(proxy.via(calendar)));
    }

    @AfterEach
    void closeAll() {
        store.close();
        elsewhere.close();
        proxy.clearStanding();
        assertThat(proxy.pendingFaults()).as("every scripted redirect was met").isZero();
    }

    private String ownOrigin() {
        return "http://127.0.0.1:" + proxy.baseUrl().getPort();
    }

    private String otherOrigin() {
        return "http://127.0.0.1:" + elsewhere.port();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {307, 302})
    void aListingRedirectedToAnotherPortReachesItWithoutThePasswordAndTheErrorNamesBothOrigins(int status) {
        String path = store.calendar().url().getRawPath();
        proxy.always(path, Fault.redirect(status, elsewhere.uri(path)));

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(CalDavAuthenticationException.class)
                .hasMessageContaining("redirected to " + otherOrigin())
                .hasMessageContaining("the account's own server (" + ownOrigin() + ")");

        assertThat(proxy.log()).anyMatch(line -> line.endsWith(path + " -> REDIRECT"));
        assertThat(elsewhere.requests).as("the read was followed to the other origin").isNotEmpty()
                .allSatisfy(seen -> {
                    assertThat(seen.path()).isEqualTo(path);
                    assertThat(seen.authorization()).as("Authorization sent to " + otherOrigin()).isNull();
                    assertThat(seen.headers()).doesNotContainKey("Authorization");
                });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {307, 302})
    void aWriteRedirectedToAnotherPortIsRefusedSentNowhereAndNothingIsWritten(int status) {
        // The next request is the PUT: it takes the scripted redirect, whatever href the store picked.
        proxy.enqueue(Fault.redirect(status, elsewhere.uri("/stolen/x.ics")));

        assertThatThrownBy(() -> store.create("redirected-write", TestItems.event("redirected-write", "Secret plans")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("redirected to " + otherOrigin())
                .hasMessageContaining("the account's " + ownOrigin());

        assertThat(elsewhere.requests).as("neither the event nor the password went to the other origin").isEmpty();
        assertThat(store.list(TimeWindow.ALL).etags()).as("and nothing reached the real server").isEmpty();
    }
}
