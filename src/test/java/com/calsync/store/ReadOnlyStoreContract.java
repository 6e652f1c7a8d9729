package com.calsync.store;

import static com.calsync.store.SampleItems.event;
import static com.calsync.store.SampleItems.summaryOf;
import static com.calsync.store.SampleItems.uidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every read-only {@link CalendarStore} (a feed, a read-only calendar) promises.
 * A subclass builds a store holding the given items (UID → one VCALENDAR per item).
 */
public abstract class ReadOnlyStoreContract {

    /** A store whose calendar holds exactly {@code items}: UID → iCalendar text of that item. */
    protected abstract CalendarStore storeWith(Map<String, String> items) throws Exception;

    private static Map<String, String> sample() {
        Map<String, String> items = new LinkedHashMap<>();
        for (String uid : List.of("plain-1@example.org", "With Space/and?odd#chars%", "日程-ü", "y".repeat(300))) {
            items.put(uid, event(uid, "About " + uid.substring(0, Math.min(5, uid.length()))));
        }
        return items;
    }

    @Test
    void listsOneItemPerUidAndReadsThemBack() throws Exception {
        Map<String, String> items = sample();
        try (CalendarStore store = storeWith(items)) {
            Map<String, String> listed = store.list(TimeWindow.ALL).etags();
            assertThat(listed).hasSize(items.size());
            assertThat(listed.values()).doesNotContainNull();

            List<StoredItem> fetched = store.get(listed.keySet());
            assertThat(fetched).hasSize(items.size());
            for (StoredItem item : fetched) {
                String uid = uidOf(item.ics());
                assertThat(items).containsKey(uid);
                assertThat(summaryOf(item.ics())).isEqualTo(summaryOf(items.get(uid)));
                assertThat(item.etag()).isEqualTo(listed.get(item.href()));
            }
        }
    }

    @Test
    void etagsAreStableWhileNothingChanges() throws Exception {
        try (CalendarStore store = storeWith(sample())) {
            assertThat(store.list(TimeWindow.ALL)).isEqualTo(store.list(TimeWindow.ALL));
        }
    }

    @Test
    void emptyCalendarListsNothing() throws Exception {
        try (CalendarStore store = storeWith(Map.of())) {
            assertThat(store.list(TimeWindow.ALL).etags()).isEmpty();
        }
    }

    @Test
    void getLeavesOutUnknownHrefs() throws Exception {
        try (CalendarStore store = storeWith(sample())) {
            String known = store.list(TimeWindow.ALL).etags().keySet().iterator().next();
            assertThat(store.get(List.of("no-such-item.ics", known)))
                    .extracting(StoredItem::href).containsExactly(known);
        }
    }

    @Test
    void refusesEveryWrite() throws Exception {
        try (CalendarStore store = storeWith(sample())) {
            assertThat(store.capabilities().readOnly()).isTrue();
            Map<String, String> before = store.list(TimeWindow.ALL).etags();
            String href = before.keySet().iterator().next();
            String etag = before.get(href);

            assertThatThrownBy(() -> store.create("new-item", event("new-item", "New")))
                    .isInstanceOf(ReadOnlyStoreException.class).hasMessageContaining(store.describe());
            assertThatThrownBy(() -> store.update(href, event("x", "Changed"), etag))
                    .isInstanceOf(ReadOnlyStoreException.class);
            assertThatThrownBy(() -> store.delete(href, etag)).isInstanceOf(ReadOnlyStoreException.class);
            assertThat(store.list(TimeWindow.ALL).etags()).isEqualTo(before);
        }
    }
}
