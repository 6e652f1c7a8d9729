package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.StoredItem;
import java.util.List;
import java.util.function.Consumer;

/**
 * Downloads items from a store in batches of {@link #SIZE} hrefs: one CalDAV calendar-multiget
 * each, and never more than one batch of texts held at a time.
 */
final class BatchFetch {
    static final int SIZE = 100;

    private BatchFetch() {
    }

    /** Fetches {@code hrefs} in order, handing each batch's items to {@code batch}; none for an empty list. */
    static void inBatches(CalendarStore store, List<String> hrefs, Consumer<List<StoredItem>> batch) {
        for (int i = 0; i < hrefs.size(); i += SIZE) {
            batch.accept(store.get(hrefs.subList(i, Math.min(hrefs.size(), i + SIZE))));
        }
    }

    /** Fetches {@code hrefs} in batches and hands every item found to {@code item}. */
    static void each(CalendarStore store, List<String> hrefs, Consumer<StoredItem> item) {
        inBatches(store, hrefs, items -> items.forEach(item));
    }
}
