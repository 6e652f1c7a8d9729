package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.testservers.CalDavTestServer;
import com.calsync.testservers.RadicaleServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CalDAV store against Radicale 3 (HTTP/1.0, Basic auth, URL-shaped sync tokens). */
class CalDavStoreRadicaleTest extends CalDavStoreTestBase {
    @Override
    protected CalDavTestServer startServer() {
        return RadicaleServer.start();
    }

    @Test
    void aWrongPasswordIsReportedOnceWithoutTheSecret() {
        URI url = server.newCalendar("Auth");
        CalDavAccount wrong = new CalDavAccount("work-account", server.baseUrl(), server.username(),
                "not-the-password"::toCharArray);
        CalDavClient client = new CalDavClient(wrong, CalDavClient.httpClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(20), RetryPolicy.defaults(), Sleeper.real(), Clock.systemUTC());

        assertThatThrownBy(() -> new CalDavDiscovery(client).inspect(url))
                .isInstanceOf(CalDavAuthenticationException.class)
                .hasMessageContaining("work-account")
                .hasMessageContaining(url.toString())
                .hasMessageContaining("app-specific password")
                .hasMessageNotContaining("not-the-password");
        assertThat(client.requestCount()).as("no retries after 401").isEqualTo(1);
    }

    @Test
    void radicaleTokensAreUrls() {
        assertThat(newEmptyStore().list(TimeWindow.ALL).syncToken()).hasValueSatisfying(
                t -> assertThat(t).startsWith("http://radicale.org/ns/sync/"));
    }
}
