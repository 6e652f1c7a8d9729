package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.testservers.CalDavTestServer;
import com.calsync.testservers.RadicaleServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    void aCalendarWithoutWriteAccessIsReadableButRefusesWrites() {
        URI url = ((RadicaleServer) server).newReadOnlyCalendar("Shared with me");
        CalDavClient client = client();
        try (CalDavStore store = new CalDavStore(client, new CalDavDiscovery(client).inspect(url))) {
            assertThat(store.capabilities().readOnly()).isTrue();
            var listing = store.list(TimeWindow.ALL);
            assertThat(listing.etags()).hasSize(1);
            String href = listing.etags().keySet().iterator().next();

            assertThatThrownBy(() -> store.create("mine", TestItems.event("mine", "M")))
                    .isInstanceOf(ReadOnlyStoreException.class)
                    .hasMessageContaining("Shared with me")
                    .hasMessageContaining("read-only for account radicale-test");
            assertThatThrownBy(() -> store.update(href, TestItems.event("readonly-item", "Changed"), listing.etags().get(href)))
                    .isInstanceOf(ReadOnlyStoreException.class);
            assertThatThrownBy(() -> store.delete(href, listing.etags().get(href)))
                    .isInstanceOf(ReadOnlyStoreException.class);
            assertThat(store.get(List.of(href))).singleElement()
                    .satisfies(i -> assertThat(i.ics()).contains("SUMMARY:Read me"));
        }
    }

    @Test
    void radicaleTokensAreUrls() {
        assertThat(newEmptyStore().list(TimeWindow.ALL).syncToken()).hasValueSatisfying(
                t -> assertThat(t).startsWith("http://radicale.org/ns/sync/"));
    }
}
