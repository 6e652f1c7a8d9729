package com.calsync.store.local;

import static com.calsync.testservers.HostileServer.redirect;
import static com.calsync.testservers.HostileServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.ItemParser;
import com.calsync.ical.TimeWindow;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.http.HttpClients;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.http.ResponseTooLargeException;
import com.calsync.testservers.HostileServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed probes of issue 11, each against a small hostile server on loopback. */
class FeedStoreHostileServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final HostileServer server = new HostileServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedStore feed(String path, HttpLimits limits) {
        return new FeedStore(server.uri(path).toString(), null, HttpClients.create(limits), new ItemParser(), CLOCK, limits);
    }

    @Test
    void aFeedThatTricklesOneByteAtATimeEndsAtTheRequestDeadline() {
        server.on("/slow.ics", (exchange, body) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("BEGIN:VCALENDAR\r\n".getBytes());
            for (int i = 0; i < 600; i++) { // a byte every 100 ms: a minute, unless the client gives up
                out.write('X');
                out.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(1), HttpLimits.DEFAULTS.maxBodyBytes());

        assertThatThrownBy(() -> feed("/slow.ics", limits).list(TimeWindow.ALL))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("GET " + server.uri("/slow.ics"))
                .hasMessageContaining("did not answer completely within 1 s")
                .hasMessageContaining("request_timeout_seconds");
        assertThat(server.requests).as("one request, ended by its deadline").hasSize(1);
    }

    @Test
    void aThreeMegabyteGzipThatExpandsToThreeGibibytesStopsAtTheLimit() throws Exception {
        // 3072 gzip members of 1 MiB of zeros each: about 3 MB on the wire, 3 GiB unpacked
        byte[] member = gzip(new byte[1024 * 1024]);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        for (int i = 0; i < 3072; i++) {
            bomb.write(member);
        }
        byte[] wire = bomb.toByteArray();
        assertThat(wire.length).isBetween(2_000_000, 4_000_000);
        server.on("/bomb.ics", (exchange, body) -> respond(exchange, 200,
                Map.of("Content-Type", "text/calendar", "Content-Encoding", "gzip"), wire));

        assertThatThrownBy(() -> feed("/bomb.ics", HttpLimits.DEFAULTS).list(TimeWindow.ALL))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("(decompressed) is larger than 64 MB")
                .hasMessageContaining("\"max_response_mb\"");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void redirectsAreFollowedButNeverFromHttpsDownToHttpNorInALoop() {
        server.on("/moved.ics", redirect(301, "/cal.ics"));
        server.on("/cal.ics", (exchange, body) -> respond(exchange, 200, Map.of("Content-Type", "text/calendar"),
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T100000Z\r\nSUMMARY:A\r\n"
                        + "END:VEVENT\r\nEND:VCALENDAR\r\n"));
        server.on("/loop.ics", redirect(302, "/loop.ics"));
        server.on("/ftp.ics", redirect(302, "ftp://127.0.0.1/x.ics"));

        assertThat(feed("/moved.ics", HttpLimits.DEFAULTS).list(TimeWindow.ALL).etags()).hasSize(1);
        assertThatThrownBy(() -> feed("/loop.ics", HttpLimits.DEFAULTS).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining("redirected more than 5 times");
        assertThatThrownBy(() -> feed("/ftp.ics", HttpLimits.DEFAULTS).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining("not an http(s) address");
    }

    @Test
    void anEtagThatCannotBeSentBackIsNotKept() {
        server.on("/odd.ics", (exchange, body) -> respond(exchange, 200,
                Map.of("Content-Type", "text/calendar", "ETag", "\"caf\u00e9\""),
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\n"
                        + "END:VCALENDAR\r\n"));
        FeedStore store = feed("/odd.ics", HttpLimits.DEFAULTS);

        store.list(TimeWindow.ALL);
        store.list(TimeWindow.ALL);

        assertThat(server.requests).hasSize(2).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("If-None-Match"));
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
