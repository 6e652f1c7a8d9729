package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.SyncTokenExpiredException;
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CalDAV store against Radicale 3 (HTTP/1.0, Basic auth, URL-shaped sync tokens). */
class CalDavStoreRadicaleTest extends CalDavStoreTestBase {
    @Override
    protected LocalCalDavServer startServer() {
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
    void aBareCommaInASummarySurvivesRadicale() {
        CalDavStore store = newEmptyStore();
        String ics = TestItems.event("comma@example.org", "Lunch, then a walk");
        assertThat(ics).contains("SUMMARY:Lunch, then a walk");

        var ref = store.create("comma@example.org", ics);

        // Radicale keeps "Lunch" alone unless the comma is escaped, as RFC 5545 wants it.
        assertThat(store.get(List.of(ref.href()))).singleElement()
                .satisfies(i -> assertThat(i.ics()).contains("SUMMARY:Lunch\\, then a walk"));
    }

    @Test
    void radicaleTokensAreUrls() {
        assertThat(newEmptyStore().list(TimeWindow.ALL).syncToken()).hasValueSatisfying(
                t -> assertThat(t).startsWith("http://radicale.org/ns/sync/"));
    }

    @Test
    void withoutSyncCollectionTheCtagTellsAnUnchangedCalendarInOneRequest() {
        URI url = server.newCalendar("No sync tokens");
        CalDavClient client = client();
        CalendarInfo found = new CalDavDiscovery(client).inspect(url);
        assertThat(found.ctag()).as("Radicale keeps a getctag").isPresent();
        // as a server that has getctag but not sync-collection would describe it
        CalendarInfo ctagOnly = new CalendarInfo(found.url(), found.displayName(), found.color(), found.ctag(), false,
                found.components(), found.writable());
        try (CalDavStore store = new CalDavStore(client, ctagOnly)) {
            assertThat(store.capabilities().syncTokens()).isTrue();
            store.create("one", TestItems.event("one", "One"));
            var listing = store.list(TimeWindow.ALL);
            String token = listing.syncToken().orElseThrow();
            assertThat(token).startsWith("ctag:");

            long before = store.requestCount();
            var unchanged = store.changesSince(token);
            assertThat(unchanged.changed()).isEmpty();
            assertThat(unchanged.removed()).isEmpty();
            assertThat(unchanged.newToken()).isEqualTo(token);
            assertThat(store.requestCount() - before).as("one PROPFIND of the ctag").isEqualTo(1);

            store.create("two", TestItems.event("two", "Two"));
            assertThatThrownBy(() -> store.changesSince(token)).isInstanceOf(SyncTokenExpiredException.class)
                    .hasMessageContaining("changed since the last run");
            assertThat(store.list(TimeWindow.ALL).etags()).hasSize(2);
        }
    }
}
