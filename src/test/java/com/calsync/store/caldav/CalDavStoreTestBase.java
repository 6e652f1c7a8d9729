package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ChangeSet;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import com.calsync.store.SyncTokenExpiredException;
import com.calsync.testservers.LocalCalDavServer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store's behaviour against one real server; a subclass names the server. Each test gets a
 * fresh calendar collection ({@link #newEmptyStore()}), the server is started once per class.
 */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CalDavStoreTestBase {
    protected CalDavStoreFixture fixture;
    protected LocalCalDavServer server;

    protected abstract LocalCalDavServer startServer();

    @BeforeAll
    void startTheServer() {
        fixture = CalDavStoreFixture.start(this::startServer);
        server = fixture.server();
    }

    @AfterAll
    void stopTheServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void closeStores() {
        fixture.closeStores();
    }

    protected CalDavAccount account() {
        return fixture.account();
    }

    protected CalDavClient client() {
        return fixture.client();
    }

    protected CalDavStore newEmptyStore() {
        return fixture.newEmptyStore();
    }

    // --- create / get / update / delete ---------------------------------------------------------

    @Test
    void createdItemCanBeFetchedWithTheSameEtag() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("one@example.org", TestItems.event("one@example.org", "First"));

        assertThat(ref.href()).startsWith(store.calendar().path()).endsWith(".ics");
        assertThat(ref.etag()).isNotBlank();
        List<StoredItem> items = store.get(List.of(ref.href()));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.href()).isEqualTo(ref.href());
            assertThat(item.etag()).isEqualTo(ref.etag());
            assertThat(item.ics()).contains("UID:one@example.org").contains("SUMMARY:First");
        });
    }

    @Test
    void creatingTheSameUidTwiceFailsWithPreconditionFailed() {
        CalDavStore store = newEmptyStore();
        store.create("twice", TestItems.event("twice", "A"));

        assertThatThrownBy(() -> store.create("twice", TestItems.event("twice", "B")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("already exists");
        assertThat(store.get(List.of(store.list(TimeWindow.ALL).etags().keySet().iterator().next())))
                .singleElement().satisfies(i -> assertThat(i.ics()).contains("SUMMARY:A"));
    }

    @Test
    void updateWithTheCurrentEtagReplacesTheItem() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("upd", TestItems.event("upd", "Before"));

        String newEtag = store.update(ref.href(), TestItems.event("upd", "After"), ref.etag());

        assertThat(newEtag).isNotBlank().isNotEqualTo(ref.etag());
        StoredItem item = store.get(List.of(ref.href())).get(0);
        assertThat(item.ics()).contains("SUMMARY:After");
        assertThat(item.etag()).isEqualTo(newEtag);
    }

    @Test
    void updateWithAStaleEtagFailsAndLeavesTheItem() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("stale", TestItems.event("stale", "V1"));
        store.update(ref.href(), TestItems.event("stale", "V2"), ref.etag());

        assertThatThrownBy(() -> store.update(ref.href(), TestItems.event("stale", "V3"), ref.etag()))
                .isInstanceOf(PreconditionFailedException.class)
                .satisfies(e -> assertThat(((PreconditionFailedException) e).href()).isEqualTo(ref.href()));
        assertThat(store.get(List.of(ref.href())).get(0).ics()).contains("SUMMARY:V2");
    }

    @Test
    void updateOfAVanishedItemFailsWithPreconditionFailed() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("vanish", TestItems.event("vanish", "V1"));
        store.delete(ref.href(), ref.etag());

        assertThatThrownBy(() -> store.update(ref.href(), TestItems.event("vanish", "V2"), ref.etag()))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void deleteWithTheCurrentEtagRemovesTheItem() {
        CalDavStore store = newEmptyStore();
        ItemRef keep = store.create("keep", TestItems.event("keep", "Keep"));
        ItemRef gone = store.create("gone", TestItems.event("gone", "Gone"));

        store.delete(gone.href(), gone.etag());

        assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(keep.href());
        assertThat(store.get(List.of(gone.href(), keep.href()))).extracting(StoredItem::href).containsExactly(keep.href());
    }

    @Test
    void deleteWithAStaleEtagFailsAndKeepsTheItem() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("del-stale", TestItems.event("del-stale", "V1"));
        store.update(ref.href(), TestItems.event("del-stale", "V2"), ref.etag());

        assertThatThrownBy(() -> store.delete(ref.href(), ref.etag())).isInstanceOf(PreconditionFailedException.class);
        assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(ref.href());
    }

    @Test
    void deletingAnItemThatIsGoneFailsWithItemNotFound() {
        CalDavStore store = newEmptyStore();
        ItemRef ref = store.create("twice-deleted", TestItems.event("twice-deleted", "X"));
        store.delete(ref.href(), ref.etag());

        assertThatThrownBy(() -> store.delete(ref.href(), ref.etag()))
                .isInstanceOf(ItemNotFoundException.class)
                .satisfies(e -> assertThat(((ItemNotFoundException) e).href()).isEqualTo(ref.href()));
    }

    @Test
    void invalidICalendarIsRefusedAsAnErrorNotAConflict() {
        CalDavStore store = newEmptyStore();

        assertThatThrownBy(() -> store.create("broken", "this is not iCalendar\r\n"))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(store.calendar().url().toString());
    }

    @Test
    void theSameUidUnderAnotherNameIsAClearPreconditionFailure() {
        CalDavStore store = newEmptyStore();
        // Another client stored the UID under a name of its own choosing.
        var answer = server.send("PUT", store.calendar().url().resolve("someone-elses-name.ics"),
                Map.of("Content-Type", "text/calendar; charset=utf-8", "If-None-Match", "*"),
                TestItems.event("shared-uid", "Theirs"));
        assertThat(answer.statusCode()).isEqualTo(201);

        assertThatThrownBy(() -> store.create("shared-uid", TestItems.event("shared-uid", "Ours")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("already uses UID shared-uid");
    }

    // --- listing and sync tokens ---------------------------------------------------------------

    @Test
    void listingHoldsEveryItemWithTheEtagsGetReturnsAndAToken() {
        CalDavStore store = newEmptyStore();
        Map<String, String> created = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            ItemRef ref = store.create("item-" + i, TestItems.event("item-" + i, "Item " + i));
            created.put(ref.href(), ref.etag());
        }
        store.create("series", TestItems.weeklySeries("series", "Weekly since 2020"));

        Listing listing = store.list(TimeWindow.around(Instant.parse("2026-01-01T00:00:00Z"), 30, 30));

        assertThat(listing.etags()).hasSize(26).containsAllEntriesOf(created);
        assertThat(listing.syncToken()).isPresent();
        List<StoredItem> items = store.get(listing.etags().keySet());
        assertThat(items).hasSize(26);
        assertThat(items.stream().collect(Collectors.toMap(StoredItem::href, StoredItem::etag)))
                .isEqualTo(listing.etags());
    }

    @Test
    void requestsPerOperationAreFew() {
        CalDavStore store = newEmptyStore();
        List<String> hrefs = new ArrayList<>();
        long before = store.requestCount();
        for (int i = 0; i < 25; i++) {
            hrefs.add(store.create("count-" + i, TestItems.event("count-" + i, "C")).href());
        }
        assertThat(store.requestCount() - before).as("one PUT per create").isEqualTo(25);

        before = store.requestCount();
        store.list(TimeWindow.ALL);
        assertThat(store.requestCount() - before).as("one REPORT per listing").isEqualTo(1);

        before = store.requestCount();
        store.get(hrefs);
        assertThat(store.requestCount() - before).as("25 hrefs in batches of 10").isEqualTo(3);
    }

    @Test
    void emptyCalendarListsNothingButHasAToken() {
        CalDavStore store = newEmptyStore();

        Listing listing = store.list(TimeWindow.ALL);

        assertThat(listing.etags()).isEmpty();
        assertThat(listing.syncToken()).isPresent();
        assertThat(store.get(List.of())).isEmpty();
    }

    @Test
    void changesSinceReportsCreatedChangedAndRemovedItems() {
        CalDavStore store = newEmptyStore();
        ItemRef toChange = store.create("change-me", TestItems.event("change-me", "V1"));
        ItemRef toDelete = store.create("delete-me", TestItems.event("delete-me", "D"));
        ItemRef untouched = store.create("leave-me", TestItems.event("leave-me", "L"));
        String token = store.list(TimeWindow.ALL).syncToken().orElseThrow();

        ItemRef added = store.create("new-one", TestItems.event("new-one", "N"));
        String changedEtag = store.update(toChange.href(), TestItems.event("change-me", "V2"), toChange.etag());
        store.delete(toDelete.href(), toDelete.etag());
        ChangeSet changes = store.changesSince(token);

        assertThat(changes.changed()).containsOnly(Map.entry(added.href(), added.etag()),
                Map.entry(toChange.href(), changedEtag));
        assertThat(changes.removed()).containsExactly(toDelete.href());
        assertThat(changes.changed()).doesNotContainKey(untouched.href());
        assertThat(changes.newToken()).isNotEqualTo(token);

        ChangeSet none = store.changesSince(changes.newToken());
        assertThat(none.changed()).isEmpty();
        assertThat(none.removed()).isEmpty();
    }

    @Test
    void aFirstListingLeavesOutItemsDeletedBeforeIt() {
        CalDavStore store = newEmptyStore();
        ItemRef gone = store.create("was-here", TestItems.event("was-here", "W"));
        store.delete(gone.href(), gone.etag());
        ItemRef here = store.create("is-here", TestItems.event("is-here", "I"));
        ItemRef back = store.create("came-back", TestItems.event("came-back", "1"));
        store.delete(back.href(), back.etag());
        ItemRef again = store.create("came-back", TestItems.event("came-back", "2"));

        assertThat(again.href()).isEqualTo(back.href());
        assertThat(store.list(TimeWindow.ALL).etags()).containsOnly(Map.entry(here.href(), here.etag()),
                Map.entry(again.href(), again.etag()));
    }

    @Test
    void anUnknownTokenIsReportedAsExpired() {
        CalDavStore store = newEmptyStore();
        String real = store.list(TimeWindow.ALL).syncToken().orElseThrow();
        // Same shape as the server's own tokens, but naming no state it knows.
        String unknown = real.substring(0, real.length() - 8) + "00000000";

        assertThatThrownBy(() -> store.changesSince(unknown)).isInstanceOf(SyncTokenExpiredException.class)
                .hasMessageContaining("list the calendar again");
        assertThatThrownBy(() -> store.changesSince("not-a-token")).isInstanceOf(SyncTokenExpiredException.class);
    }

    @Test
    void withNeitherSyncCollectionNorCtagTheListingIsAPropfindWithoutToken() {
        CalDavStore syncing = newEmptyStore();
        ItemRef a = syncing.create("pf-a", TestItems.event("pf-a", "A"));
        ItemRef b = syncing.create("pf-b", TestItems.weeklySeries("pf-b", "B"));
        CalendarInfo info = syncing.calendar();
        CalendarInfo noSync = new CalendarInfo(info.url(), info.displayName(), info.color(), java.util.Optional.empty(),
                false, info.components(), info.writable());
        try (CalDavStore store = new CalDavStore(client(), noSync)) {
            Listing listing = store.list(TimeWindow.ALL);

            assertThat(listing.etags()).containsOnly(Map.entry(a.href(), a.etag()), Map.entry(b.href(), b.etag()));
            assertThat(listing.syncToken()).isEmpty();
            assertThat(store.capabilities().syncTokens()).isFalse();
            assertThatThrownBy(() -> store.changesSince("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void capabilitiesSayWhatTheServerOffers() {
        CalDavStore store = newEmptyStore();

        assertThat(store.capabilities().syncTokens()).isTrue();
        assertThat(store.capabilities().readOnly()).isFalse();
        assertThat(store.capabilities().serverSideTimeRange()).isFalse();
        assertThat(store.capabilities().recurrence()).isTrue();
        assertThat(store.describe()).contains(store.calendar().url().toString());
    }

    // --- odd UIDs ----------------------------------------------------------------------------

    @Test
    void itemsWithOddUidsRoundTripUnderStableHrefs() {
        CalDavStore store = newEmptyStore();
        List<String> uids = List.of("a/b/c", "what?x=1", "hash#tag", "100%25 done %", "with space", "日本語-ünïcödé",
                "emoji-😀", "x".repeat(300), "../../escape", "a+b=c@d.example", ".hidden", "UPPER_lower-1.2");
        Map<String, String> hrefByUid = new HashMap<>();
        for (String uid : uids) {
            ItemRef ref = store.create(uid, TestItems.event(uid, "odd"));
            assertThat(ref.href()).as("href of %s", uid).startsWith(store.calendar().path()).doesNotContain("..");
            hrefByUid.put(uid, ref.href());
        }
        assertThat(hrefByUid.values()).doesNotHaveDuplicates();

        Listing listing = store.list(TimeWindow.ALL);
        assertThat(listing.etags().keySet()).containsExactlyInAnyOrderElementsOf(hrefByUid.values());
        List<StoredItem> items = store.get(hrefByUid.values());
        assertThat(items).hasSize(uids.size());
        for (StoredItem item : items) {
            String uid = hrefByUid.entrySet().stream().filter(e -> e.getValue().equals(item.href()))
                    .findFirst().orElseThrow().getKey();
            assertThat(item.ics().replace("\r\n ", "").replace("\n ", "")).contains("UID:" + uid);
            String etag = store.update(item.href(), TestItems.event(uid, "odd, changed"), item.etag());
            store.delete(item.href(), etag);
        }
        assertThat(store.list(TimeWindow.ALL).etags()).isEmpty();
    }

    // --- failures -----------------------------------------------------------------------------

    @Test
    void aDeletedCollectionIsNamedInTheError() {
        CalDavStore store = newEmptyStore();
        server.send("DELETE", store.calendar().url(), Map.of(), null);

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.calendar().url().toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store.create("x", TestItems.event("x", "x")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.calendar().url().toString());
    }

    // --- discovery ------------------------------------------------------------------------------

    @Test
    void discoveryFindsTheCalendarsFromTheBaseUrl() {
        String workName = "Work " + fixture.nextCalendarNumber();
        URI work = server.newCalendar(workName);
        CalDavClient client = client();
        CalDavDiscovery discovery = new CalDavDiscovery(client);

        List<CalendarInfo> calendars = discovery.calendars();

        assertThat(client.requestCount()).as("well-known, principal's home-set, home's calendars").isEqualTo(3);

        assertThat(discovery.principal()).isEqualTo(server.principal());
        assertThat(discovery.calendarHome()).isEqualTo(server.calendarHome());
        CalendarInfo found = calendars.stream().filter(c -> c.url().equals(work)).findFirst().orElseThrow();
        assertThat(found.displayName()).isEqualTo(workName);
        assertThat(found.syncCollection()).isTrue();
        assertThat(found.holdsEvents()).isTrue();
        assertThat(found.writable()).isTrue();
        assertThat(found.ctag()).isPresent();

        assertThat(discovery.pick(workName).url()).isEqualTo(work);
        assertThat(discovery.pick(workName.toUpperCase()).url()).isEqualTo(work);
        assertThat(discovery.pick(work.getPath()).url()).isEqualTo(work);
        assertThatThrownBy(() -> discovery.pick("No Such Calendar"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No Such Calendar")
                .hasMessageContaining(workName);
    }

    @Test
    void openByNameGivesAWorkingStore() {
        String name = "Opened " + fixture.nextCalendarNumber();
        URI url = server.newCalendar(name);
        try (CalDavStore store = CalDavStore.open(account(), name, java.time.Clock.systemUTC())) {
            assertThat(store.calendar().url()).isEqualTo(url);
            ItemRef ref = store.create("opened", TestItems.event("opened", "O"));
            assertThat(store.list(TimeWindow.ALL).etags()).containsOnlyKeys(ref.href());
        }
    }
}
