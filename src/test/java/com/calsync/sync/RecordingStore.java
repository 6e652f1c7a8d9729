package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRef;
import com.calsync.store.StoredItem;
import com.calsync.store.StoreCapabilities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every write the engine sends, and whether the store said it was read-only at the time;
 * remembers the text of every item the engine overwrote or deleted, to check the journal has it.
 */
final class RecordingStore extends ForwardingStore {
    /** A create (of a UID), update or delete (of an href) that reached this store. */
    record Write(String kind, String item, boolean readOnly) {}

    // synchronized: writes may come from several threads (WriteWindow)
    final List<String> replaced = Collections.synchronizedList(new ArrayList<>());
    final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final boolean concurrentWrites;

    RecordingStore(CalendarStore delegate) {
        this(delegate, false);
    }

    /** @param concurrentWrites whether the store says it takes writes several at once */
    RecordingStore(CalendarStore delegate, boolean concurrentWrites) {
        super(delegate);
        this.concurrentWrites = concurrentWrites;
    }

    @Override
    public StoreCapabilities capabilities() {
        return delegate.capabilities().withConcurrentWrites(concurrentWrites);
    }

    private void sent(String kind, String href) {
        writes.add(new Write(kind, href, delegate.capabilities().readOnly()));
    }

    private void remember(String href) {
        delegate.get(List.of(href)).stream().map(StoredItem::ics).forEach(replaced::add);
    }

    @Override
    public ItemRef create(String uid, String ics) {
        sent("create", uid);
        return delegate.create(uid, ics);
    }

    @Override
    public String update(String href, String ics, String etag) {
        sent("update", href);
        remember(href);
        return delegate.update(href, ics, etag);
    }

    @Override
    public void delete(String href, String etag) {
        sent("delete", href);
        remember(href);
        delegate.delete(href, etag);
    }
}
