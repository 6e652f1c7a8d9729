package com.calsync.sync;

import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoredItem;
import java.util.Collection;
import java.util.List;

/** Passes every call to another store; tests override the calls they want to break. */
class ForwardingStore implements CalendarStore {
    protected final CalendarStore delegate;

    ForwardingStore(CalendarStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public StoreCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Listing list(TimeWindow window) {
        return delegate.list(window);
    }

    @Override
    public ChangeSet changesSince(String token) {
        return delegate.changesSince(token);
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        return delegate.get(hrefs);
    }

    @Override
    public ItemRef create(String uid, String ics) {
        return delegate.create(uid, ics);
    }

    @Override
    public String update(String href, String ics, String etag) {
        return delegate.update(href, ics, etag);
    }

    @Override
    public void delete(String href, String etag) {
        delegate.delete(href, etag);
    }

    @Override
    public long requestCount() {
        return delegate.requestCount();
    }
}
