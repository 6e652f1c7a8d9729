package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ItemRejectedException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.memory.MemoryStore;
import com.calsync.sync.IcalKit;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Journal;
import com.calsync.sync.Side;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import com.calsync.testservers.FaultProxy;
import com.calsync.testservers.FaultProxy.Fault;
import com.calsync.testservers.RadicaleServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Radicale behind the {@link FaultProxy}, answering 500 to every PUT of one item (as
 * Xandikos does for some valid items): the store reports that item as refused, with the
 * server's words, and the engine writes every other item, marks that one and backs off on it —
 * until a server that fails every write is taken for broken as a whole.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneRefusedItemTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private RadicaleServer server;
    private FaultProxy proxy;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private CalDavStore store;
    private URI calendar;
    private int calendars;

    @TempDir
    Path dir;

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
        waits.clear();
        calendar = server.newCalendar("Refusals " + ++calendars);
        CalDavAccount account = new CalDavAccount("refusing", proxy.baseUrl(), server.username(), server.password()::toCharArray);
        // waits are recorded, not slept: four attempts per write cost no time here
        CalDavClient client = new CalDavClient(account, CalDavClient.httpClient(TIMEOUT), TIMEOUT,
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                waits::add, Clock.systemUTC());
        store = new CalDavStore(client, new CalDavDiscovery(client).inspect(proxy.via(calendar)), 5, 2);
    }

    @AfterEach
    void closeStore() {
        store.close();
        proxy.clearStanding();
    }

    /** The path the store PUTs the item with {@code uid} to, as the proxy sees it. */
    private String pathOf(String uid) {
        return store.calendar().path() + Hrefs.encodeSegment(ResourceNames.forUid(uid));
    }

    @Test
    void fiveHundredsToEveryTryOfOnePutAreThatItemsRefusalWithTheServersReason() {
        proxy.always(pathOf("bad@test"), Fault.status(500));

        assertThatThrownBy(() -> store.create("bad@test", TestItems.event("bad@test", "Refused")))
                .isInstanceOfSatisfying(ItemRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.serverFault()).isTrue();
                    assertThat(e.concernsWholeStore()).isFalse();
                    assertThat(e.serverReason()).contains("fault proxy: HTTP 500");
                    assertThat(e.getMessage()).contains("failed to create").contains("fault proxy: HTTP 500")
                            .doesNotContain(server.password());
                });
        assertThat(waits).as("retried first").hasSize(3);
        assertThat(store.create("good@test", TestItems.event("good@test", "Fine")).href()).isNotNull();
        assertThat(store.list(TimeWindow.ALL).etags()).hasSize(1);
    }

    @Test
    void aServerErrorMixedWithAConnectionFailureStaysAnOutage() {
        proxy.enqueue(Fault.status(500), Fault.resetMidAnswer(), Fault.status(500), Fault.status(500));

        assertThatThrownBy(() -> store.create("flaky@test", TestItems.event("flaky@test", "F")))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(ItemRejectedException.class);
    }

    @Test
    void theRunWritesEveryOtherItemAndBacksOffOnTheRefusedOne() {
        MemoryStore source = new MemoryStore("source");
        for (int i = 0; i < 6; i++) {
            String uid = "item-" + i + "@test";
            source.put(uid, inWindow(uid, "Item " + i));
        }
        proxy.always(pathOf("item-3@test"), Fault.status(500));
        Runs runs = new Runs(source);

        SyncReport first = runs.sync(NOW);
        assertThat(first.outcome()).as("%s", first).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(first.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(5);
        assertThat(first.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("item-3@test");
            assertThat(e.title()).isEqualTo("Item 3");
            assertThat(e.message()).contains("HTTP 500").contains("fault proxy: HTTP 500").contains("tried again next run");
        });
        assertThat(store.list(TimeWindow.ALL).etags()).hasSize(5);

        SyncReport second = runs.sync(NOW.plusSeconds(60));
        assertThat(second.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).contains("failed 2 times in a row").contains("next try after 2026-11-26T12:16:00Z"));

        int putsBefore = puts();
        SyncReport third = runs.sync(NOW.plusSeconds(120));
        assertThat(third.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(puts() - putsBefore).as("the item waits out its backoff: no PUT").isZero();
        assertThat(third.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not tried this run"));

        proxy.clearStanding();
        SyncReport later = runs.sync(NOW.plus(Duration.ofMinutes(20)));
        assertThat(later.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(later.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(1);
        assertThat(store.list(TimeWindow.ALL).etags()).hasSize(6);
    }

    @Test
    void aServerThatFailsEveryWriteFailsThePairWithoutDeletingAnything() {
        MemoryStore source = new MemoryStore("source");
        for (int i = 0; i < 15; i++) {
            String uid = "all-" + i + "@test";
            source.put(uid, inWindow(uid, "All " + i));
            proxy.always(pathOf(uid), Fault.status(500));
        }

        SyncReport report = new Runs(source).sync(NOW);

        assertThat(report.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(report.failure()).contains("10 writes in a row failed").contains("Nothing was deleted");
        assertThat(report.errors()).hasSize(10);
    }

    /** An event in December 2026, inside the window of a run on {@link #NOW}. */
    private static String inWindow(String uid, String summary) {
        return TestItems.event(uid, summary).replace("20240301T", "20261201T");
    }

    private int puts() {
        return (int) proxy.log().stream().filter(line -> line.startsWith("PUT ")).count();
    }

    /** A mirror from a memory store into the calendar behind the proxy, with its state kept across runs. */
    private final class Runs {
        private final MemoryStore source;
        private final Path db = dir.resolve("state-" + calendars + ".db");

        Runs(MemoryStore source) {
            this.source = source;
        }

        SyncReport sync(Instant at) {
            Clock clock = Clock.fixed(at, ZoneOffset.UTC);
            SyncEngine engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(dir.resolve("journal"), clock),
                    clock);
            try (StatusDb status = StatusDb.open(db)) {
                return engine.sync(new SyncPair("refusals", source, store, SyncPolicy.defaults(SyncMode.MIRROR)), status,
                        SyncOptions.normal());
            }
        }
    }
}
