package com.calsync.store;

import com.calsync.ical.TimeWindow;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A calendar that does not exist yet, as a dry run sees it: empty, and refusing writes. A dry run
 * of a whole-account pair plans against it for a target calendar the real run would create.
 */
public final class EmptyStore implements CalendarStore {
    private final String description;

    /** @param description what the calendar will be, e.g. {@code CalDAV calendar "Work" (not made yet)} */
    public EmptyStore(String description) {
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public StoreCapabilities capabilities() {
        return new StoreCapabilities(true, false, false, true, StoreCapabilities.ALL_KINDS);
    }

    @Override
    public Listing list(TimeWindow window) {
        return Listing.of(Map.of());
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        return List.of();
    }

    @Override
    public ItemRef create(String uid, String ics) {
        throw refused();
    }

    @Override
    public String update(String href, String ics, String etag) {
        throw refused();
    }

    @Override
    public void delete(String href, String etag) {
        throw refused();
    }

    private ReadOnlyStoreException refused() {
        return new ReadOnlyStoreException(description + " does not exist yet; nothing can be written to it");
    }
}
