package com.calsync.store.caldav;

import com.calsync.testservers.LocalCalDavServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One running CalDAV server and the stores a test class opens on it: each
 * {@link #newEmptyStore()} is a fresh MKCALENDAR collection. Start it in {@code @BeforeAll}, close
 * it in {@code @AfterAll}; a subclass of the shared store contract needs nothing else:
 *
 * <pre>{@code
 * @Tag("caldav") @TestInstance(PER_CLASS)
 * class CalDavRadicaleContractTest extends CalendarStoreContract {
 *     private CalDavStoreFixture fixture;
 *     @BeforeAll void start() { fixture = CalDavStoreFixture.start(RadicaleServer::start); }
 *     @AfterAll void stop() { fixture.close(); }
 *     @Override protected CalendarStore newEmptyStore() { return fixture.newEmptyStore(); }
 * }
 * }</pre>
 */
public final class CalDavStoreFixture implements AutoCloseable {
    private final LocalCalDavServer server;
    private final List<CalDavStore> opened = new ArrayList<>();
    private final AtomicInteger calendars = new AtomicInteger();

    private CalDavStoreFixture(LocalCalDavServer server) {
        this.server = server;
    }

    public static CalDavStoreFixture start(Supplier<? extends LocalCalDavServer> starter) {
        return new CalDavStoreFixture(starter.get());
    }

    public LocalCalDavServer server() {
        return server;
    }

    public CalDavAccount account() {
        String pass = server.password();
        return new CalDavAccount(server.name() + "-test", server.baseUrl(), server.username(),
                pass == null ? null : pass::toCharArray);
    }

    /** A client with short waits between retries, so failing tests fail fast. */
    public CalDavClient client() {
        return new CalDavClient(account(), CalDavClient.httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(20),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)),
                Sleeper.real(), Clock.systemUTC());
    }

    /** Display names "Test 1", "Test 2"… (and other calendars made through {@link #nextCalendarNumber()}). */
    public int nextCalendarNumber() {
        return calendars.incrementAndGet();
    }

    /** A store on a new, empty calendar; multiget batches of 10 so small tests cross batches. */
    public CalDavStore newEmptyStore() {
        return open(server.newCalendar("Test " + nextCalendarNumber()), client());
    }

    /** A store on {@code calendar} through {@code client} (e.g. one pointed at a fault proxy); closed with the others. */
    public CalDavStore open(URI calendar, CalDavClient client) {
        CalDavStore store = new CalDavStore(client, new CalDavDiscovery(client).inspect(calendar), 10, 3);
        synchronized (opened) {
            opened.add(store);
        }
        return store;
    }

    /** Closes the stores opened so far (the calendars stay until the server stops). */
    public void closeStores() {
        synchronized (opened) {
            opened.forEach(CalDavStore::close);
            opened.clear();
        }
    }

    @Override
    public void close() {
        closeStores();
        server.close();
    }
}
