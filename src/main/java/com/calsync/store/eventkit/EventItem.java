package com.calsync.store.eventkit;

import java.util.List;

/**
 * A whole item: the master event (a series, or a single event), its detached occurrences, and the
 * starts of occurrences the series leaves out (EXDATE; EventKit only learns these by deleting them).
 */
public record EventItem(String uid, EventData master, List<EventData> detached, List<java.time.Instant> excluded) {
    public EventItem {
        detached = List.copyOf(detached);
        excluded = List.copyOf(excluded);
    }
}
