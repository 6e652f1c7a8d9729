package com.calsync.store.caldav;

import com.calsync.store.CalendarGoneException;
import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoredItem;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CalDAV calendar opened where it was found before ({@link KnownCalendar}), so opening costs no
 * request. When the server says it is no longer there ({@link CalendarGoneException} from the
 * listing a run starts with), discovery finds it again, the new place is remembered, and the
 * listing is asked once more: a renamed or moved calendar costs one run a few requests, not a
 * failure. A calendar just discovered in this store's lifetime is not looked up twice for one
 * listing. Not shared between threads, like the run that uses it.
 */
public final class RelocatingCalDavStore implements CalendarStore {
    private static final Logger log = LoggerFactory.getLogger(RelocatingCalDavStore.class);

    private final CalDavClient client;
    private final String key;
    private final Supplier<CalendarInfo> discover;
    private final Consumer<KnownCalendar> remember;
    private final Clock clock;
    private CalDavStore store;
    private long requestsOfEarlierStores;

    /**
     * @param client   the account's client (shared by its calendars)
     * @param known    where the calendar was found before
     * @param discover looks the calendar up again (discovery's requests on {@code client})
     * @param remember keeps a new place for the next open
     */
    public RelocatingCalDavStore(CalDavClient client, KnownCalendar known, Supplier<CalendarInfo> discover,
                                 Consumer<KnownCalendar> remember, Clock clock) {
        this.client = client;
        this.key = known.key();
        this.discover = discover;
        this.remember = remember;
        this.clock = clock;
        this.store = new CalDavStore(client, known.info());
    }

    /** The calendar as it was last found. */
    public CalendarInfo calendar() {
        return store.calendar();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public Listing list(TimeWindow window) {
        try {
            return store.list(window);
        } catch (CalendarGoneException e) {
            relocate(e);
            return store.list(window);
        }
    }

    @Override
    public ChangeSet changesSince(String token) {
        try {
            return store.changesSince(token);
        } catch (CalendarGoneException e) {
            relocate(e);
            // a token of the old collection means nothing to the new one: the engine lists it
            throw new com.calsync.store.SyncTokenExpiredException(describe() + " moved; listing it where it is now");
        }
    }

    private void relocate(CalendarGoneException gone) {
        log.info("{}: {}; looking for it again", store.describe(), gone.getMessage());
        CalendarInfo found = discover.get(); // a StoreException here says why it cannot be found
        requestsOfEarlierStores += store.requestCount();
        store.close();
        store = new CalDavStore(client, found);
        remember.accept(new KnownCalendar(key, clock.instant(), found));
        log.info("found {} at {}", found.displayName(), found.url());
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        return store.get(hrefs);
    }

    @Override
    public ItemRef create(String uid, String ics) {
        return store.create(uid, ics);
    }

    @Override
    public String update(String href, String ics, String etag) {
        return store.update(href, ics, etag);
    }

    @Override
    public void delete(String href, String etag) {
        store.delete(href, etag);
    }

    /** Requests of the discovery are counted by the client the store was given, not here. */
    @Override
    public long requestCount() {
        return requestsOfEarlierStores + store.requestCount();
    }

    @Override
    public com.calsync.store.BusyAnswers busyAnswers() {
        return store.busyAnswers();
    }

    @Override
    public void close() {
        store.close();
    }
}
