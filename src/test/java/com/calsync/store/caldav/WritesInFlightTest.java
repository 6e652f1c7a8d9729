package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.calsync.ical.TimeWindow;
import com.calsync.store.StoredItem;
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
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A first mirror into a real server, several writes in flight, through the {@link FaultProxy}
 * answering some PUTs "busy" (429 with Retry-After, 503 without): every item arrives exactly
 * once, and the sync sends one write at a time after the busy answers, waiting the Retry-After.
 */
@Tag("caldav")
@Tag("external")
class WritesInFlightTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final int EVENTS = 24;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"radicale", "xandikos"})
    void aFirstMirrorWithBusyAnswersWritesEveryItemExactlyOnceAndBacksOff(String serverName) {
        Supplier<LocalCalDavServer> start = serverName.equals("radicale") ? RadicaleServer::start : XandikosServer::start;
        Logger windowLog = (Logger) LoggerFactory.getLogger("com.calsync.sync");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        windowLog.addAppender(logged);
        try (LocalCalDavServer server = start.get(); FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            CalDavAccount account = new CalDavAccount("busy", proxy.baseUrl(), server.username(),
                    server.password() == null ? null : server.password()::toCharArray);
            List<Duration> clientWaits = new CopyOnWriteArrayList<>();
            // the client's own waits before a retry are recorded, not slept; the window's pause is real (1 s)
            CalDavClient client = new CalDavClient(account, CalDavClient.httpClient(TIMEOUT), TIMEOUT,
                    new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                    clientWaits::add, Clock.systemUTC());
            MemoryStore source = new MemoryStore("source");
            for (int i = 0; i < EVENTS; i++) {
                String uid = "busy-" + i + "@test";
                source.put(uid, TestItems.event(uid, "Busy " + i).replace("20240301T", "202612%02dT".formatted(1 + i % 28)));
            }
            try (CalDavStore store = new CalDavStore(client, new CalDavDiscovery(client)
                    .inspect(proxy.via(server.newCalendar("Writes in flight"))), 10, 2)) {
                String collection = store.calendar().path();
                proxy.once(collection + Hrefs.encodeSegment(ResourceNames.forUid("busy-5@test")), Fault.retryAfter(429, 1));
                proxy.once(collection + Hrefs.encodeSegment(ResourceNames.forUid("busy-6@test")), Fault.status(503));
                proxy.once(collection + Hrefs.encodeSegment(ResourceNames.forUid("busy-15@test")), Fault.retryAfter(503, 1));

                Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
                SyncEngine engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC),
                        new Journal(dir.resolve("journal"), clock), clock);
                SyncReport report;
                try (StatusDb status = StatusDb.open(dir.resolve("state.db"))) {
                    report = engine.sync(new SyncPair("busy", source, store, SyncPolicy.defaults(SyncMode.MIRROR)),
                            status, SyncOptions.normal().withMaxWritesInFlight(4));
                }

                assertThat(report.outcome()).as("%s %s", report.failure(), report.errors()).isEqualTo(SyncOutcome.OK);
                assertThat(report.count(Side.TARGET, ItemChange.Kind.CREATED)).isEqualTo(EVENTS);
                List<StoredItem> onServer = store.get(store.list(TimeWindow.ALL).etags().keySet());
                assertThat(onServer).hasSize(EVENTS);
                assertThat(onServer).extracting(item -> uidOf(item.ics())).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(source.snapshot().values().stream()
                                .map(item -> uidOf(item.ics())).toList());
                List<String> puts = proxy.log().stream().filter(line -> line.startsWith("PUT ")).toList();
                assertThat(puts).as("each item once, plus a retry of each busy answer").hasSize(EVENTS + 3);
                assertThat(clientWaits).as("the store's retries waited the Retry-After where given")
                        .contains(Duration.ofSeconds(1));

                List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
                assertThat(messages).as("backed off").anyMatch(m -> m.contains("answered busy (HTTP 429 or 503);"
                        + " sending one write at a time"));
                assertThat(messages).as("waited the server's Retry-After before sending more")
                        .anyMatch(m -> m.contains("asked to wait 1000 ms"));
                assertThat(messages).as("several writes were in flight at once")
                        .anyMatch(m -> m.matches(".*\\d+ writes, up to [2-4] at once.*"));
            }
        } finally {
            windowLog.detachAppender(logged);
        }
    }

    private static String uidOf(String ics) {
        Matcher m = Pattern.compile("(?m)^UID:(.*?)\\r?$").matcher(ics);
        return m.find() ? m.group(1) : null;
    }
}
