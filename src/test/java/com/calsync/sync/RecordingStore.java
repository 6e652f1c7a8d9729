package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.StoredItem;
import java.util.ArrayList;
import java.util.List;

/** Remembers the text of every item the engine overwrote or deleted, to check the journal has it. */
final class RecordingStore extends ForwardingStore {
    final List<String> replaced = new ArrayList<>();

    RecordingStore(CalendarStore delegate) {
        super(delegate);
    }

    private void remember(String href) {
        delegate.get(List.of(href)).stream().map(StoredItem::ics).forEach(replaced::add);
    }

    @Override
    public String update(String href, String ics, String etag) {
        remember(href);
        return delegate.update(href, ics, etag);
    }

    @Override
    public void delete(String href, String etag) {
        remember(href);
        delegate.delete(href, etag);
    }
}
