package com.calsync.store;

import com.calsync.ical.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * One calendar, seen as a set of iCalendar object resources ("items"): each item is one UID —
 * the master component, its RECURRENCE-ID overrides and the VTIMEZONEs they use — stored under
 * an href with an etag that changes whenever the stored bytes change.
 *
 * <p>Stores know nothing of sync: they list, fetch and write items, and report a stale etag as
 * {@link PreconditionFailedException}. Every implementation passes the shared contract suite.
 */
public interface CalendarStore extends AutoCloseable {

    /** A short human description for logs and errors, e.g. {@code folder ~/Calendars/work}. */
    String describe();

    StoreCapabilities capabilities();

    /**
     * Lists the items of the calendar. A store with {@link StoreCapabilities#serverSideTimeRange()}
     * may leave out items without an occurrence in {@code window}; others list everything.
     */
    Listing list(TimeWindow window);

    /**
     * What changed since {@code token} (RFC 6578 sync-collection), for stores with
     * {@link StoreCapabilities#syncTokens()}.
     *
     * @throws SyncTokenExpiredException when the store no longer accepts the token: list instead
     */
    default ChangeSet changesSince(String token) {
        throw new UnsupportedOperationException(describe() + " does not support sync tokens");
    }

    /** Fetches items by href, in one batch where the store can; hrefs that are gone are left out. */
    List<StoredItem> get(Collection<String> hrefs);

    /**
     * Creates a new item; fails with {@link PreconditionFailedException} when an item with that
     * UID's resource name already exists.
     *
     * @return where it was stored; the etag may be null when the store did not say
     */
    ItemRef create(String uid, String ics);

    /**
     * Replaces the item at {@code href} if its etag is still {@code etag}.
     *
     * @return the new etag, or null when the store did not say
     * @throws PreconditionFailedException when the item changed since (or is gone)
     */
    String update(String href, String ics, String etag);

    /**
     * Deletes the item at {@code href} if its etag is still {@code etag}.
     *
     * @throws PreconditionFailedException when the item changed since
     * @throws ItemNotFoundException when it is already gone
     */
    void delete(String href, String etag);

    /** Requests sent to the store's server so far (0 for local stores), for reports. */
    default long requestCount() {
        return 0;
    }

    /** How often the store's server answered "busy" so far ({@link BusyAnswers#NONE} for local stores). */
    default BusyAnswers busyAnswers() {
        return BusyAnswers.NONE;
    }

    @Override
    default void close() {}
}
