package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.StoredItem;
import java.util.List;

/**
 * Puts a journaled item back on the side it was taken from ({@code calsync restore}): over the
 * item that is there now (which is journaled in turn), or as a new item when it is gone. The
 * next sync then carries it to the other side as it would any edit.
 */
public final class JournalRestorer {
    private final Journal journal;

    public JournalRestorer(Journal journal) {
        this.journal = journal;
    }

    /** What a restore did. */
    public record Restored(JournalEntry entry, boolean replacedExisting, String href) {}

    public Restored restore(JournalEntry entry, CalendarStore store) {
        String text = journal.text(entry);
        List<StoredItem> current = store.get(List.of(entry.href()));
        if (!current.isEmpty()) {
            StoredItem now = current.get(0);
            journal.save(entry.pair(), entry.side(), entry.key(), entry.title(), now.href(), now.ics(),
                    "replaced by calsync restore " + entry.id());
            store.update(now.href(), text, now.etag());
            return new Restored(entry, true, now.href());
        }
        return new Restored(entry, false, store.create(entry.key(), text).href());
    }
}
