package com.calsync.store.local;

import static com.calsync.store.SampleItems.event;
import static com.calsync.store.SampleItems.summaryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.StoredItem;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStoreTest {
    private FeedServer server;

    @TempDir
    Path temp;

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String feed(String... uidsAndSummaries) {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; i < uidsAndSummaries.length; i += 2) {
            items.put(uidsAndSummaries[i], event(uidsAndSummaries[i], uidsAndSummaries[i + 1]));
        }
        return FeedStoreContractTest.feedOf(items);
    }

    @Test
    void anUnchangedFeedCostsA304AndGetAsksNothing() {
        server.feed("/cal.ics", feed("a@x", "A", "b@x", "B"));
        FeedStore store = new FeedStore(server.uri("/cal.ics").toString(), null, java.time.Clock.systemUTC());

        Map<String, String> first = store.list(TimeWindow.ALL).etags();
        List<StoredItem> items = store.get(first.keySet());
        Map<String, String> second = store.list(TimeWindow.ALL).etags();
        store.get(second.keySet());

        assertThat(items).hasSize(2);
        assertThat(second).isEqualTo(first);
        assertThat(store.requestCount()).isEqualTo(2);
        assertThat(server.count("/cal.ics")).isEqualTo(2);
        assertThat(server.notModified).hasValue(1);
        FeedServer.Seen conditional = server.requests.get(1);
        assertThat(conditional.ifNoneMatch()).isNotNull();
        assertThat(conditional.ifModifiedSince()).isEqualTo(FeedServer.LAST_MODIFIED);
        assertThat(server.requests.get(0).ifNoneMatch()).isNull();
        assertThat(server.requests.get(0).userAgent()).startsWith("CalSync/");
    }

    @Test
    void aChangedFeedIsReadAgain() {
        server.feed("/cal.ics", feed("a@x", "A", "b@x", "B"));
        FeedStore store = new FeedStore(server.uri("/cal.ics").toString(), null, java.time.Clock.systemUTC());
        Map<String, String> before = store.list(TimeWindow.ALL).etags();

        server.feed("/cal.ics", feed("a@x", "A changed", "c@x", "C"));
        Map<String, String> after = store.list(TimeWindow.ALL).etags();

        assertThat(after).containsOnlyKeys("a@x.ics", "c@x.ics");
        assertThat(after.get("a@x.ics")).isNotEqualTo(before.get("a@x.ics"));
        assertThat(summaryOf(store.get(List.of("a@x.ics")).get(0).ics())).isEqualTo("A changed");
    }

    @Test
    void hrefsFollowTheFolderNamingAndEtagsHashTheItemText() {
        server.feed("/cal.ics", feed("Mixed Case/UID", "M"));
        FeedStore store = new FeedStore(server.uri("/cal.ics").toString(), null, java.time.Clock.systemUTC());

        StoredItem item = store.get(List.of(ItemFileName.forUid("Mixed Case/UID"))).get(0);

        assertThat(item.etag()).isEqualTo(ItemFileName.sha256Hex(item.ics()));
    }

    @Test
    void redirectsAreFollowed() {
        server.feed("/cal.ics", feed("a@x", "A"));
        server.answer("/old.ics", new FeedServer.Answer(301, Map.of("Location", server.uri("/cal.ics").toString()), ""));

        assertThat(new FeedStore(server.uri("/old.ics").toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL).etags())
                .containsOnlyKeys("a@x.ics");
    }

    @Test
    void aGzippedFeedIsUnpacked() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(feed("z@x", "Zipped").getBytes(StandardCharsets.UTF_8));
        }
        server.answer("/z.ics", new FeedServer.Answer(200,
                Map.of("Content-Encoding", "gzip", "Content-Type", "text/calendar"), zipped.toByteArray()));

        assertThat(new FeedStore(server.uri("/z.ics").toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL).etags())
                .containsOnlyKeys("z@x.ics");
    }

    @Test
    void missingAndGoneFeedsNameTheUrl() {
        server.answer("/gone.ics", new FeedServer.Answer(410, Map.of(), "gone"));
        for (String path : List.of("/missing.ics", "/gone.ics")) {
            URI uri = server.uri(path);
            assertThatThrownBy(() -> new FeedStore(uri.toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL)).as(path)
                    .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(uri.toString()).hasMessageContaining("check the subscription URL");
        }
    }

    @Test
    void serverErrorsAndThrottlingAreUnavailableWithRetryAfter() {
        server.answer("/busy.ics", new FeedServer.Answer(503, Map.of("Retry-After", "120"), "busy"));
        server.answer("/slow-down.ics", new FeedServer.Answer(429, Map.of(), "slow down"));

        assertThatThrownBy(() -> new FeedStore(server.uri("/busy.ics").toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOfSatisfying(StoreUnavailableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)))
                .hasMessageContaining("503");
        assertThatThrownBy(() -> new FeedStore(server.uri("/slow-down.ics").toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOfSatisfying(StoreUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEmpty())
                .hasMessageContaining("429");
    }

    @Test
    void anHtmlPageIsNotTakenForAFeed() {
        server.answer("/login", new FeedServer.Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html><html><body>Please sign in</body></html>"));

        assertThatThrownBy(() -> new FeedStore(server.uri("/login").toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("did not return an iCalendar feed (got text/html")
                .hasMessageContaining(server.uri("/login").toString());
    }

    @Test
    void anUnreachableServerIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }
        FeedStore store = new FeedStore("http://127.0.0.1:" + port + "/cal.ics", null, java.time.Clock.systemUTC());

        assertThatThrownBy(() -> store.list(TimeWindow.ALL)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(store.requestCount()).isEqualTo(1);
    }

    @Test
    void webcalIsFetchedOverHttps() {
        assertThat(FeedStore.feedUri("webcal://example.org/h.ics")).isEqualTo(URI.create("https://example.org/h.ics"));
        assertThat(FeedStore.feedUri("WEBCAL://example.org/h.ics")).isEqualTo(URI.create("https://example.org/h.ics"));
        assertThat(FeedStore.feedUri("http://example.org/h.ics")).isEqualTo(URI.create("http://example.org/h.ics"));
        assertThat(FeedStore.feedUri("/home/me/h.ics")).isNull();
        assertThat(new FeedStore("webcal://example.org/h.ics", null, java.time.Clock.systemUTC()).describe()).isEqualTo("feed https://example.org/h.ics");
    }

    @Test
    void credentialsInTheUrlNeverReachMessages() {
        server.answer("/private.ics", new FeedServer.Answer(404, Map.of(), "no"));
        String url = "http://me:s3cret@127.0.0.1:" + server.uri("/").getPort() + "/private.ics";
        FeedStore store = new FeedStore(url, null, java.time.Clock.systemUTC());

        assertThat(store.describe()).doesNotContain("s3cret");
        assertThatThrownBy(() -> store.list(TimeWindow.ALL)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").contains("/private.ics"));
    }

    @Test
    void aCacheFolderCarriesTheLastBodyToTheNextInstance() {
        server.feed("/cal.ics", feed("a@x", "A"));
        Path cache = temp.resolve("cache");
        String url = server.uri("/cal.ics").toString();
        Map<String, String> first = new FeedStore(url, cache, java.time.Clock.systemUTC()).list(TimeWindow.ALL).etags();

        FeedStore restarted = new FeedStore(url, cache, java.time.Clock.systemUTC());
        Map<String, String> second = restarted.list(TimeWindow.ALL).etags();

        assertThat(second).isEqualTo(first);
        assertThat(server.requests).hasSize(2);
        assertThat(server.notModified).as("the restarted store asks conditionally").hasValue(1);
        assertThat(restarted.get(second.keySet())).hasSize(1);
    }

    @Test
    void writesAreRefusedNamingTheFeed() {
        FeedStore store = new FeedStore(server.uri("/cal.ics").toString(), null, java.time.Clock.systemUTC());
        assertThatThrownBy(() -> store.create("x", event("x", "X")))
                .isInstanceOf(ReadOnlyStoreException.class).hasMessageContaining(server.uri("/cal.ics").toString());
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aFileFeedIsReReadWhenItChangesAndSendsNoRequests() throws Exception {
        Path file = Files.writeString(temp.resolve("h.ics"), feed("a@x", "A"));
        FeedStore store = new FeedStore(file.toString(), null, java.time.Clock.systemUTC());
        assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys("a@x.ics");

        Files.writeString(file, feed("a@x", "A", "b@x", "B"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys("a@x.ics", "b@x.ics");
        assertThat(store.requestCount()).isZero();
        assertThat(store.describe()).isEqualTo("file feed " + file.toAbsolutePath());
    }

    @Test
    void aFileUriWorksToo() throws Exception {
        Path file = Files.writeString(temp.resolve("h.ics"), feed("a@x", "A"));
        assertThat(new FeedStore(file.toUri().toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL).etags()).containsOnlyKeys("a@x.ics");
    }

    @Test
    void aMissingOrForeignFileIsAClearError() throws Exception {
        Path missing = temp.resolve("nope.ics");
        assertThatThrownBy(() -> new FeedStore(missing.toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        Path html = Files.writeString(temp.resolve("page.ics"), "<html></html>");
        assertThatThrownBy(() -> new FeedStore(html.toString(), null, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining("not an iCalendar file");
    }
}
