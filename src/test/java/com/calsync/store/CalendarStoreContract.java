package com.calsync.store;

import static com.calsync.store.SampleItems.event;
import static com.calsync.store.SampleItems.summaryOf;
import static com.calsync.store.SampleItems.uidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every writable {@link CalendarStore} promises. A subclass supplies an empty store
 * (a fresh folder, a fresh collection on a real server); the tests write realistic VEVENTs, let
 * the store re-serialize them (UID and SUMMARY are compared, exact text only when
 * {@link #preservesBytes()}), and never assume href == UID.
 *
 * <p>Deleting an item that is gone must throw {@link ItemNotFoundException}, as the interface says
 * (a CalDAV store maps 404 — and a 412 for a resource that no longer exists — to it).
 */
public abstract class CalendarStoreContract {
    private CalendarStore store;
    // unique per run so a shared server collection never sees the same UID twice
    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A store with no items. Called once per test. */
    protected abstract CalendarStore newEmptyStore() throws Exception;

    /** Whether the store gives back exactly the bytes written (local stores do, servers may not). */
    protected boolean preservesBytes() {
        return false;
    }

    /** How many items the "many items" tests write; servers may lower it to keep runs short. */
    protected int manyItems() {
        return 200;
    }

    @BeforeEach
    void openStore() throws Exception {
        store = newEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected CalendarStore store() {
        return store;
    }

    private String uid(String name) {
        return name + "-" + run;
    }

    private Map<String, String> listing() {
        return store.list(TimeWindow.ALL).etags();
    }

    private StoredItem fetch(String href) {
        List<StoredItem> items = store.get(List.of(href));
        assertThat(items).as("get(%s) in %s", href, store.describe()).hasSize(1);
        return items.get(0);
    }

    /** The etag a write returned, or the listed one when the store did not say. */
    private String etagAfterWrite(String href, String returned) {
        String listed = listing().get(href);
        assertThat(listed).as("listed etag of %s", href).isNotNull();
        if (returned != null) {
            assertThat(listed).as("listed etag equals the one the write returned").isEqualTo(returned);
        }
        return listed;
    }

    @Test
    void emptyStoreListsNothing() {
        assertThat(listing()).isEmpty();
        assertThat(store.describe()).isNotBlank();
    }

    @Test
    void createdItemIsListedWithItsEtagAndReadBack() {
        String uid = uid("created");
        String ics = event(uid, "Team meeting");
        ItemRef ref = store.create(uid, ics);

        assertThat(ref.href()).isNotBlank();
        assertThat(listing()).containsOnlyKeys(ref.href());
        String etag = etagAfterWrite(ref.href(), ref.etag());

        StoredItem item = fetch(ref.href());
        assertThat(item.href()).isEqualTo(ref.href());
        assertThat(item.etag()).isEqualTo(etag);
        assertThat(uidOf(item.ics())).isEqualTo(uid);
        assertThat(summaryOf(item.ics())).isEqualTo("Team meeting");
        if (preservesBytes()) {
            assertThat(item.ics()).isEqualTo(ics);
        }
    }

    @Test
    void creatingAnExistingUidFailsAndKeepsTheItem() {
        String uid = uid("twice");
        ItemRef ref = store.create(uid, event(uid, "First"));

        assertThatThrownBy(() -> store.create(uid, event(uid, "Second")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(listing()).containsOnlyKeys(ref.href());
        assertThat(summaryOf(fetch(ref.href()).ics())).isEqualTo("First");
    }

    @Test
    void updateWithTheCurrentEtagReplacesTheItem() {
        String uid = uid("updated");
        ItemRef ref = store.create(uid, event(uid, "Before"));
        String before = etagAfterWrite(ref.href(), ref.etag());

        String returned = store.update(ref.href(), event(uid, "After!"), before);
        String after = etagAfterWrite(ref.href(), returned);

        assertThat(after).isNotEqualTo(before);
        StoredItem item = fetch(ref.href());
        assertThat(summaryOf(item.ics())).isEqualTo("After!");
        assertThat(item.etag()).isEqualTo(after);
    }

    @Test
    void updateWithAStaleEtagFailsAndChangesNothing() {
        String uid = uid("stale-update");
        ItemRef ref = store.create(uid, event(uid, "One"));
        String first = etagAfterWrite(ref.href(), ref.etag());
        store.update(ref.href(), event(uid, "Two"), first);

        assertThatThrownBy(() -> store.update(ref.href(), event(uid, "Three"), first))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(summaryOf(fetch(ref.href()).ics())).isEqualTo("Two");
    }

    @Test
    void updateOfADeletedItemFails() {
        String uid = uid("update-gone");
        ItemRef ref = store.create(uid, event(uid, "Here"));
        String etag = etagAfterWrite(ref.href(), ref.etag());
        store.delete(ref.href(), etag);

        assertThatThrownBy(() -> store.update(ref.href(), event(uid, "Back?"), etag))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(listing()).isEmpty();
    }

    @Test
    void deleteWithAStaleEtagFailsAndKeepsTheItem() {
        String uid = uid("stale-delete");
        ItemRef ref = store.create(uid, event(uid, "One"));
        String first = etagAfterWrite(ref.href(), ref.etag());
        store.update(ref.href(), event(uid, "Two"), first);

        assertThatThrownBy(() -> store.delete(ref.href(), first)).isInstanceOf(PreconditionFailedException.class);
        assertThat(listing()).containsOnlyKeys(ref.href());
    }

    @Test
    void deletedItemIsGoneFromListingAndGet() {
        String keep = uid("keep");
        String drop = uid("drop");
        ItemRef kept = store.create(keep, event(keep, "Keep"));
        ItemRef dropped = store.create(drop, event(drop, "Drop"));

        store.delete(dropped.href(), etagAfterWrite(dropped.href(), dropped.etag()));

        assertThat(listing()).containsOnlyKeys(kept.href());
        assertThat(store.get(List.of(dropped.href()))).isEmpty();
    }

    @Test
    void deletingAnItemThatIsGoneSaysNotFound() {
        String uid = uid("gone");
        ItemRef ref = store.create(uid, event(uid, "Soon gone"));
        String etag = etagAfterWrite(ref.href(), ref.etag());
        store.delete(ref.href(), etag);

        assertThatThrownBy(() -> store.delete(ref.href(), etag)).isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void getLeavesOutUnknownHrefs() {
        String uid = uid("known");
        ItemRef ref = store.create(uid, event(uid, "Known"));
        String gone = uid("was-here");
        ItemRef goneRef = store.create(gone, event(gone, "Was here"));
        store.delete(goneRef.href(), etagAfterWrite(goneRef.href(), goneRef.etag()));
        String neverThere = ref.href().substring(0, ref.href().lastIndexOf('/') + 1) + "never-" + run + ".ics";

        List<StoredItem> items = store.get(List.of(goneRef.href(), ref.href(), neverThere));

        assertThat(items).extracting(StoredItem::href).containsExactly(ref.href());
    }

    @Test
    void awkwardUidsRoundTripToDistinctHrefs() {
        List<String> uids = List.of(
                uid("slash/and/more"), uid("what?query=1"), uid("hash#fragment"), uid("100%-done%20"),
                uid("with spaces  inside"), uid("colon:semi"), uid("日本語-Überraschung-émoji😀"),
                uid("Case-Matters"), uid("case-matters"), uid(".dot-first"),
                uid("x".repeat(300)));
        Map<String, String> hrefByUid = new HashMap<>();
        for (String uid : uids) {
            hrefByUid.put(uid, store.create(uid, event(uid, "Awkward " + uid.length())).href());
        }

        assertThat(new HashSet<>(hrefByUid.values())).as("distinct hrefs").hasSize(uids.size());
        assertThat(listing().keySet()).containsExactlyInAnyOrderElementsOf(hrefByUid.values());
        for (StoredItem item : store.get(hrefByUid.values())) {
            String uid = uidOf(item.ics());
            assertThat(hrefByUid).containsEntry(uid, item.href());
        }
        for (String uid : uids) {
            assertThatThrownBy(() -> store.create(uid, event(uid, "Again")))
                    .as("second create of %s", uid).isInstanceOf(PreconditionFailedException.class);
        }
    }

    @Test
    void manyItemsAreListedAndFetchedInOneBatch() {
        Map<String, String> uidByHref = new HashMap<>();
        Map<String, String> etagByHref = new HashMap<>();
        for (int i = 0; i < manyItems(); i++) {
            String uid = uid("many-" + i);
            ItemRef ref = store.create(uid, event(uid, "Item " + i));
            uidByHref.put(ref.href(), uid);
            if (ref.etag() != null) {
                etagByHref.put(ref.href(), ref.etag());
            }
        }

        Map<String, String> listed = listing();
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(uidByHref.keySet());
        assertThat(listed.values()).doesNotContainNull();
        etagByHref.forEach((href, etag) -> assertThat(listed).containsEntry(href, etag));

        List<String> hrefs = new ArrayList<>(uidByHref.keySet());
        List<StoredItem> items = store.get(hrefs);
        assertThat(items).hasSize(hrefs.size());
        for (StoredItem item : items) {
            assertThat(uidOf(item.ics())).isEqualTo(uidByHref.get(item.href()));
            assertThat(item.etag()).isEqualTo(listed.get(item.href()));
        }
        Set<String> summaries = items.stream().map(i -> summaryOf(i.ics())).collect(Collectors.toSet());
        assertThat(summaries).hasSize(manyItems());
    }

    @Test
    void writableStoreSaysSo() {
        assertThat(store.capabilities().readOnly()).isFalse();
    }
}
