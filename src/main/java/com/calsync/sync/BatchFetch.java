package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Downloads items from a store in batches of {@link #SIZE} hrefs: one CalDAV calendar-multiget
 * each, and never more than one batch of texts held at a time.
 *
 * <p>A batch the store fails to send (for a reason about items, not the whole store) is split
 * in halves until the items it cannot send are found one by one; those are handed to the
 * caller, the others are fetched as usual. After {@link #FAILED_FETCHES} failed requests in one
 * call the store counts as broken and the failure is thrown.
 */
final class BatchFetch {
    static final int SIZE = 100;
    static final int FAILED_FETCHES = 12;

    private BatchFetch() {
    }

    /** Fetches {@code hrefs} in order, handing each batch's items to {@code batch}; none for an empty list. */
    static void inBatches(CalendarStore store, List<String> hrefs, Consumer<List<StoredItem>> batch) {
        inBatches(store, hrefs, batch, (href, e) -> { });
    }

    /**
     * As {@link #inBatches(CalendarStore, List, Consumer)}, handing each item the store could not
     * send to {@code unfetchable} instead of failing the whole batch.
     */
    static void inBatches(CalendarStore store, List<String> hrefs, Consumer<List<StoredItem>> batch,
                          BiConsumer<String, StoreException> unfetchable) {
        int[] failedRequests = {0};
        for (int i = 0; i < hrefs.size(); i += SIZE) {
            fetch(store, hrefs.subList(i, Math.min(hrefs.size(), i + SIZE)), batch, unfetchable, failedRequests);
        }
    }

    private static void fetch(CalendarStore store, List<String> hrefs, Consumer<List<StoredItem>> batch,
                              BiConsumer<String, StoreException> unfetchable, int[] failedRequests) {
        List<StoredItem> items;
        try {
            items = store.get(hrefs);
        } catch (StoreException e) {
            if (e.concernsWholeStore() || ++failedRequests[0] > FAILED_FETCHES) {
                throw e;
            }
            if (hrefs.size() == 1) {
                unfetchable.accept(hrefs.get(0), e);
                return;
            }
            int half = hrefs.size() / 2;
            fetch(store, hrefs.subList(0, half), batch, unfetchable, failedRequests);
            fetch(store, hrefs.subList(half, hrefs.size()), batch, unfetchable, failedRequests);
            return;
        }
        batch.accept(items);
    }

    /** Fetches {@code hrefs} in batches and hands every item found to {@code item}. */
    static void each(CalendarStore store, List<String> hrefs, Consumer<StoredItem> item) {
        inBatches(store, hrefs, items -> items.forEach(item));
    }
}
