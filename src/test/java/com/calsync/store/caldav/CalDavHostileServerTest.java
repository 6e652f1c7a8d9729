package com.calsync.store.caldav;

import static com.calsync.store.SampleItems.event;
import static com.calsync.testservers.HostileServer.redirect;
import static com.calsync.testservers.HostileServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.http.ResponseTooLargeException;
import com.calsync.store.memory.MemoryStore;
import com.calsync.sync.IcalKit;
import com.calsync.sync.Journal;
import com.calsync.sync.StatusDb;
import com.calsync.sync.SyncEngine;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOptions;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncPair;
import com.calsync.sync.SyncPolicy;
import com.calsync.sync.SyncReport;
import com.calsync.testservers.HostileServer;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of issue 11 against the CalDAV store, each played by a small hostile server on
 * loopback ({@link HostileServer}): redirects to other origins, hrefs outside the collection,
 * answers that trickle or never end, odd etags.
 */
class CalDavHostileServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String BASIC_ALICE = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("alice:hunter2".getBytes(StandardCharsets.UTF_8));
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(1));

    private final HostileServer home = new HostileServer();
    private final HostileServer elsewhere = new HostileServer();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        home.close();
        elsewhere.close();
    }

    private CalDavClient aliceAt(HostileServer server, HttpLimits limits) {
        CalDavAccount alice = new CalDavAccount("home", server.uri("/"), "alice", "hunter2"::toCharArray);
        return new CalDavClient(alice, CalDavClient.httpClient(Duration.ofSeconds(5)), limits, FAST_RETRIES, d -> { },
                CLOCK);
    }

    private CalDavClient aliceAt(HostileServer server) {
        return aliceAt(server, HttpLimits.DEFAULTS);
    }

    private static CalendarInfo calendarAt(URI url) {
        return new CalendarInfo(url, "Work", Optional.empty(), Optional.empty(), false, Set.of("VEVENT"), true);
    }

    // --- probe: a 307/302 to another origin -------------------------------------------------------

    @Test
    void aReadRedirectedToAnotherPortIsFollowedWithoutThePassword() {
        home.on("/cal/", redirect(307, elsewhere.uri("/cal/").toString()));
        elsewhere.on("/cal/", (exchange, body) -> respond(exchange, 401, Map.of("WWW-Authenticate", "Basic"), ""));
        CalDavStore store = new CalDavStore(aliceAt(home), calendarAt(home.uri("/cal/")));

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(CalDavAuthenticationException.class)
                .hasMessageContaining("redirected to http://127.0.0.1:" + elsewhere.port())
                .hasMessageContaining("sends the password only to the account's own server");
        assertThat(home.requests).hasSize(1);
        assertThat(home.requests.get(0).authorization()).isEqualTo(BASIC_ALICE);
        assertThat(elsewhere.requests).as("the other origin was asked, but never given the password").isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void aWriteRedirectedToAnotherOriginIsRefusedAndNeverSentThere() {
        home.on("/cal/x.ics", redirect(302, elsewhere.uri("/cal/x.ics").toString()));
        CalDavStore store = new CalDavStore(aliceAt(home), calendarAt(home.uri("/cal/")));

        assertThatThrownBy(() -> store.update("/cal/x.ics", event("x", "X"), "\"1\""))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PUT " + home.uri("/cal/x.ics"))
                .hasMessageContaining("redirected to http://127.0.0.1:" + elsewhere.port())
                .hasMessageContaining("http://127.0.0.1:" + home.port());
        assertThat(elsewhere.requests).isEmpty();
    }

    @Test
    void aRedirectWithinTheOriginKeepsThePasswordAndALoopEndsCleanly() {
        home.on("/old/", redirect(301, "/cal/"));
        home.on("/cal/", (exchange, body) -> respond(exchange, 207, Map.of(), "<d:multistatus xmlns:d=\"DAV:\"/>"));
        home.on("/loop/", redirect(302, "/loop/"));
        CalDavClient client = aliceAt(home);

        CalDavClient.Answer answer = client.send(CalDavClient.Request.xml("PROPFIND", home.uri("/old/"), "1", "<x/>"));
        assertThat(answer.status()).isEqualTo(207);
        assertThat(home.requests).extracting(HostileServer.Seen::authorization).containsOnly(BASIC_ALICE);
        assertThat(home.requests).extracting(HostileServer.Seen::method).containsOnly("PROPFIND");

        assertThatThrownBy(() -> client.send(CalDavClient.Request.xml("PROPFIND", home.uri("/loop/"), "1", "<x/>")))
                .isInstanceOf(StoreException.class).hasMessageContaining("redirected more than 5 times");
    }

    @Test
    void discoveryTrustsTheCalendarHomeItFoundButNotWhatARedirectTargetNames() {
        // the account's server names its principal, whose calendar home lives on another port (as iCloud's does)
        home.on("/", (exchange, body) -> respond(exchange, 207, Map.of(), "<d:multistatus xmlns:d=\"DAV:\"><d:response>"
                + "<d:href>/</d:href><d:propstat><d:prop><d:current-user-principal><d:href>/principal/</d:href>"
                + "</d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
                + "</d:multistatus>"));
        home.on("/principal/", (exchange, body) -> respond(exchange, 207, Map.of(), "<d:multistatus xmlns:d=\"DAV:\""
                + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:response><d:href>/principal/</d:href><d:propstat><d:prop>"
                + "<c:calendar-home-set><d:href>" + elsewhere.uri("/home/") + "</d:href></c:calendar-home-set></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>"));
        elsewhere.on("/home/", (exchange, body) -> respond(exchange, 207, Map.of(), "<d:multistatus xmlns:d=\"DAV:\"/>"));
        CalDavClient client = aliceAt(home);

        assertThat(new CalDavDiscovery(client).calendars()).isEmpty();
        assertThat(elsewhere.requests).extracting(HostileServer.Seen::authorization).containsOnly(BASIC_ALICE);

        // an origin reached only by a redirect (so without the password) cannot widen the trust
        HostileServer third = new HostileServer();
        try {
            CalDavClient.Answer fromUntrusted = new CalDavClient.Answer(207, Map.of(), new byte[0],
                    third.uri("/x/"), false);
            client.trust(third.uri("/y/"), fromUntrusted);
            assertThat(client.isTrusted(third.uri("/y/"))).isFalse();
        } finally {
            third.close();
        }
    }

    // --- probe: hrefs outside the collection ----------------------------------------------------

    @Test
    void aTwoWaySyncNeverReadsWritesOrDeletesHrefsOutsideTheCollection() throws Exception {
        HostileCalendar calendar = new HostileCalendar(home);
        calendar.items.put("/cal/mine.ics", new HostileCalendar.Resource("\"1\"", event("mine", "Mine")));
        calendar.foreign.put("/other/x.ics", event("other-x", "Someone else's"));
        calendar.foreign.put("/cal/../../evil/y.ics", event("evil-y", "Evil"));
        calendar.foreign.put("/cal/%2e%2e/%2E%2E/evil/z.ics", event("evil-z", "Evil encoded"));
        calendar.foreign.put("/cal/..%2Fevil%2Fw.ics", event("evil-w", "Evil slash"));
        calendar.foreign.put(elsewhere.uri("/cal/v.ics").toString(), event("elsewhere-v", "Another host"));
        calendar.foreign.put("/cal/sub/u.ics", event("sub-u", "A sub-folder"));
        MemoryStore memory = new MemoryStore("memory");
        memory.put("new-here", event("new-here", "Made on the other side"));
        SyncEngine engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(temp.resolve("journal"), CLOCK),
                CLOCK);

        try (CalDavStore store = calendar.store(CLOCK); StatusDb db = StatusDb.open(temp.resolve("pair.db"))) {
            SyncPair pair = new SyncPair("hostile", store, memory, SyncPolicy.defaults(SyncMode.TWO_WAY));
            SyncReport first = engine.sync(pair, db, SyncOptions.normal());
            // edit and delete on the memory side everything it got, then sync again
            memory.snapshot().keySet().forEach(href -> memory.touch(href));
            memory.snapshot().keySet().stream().filter(h -> !h.contains("mine")).forEach(memory::remove);
            SyncReport second = engine.sync(pair, db, SyncOptions.normal());

            assertThat(first.outcome()).isNotEqualTo(SyncOutcome.FAILED);
            assertThat(second.outcome()).isNotEqualTo(SyncOutcome.FAILED);
        }
        assertThat(memory.snapshot().values()).extracting(i -> com.calsync.store.SampleItems.uidOf(i.ics()))
                .as("only the collection's own item came over").doesNotContain("other-x", "evil-y", "evil-z", "evil-w",
                        "elsewhere-v", "sub-u");
        assertThat(calendar.requestedPaths()).as("every request stayed inside /cal/")
                .allSatisfy(r -> assertThat(r.substring(r.indexOf(' ') + 1)).startsWith("/cal/").doesNotContain(".."));
        assertThat(calendar.requestedPaths()).contains("PUT /cal/new-here.ics")
                .noneMatch(r -> r.startsWith("DELETE") && !r.equals("DELETE /cal/new-here.ics"));
        assertThat(calendar.hrefsAskedFor()).as("no foreign href was fetched").allMatch(h -> h.startsWith("/cal/")
                && !h.contains("..") && !h.contains("%2F") && !h.contains("/sub/"));
        assertThat(elsewhere.requests).isEmpty();
    }

    @Test
    void aWriteToAnHrefOutsideTheCollectionIsRefusedBeforeAnythingIsSent() {
        HostileCalendar calendar = new HostileCalendar(home);
        CalDavStore store = calendar.store(CLOCK);

        for (String href : List.of("/cal/../../evil/y.ics", "/other/x.ics", "/cal/%2E%2E/evil.ics",
                elsewhere.uri("/cal/a.ics").toString(), "/cal/sub/b.ics", "/cal/")) {
            assertThatThrownBy(() -> store.update(href, event("e", "E"), "\"1\"")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not sent").hasMessageContaining("writes only items of the configured calendar");
            assertThatThrownBy(() -> store.delete(href, "\"1\"")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not sent");
        }
        assertThat(store.get(List.of("/cal/../../evil/y.ics", "/other/x.ics"))).isEmpty();
        assertThat(home.requests).isEmpty();
        assertThat(elsewhere.requests).isEmpty();
    }

    // --- probes: a trickling answer, a huge multistatus -----------------------------------------------

    @Test
    void anAnswerThatTricklesEndsAtTheRequestDeadlineOnEveryAttempt() {
        home.on("/cal/", (exchange, body) -> {
            exchange.sendResponseHeaders(207, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 600; i++) { // one byte every 100 ms: a minute, if nobody stops it
                out.write(' ');
                out.flush();
                sleep(100);
            }
        });
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(5), Duration.ofMillis(700), HttpLimits.DEFAULTS.maxBodyBytes());
        CalDavStore store = new CalDavStore(aliceAt(home, limits), calendarAt(home.uri("/cal/")));

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("PROPFIND " + home.uri("/cal/"))
                .hasMessageContaining("did not answer completely within 700 ms")
                .hasMessageContaining("request_timeout_seconds");
        // at most the attempts allowed; a slow machine (or libfaketime) may end the last attempt at its
        // deadline before the server has even read it, so fewer may arrive
        assertThat(home.requests.size()).as("each attempt ended at its deadline; retries are counted, not endless")
                .isBetween(1, FAST_RETRIES.maxAttempts());
    }

    @Test
    void aMultistatusLargerThanTheLimitIsRefusedOnceAndNamesTheKey() {
        // 200 MB declared: refused from its headers, not downloaded (and never four times)
        home.on("/cal/", (exchange, body) -> {
            exchange.sendResponseHeaders(207, 200L * 1024 * 1024);
            exchange.getResponseBody().write("<d:multistatus xmlns:d=\"DAV:\">".getBytes(StandardCharsets.UTF_8));
            sleep(2000);
        });
        CalDavStore store = new CalDavStore(aliceAt(home), calendarAt(home.uri("/cal/")));

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("PROPFIND " + home.uri("/cal/"))
                .hasMessageContaining("larger than 64 MB")
                .hasMessageContaining("\"max_response_mb\"");
        assertThat(home.requests).hasSize(1);
    }

    @Test
    void aMultistatusThatNeverEndsIsCutAtTheLimit() {
        home.on("/cal/", (exchange, body) -> {
            exchange.sendResponseHeaders(207, 0); // chunked, no length: only counting can stop it
            OutputStream out = exchange.getResponseBody();
            out.write("<d:multistatus xmlns:d=\"DAV:\">".getBytes(StandardCharsets.UTF_8));
            byte[] response = ("<d:response><d:href>/cal/x.ics</d:href></d:response>").getBytes(StandardCharsets.UTF_8);
            while (true) {
                out.write(response);
            }
        });
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 1024 * 1024);
        CalDavStore store = new CalDavStore(aliceAt(home, limits), calendarAt(home.uri("/cal/")));

        assertThatThrownBy(() -> store.list(TimeWindow.ALL)).isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("larger than 1 MB");
        assertThat(home.requests).hasSize(1);
    }

    // --- probe: empty and CR/LF etags -------------------------------------------------------------

    @Test
    void oddEtagsCostTheirOwnItemsNeverThePair() throws Exception {
        HostileCalendar calendar = new HostileCalendar(home);
        calendar.items.put("/cal/empty.ics", new HostileCalendar.Resource("", event("empty", "Old")));
        calendar.items.put("/cal/crlf.ics", new HostileCalendar.Resource("\"a&#13;&#10;Injected: 1\"", event("crlf", "Old")));
        calendar.items.put("/cal/fine.ics", new HostileCalendar.Resource("\"7\"", event("fine", "Old")));
        MemoryStore source = new MemoryStore("source");
        for (String uid : List.of("empty", "crlf", "fine", "later")) {
            source.put(uid, event(uid, "New " + uid));
        }
        SyncEngine engine = new SyncEngine(IcalKit.standard(ZoneOffset.UTC), new Journal(temp.resolve("journal"), CLOCK),
                CLOCK);

        SyncReport report;
        try (CalDavStore target = calendar.store(CLOCK); StatusDb db = StatusDb.open(temp.resolve("pair.db"))) {
            report = engine.sync(new SyncPair("odd", source, target, SyncPolicy.defaults(SyncMode.MIRROR)), db,
                    SyncOptions.normal());
        }

        assertThat(report.outcome()).as(String.valueOf(report.failure())).isNotEqualTo(SyncOutcome.FAILED);
        assertThat(calendar.items.get("/cal/fine.ics").ics()).contains("New fine");
        assertThat(calendar.items.get("/cal/later.ics").ics()).as("items after the odd ones still sync").contains("New later");
        assertThat(report.errors()).extracting(e -> e.key()).containsExactlyInAnyOrder("empty", "crlf");
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).contains("no usable etag"));
        assertThat(home.requests).as("no header carried the CR/LF").noneMatch(r -> r.headers().values().stream()
                .anyMatch(v -> v.contains("Injected")));
        assertThat(home.requests).filteredOn(r -> r.method().equals("PUT"))
                .allSatisfy(r -> assertThat(r.headers().keySet()).containsAnyOf("If-Match", "If-None-Match"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
