package com.calsync.store.memory;

import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A calendar held in memory, for the sync engine's property tests. Thread-safe; etags are
 * {@code "g<n>"} from one generation counter, so every write or {@link #touch} gives a new one.
 *
 * <p>Test knobs: {@link #touch} (flaky etags: new etag, same content), {@link #setMissingEtags}
 * (create/update return null etags; listings still have them), {@link #failNextWrites} and
 * {@link #failWritesWhere} (injected {@link StoreException}s), {@link #setReadOnly}. {@link #put},
 * {@link #remove} and {@link #touch} act directly, as another client of the calendar would,
 * bypassing faults and read-only mode. {@link #requestCount()} counts every store call.
 */
public final class MemoryStore implements CalendarStore {

    /** A write the store was asked to do, for {@link #failWritesWhere}; ics is null for deletes. */
    public record Write(Kind kind, String href, String ics) {
        public enum Kind { CREATE, UPDATE, DELETE }
    }

    private record Entry(String ics, long generation) {
        String etag() {
            return "g" + generation;
        }
    }

    private final Map<String, Entry> items = new LinkedHashMap<>();
    private final String name;
    private long generation;
    private long requests;
    private int failuresLeft;
    private Predicate<Write> failWhen = write -> false;
    private boolean missingEtags;
    private boolean readOnly;

    public MemoryStore() {
        this("memory");
    }

    /** @param name shown by {@link #describe()}, to tell two sides apart in test failures */
    public MemoryStore(String name) {
        this.name = name;
    }

    /** The href an item with {@code uid} gets: the URL-encoded UID plus {@code .ics}. */
    public static String hrefFor(String uid) {
        return URLEncoder.encode(uid, StandardCharsets.UTF_8) + ".ics";
    }

    @Override
    public String describe() {
        return "memory store " + name;
    }

    @Override
    public synchronized StoreCapabilities capabilities() {
        return readOnly ? StoreCapabilities.readOnlyStore() : StoreCapabilities.readWrite();
    }

    @Override
    public synchronized Listing list(TimeWindow window) {
        requests++;
        Map<String, String> etags = new LinkedHashMap<>();
        items.forEach((href, entry) -> etags.put(href, entry.etag()));
        return Listing.of(etags);
    }

    @Override
    public synchronized List<StoredItem> get(Collection<String> hrefs) {
        requests++;
        List<StoredItem> found = new ArrayList<>();
        for (String href : hrefs) {
            Entry entry = items.get(href);
            if (entry != null) {
                found.add(new StoredItem(href, entry.etag(), entry.ics()));
            }
        }
        return found;
    }

    @Override
    public synchronized ItemRef create(String uid, String ics) {
        String href = hrefFor(uid);
        beforeWrite(new Write(Write.Kind.CREATE, href, ics));
        if (items.containsKey(href)) {
            throw new PreconditionFailedException(href, "Item " + uid + " already exists in " + describe());
        }
        Entry entry = store(href, ics);
        return new ItemRef(href, missingEtags ? null : entry.etag());
    }

    @Override
    public synchronized String update(String href, String ics, String etag) {
        beforeWrite(new Write(Write.Kind.UPDATE, href, ics));
        Entry current = items.get(href);
        if (current == null || !current.etag().equals(etag)) {
            throw new PreconditionFailedException(href, "Item " + href + " in " + describe()
                    + (current == null ? " is gone" : " has etag " + current.etag() + ", not " + etag));
        }
        Entry entry = store(href, ics);
        return missingEtags ? null : entry.etag();
    }

    @Override
    public synchronized void delete(String href, String etag) {
        beforeWrite(new Write(Write.Kind.DELETE, href, null));
        Entry current = items.get(href);
        if (current == null) {
            throw new ItemNotFoundException(href, "Item " + href + " is already gone from " + describe());
        }
        if (!current.etag().equals(etag)) {
            throw new PreconditionFailedException(href, "Item " + href + " in " + describe()
                    + " has etag " + current.etag() + ", not " + etag);
        }
        items.remove(href);
    }

    @Override
    public synchronized long requestCount() {
        return requests;
    }

    /** Inserts or replaces an item directly (no faults, ignores read-only); returns its href. */
    public synchronized String put(String uid, String ics) {
        String href = hrefFor(uid);
        store(href, ics);
        return href;
    }

    /** Gives an item a new etag without changing its content, as some servers do. */
    public synchronized void touch(String href) {
        Entry entry = items.get(href);
        if (entry == null) {
            throw new ItemNotFoundException(href, "Cannot touch " + href + ": not in " + describe());
        }
        store(href, entry.ics());
    }

    /** Removes an item directly; returns whether it was there. */
    public synchronized boolean remove(String href) {
        return items.remove(href) != null;
    }

    /** A copy of the items now: href → item, sorted by href. */
    public synchronized Map<String, StoredItem> snapshot() {
        Map<String, StoredItem> copy = new TreeMap<>();
        items.forEach((href, entry) -> copy.put(href, new StoredItem(href, entry.etag(), entry.ics())));
        return copy;
    }

    /** The next {@code n} writes (create, update, delete) fail with a {@link StoreException}. */
    public synchronized void failNextWrites(int n) {
        failuresLeft = n;
    }

    /** Writes matching {@code when} fail with a {@link StoreException} until replaced. */
    public synchronized void failWritesWhere(Predicate<Write> when) {
        failWhen = when == null ? write -> false : when;
    }

    public synchronized void setMissingEtags(boolean missing) {
        this.missingEtags = missing;
    }

    public synchronized void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    private void beforeWrite(Write write) {
        requests++;
        if (readOnly) {
            throw new ReadOnlyStoreException(describe() + " is read-only");
        }
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new StoreException("Injected failure of " + write.kind() + " " + write.href() + " in " + describe());
        }
        if (failWhen.test(write)) {
            throw new StoreException("Injected failure of " + write.kind() + " " + write.href() + " in " + describe());
        }
    }

    private Entry store(String href, String ics) {
        Entry entry = new Entry(ics, ++generation);
        items.put(href, entry);
        return entry;
    }
}
