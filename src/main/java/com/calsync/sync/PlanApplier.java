package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemTitle;
import com.calsync.ical.MalformedItemException;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRejectedException;
import com.calsync.store.ItemRef;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.ForgetItem;
import com.calsync.sync.SyncAction.MergeItem;
import com.calsync.sync.SyncAction.RecordStatus;
import com.calsync.sync.transform.Transformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a plan: each write to a store is followed at once by the status row that records
 * it, and every overwrite or delete is preceded by a journal copy. A crash between any two steps
 * leaves a state the next run reconciles by UID: nothing lost, nothing duplicated.
 *
 * <p>Nothing is sent to a store whose capabilities say it is read-only: a change for it is
 * reported as an item error and, its status row untouched, planned again next run.
 *
 * <p>One item a store refuses does not stop the others: the refusal becomes an item error with
 * the store's reason, and the item is remembered in the status database ({@link ItemFailure}) and
 * tried again with a growing wait ({@link ItemBackoff}), at once when its content changes. Only a
 * failure of the whole store (unreachable, login refused, calendar gone) stops the run, or
 * {@value #FAILURES_IN_A_ROW} writes in a row failing with server errors: a server that fails
 * everything is broken, not the items.
 *
 * <p>Creates and updates to a store that takes concurrent writes (a CalDAV server) may be several
 * in flight at once ({@link WriteWindow}): only their store calls run on other threads. Everything
 * else (the copy link or journal copy before the call, the status row after it) happens here, on
 * the applier's one thread, in plan order, so a crash leaves what it leaves when writing one at a
 * time: at most the writes in flight made without their rows, which the next run matches by UID.
 * Deletions, merges and UID replacements are sent one at a time, after the writes before them landed.
 */
final class PlanApplier {
    private static final Logger log = LoggerFactory.getLogger(PlanApplier.class);
    static final int FAILURES_IN_A_ROW = 10;

    private final String pair;
    private final Map<Side, CalendarStore> stores;
    private final StatusDb db;
    private final Journal journal;
    private final IcalKit ical;
    private final SyncPolicy policy;
    private final BooleanSupplier cancelled;
    private final SyncProgress progress;
    private final CopyShaper shaper;
    private final Transformer transformer;
    private final Map<String, String> links;
    private final Instant now;
    private final ItemTitle titles = new ItemTitle();
    private final Set<Side> readOnly = EnumSet.noneOf(Side.class);
    private final int maxWritesInFlight;
    private final WriteWindow.Pause pause;
    private int failedInARow;
    private int done;
    private int total;

    final List<ItemChange> changes = new ArrayList<>();
    final List<ItemError> errors = new ArrayList<>();
    private final Map<Side, Map<String, String>> texts = new EnumMap<>(Side.class);

    /**
     * @param shaper      what the target gets of a source item (for sources not fetched in the run)
     * @param transformer the pair's transform, for the UIDs of its copies
     * @param links       source key → copy UID (the state database's copy links), kept up to date
     * @param now         when the run started: item failures are stamped with it and their waits counted from it
     * @param maxWritesInFlight creates and updates sent at once to a store that takes concurrent writes (1: one at a time)
     * @param pause       how to wait out a server's Retry-After before sending more
     */
    PlanApplier(String pair, Map<Side, CalendarStore> stores, StatusDb db, Journal journal, IcalKit ical,
                SyncPolicy policy, CopyShaper shaper, Transformer transformer, Map<String, String> links,
                Instant now, BooleanSupplier cancelled, SyncProgress progress, int maxWritesInFlight,
                WriteWindow.Pause pause) {
        this.maxWritesInFlight = maxWritesInFlight;
        this.pause = pause;
        this.shaper = shaper;
        this.transformer = transformer;
        this.links = new HashMap<>(links);
        this.now = now;
        this.progress = progress;
        this.pair = pair;
        this.stores = stores;
        this.db = db;
        this.journal = journal;
        this.ical = ical;
        this.policy = policy;
        this.cancelled = cancelled;
        for (Side side : Side.values()) {
            if (stores.get(side).capabilities().readOnly()) {
                readOnly.add(side);
            }
        }
    }

    /** Applies every action; stops early (throwing) when a store is unreachable. */
    void apply(SyncPlan plan, Map<String, StatusRow> rows) {
        List<RecordStatus> bookkeeping = new ArrayList<>();
        List<SyncAction> writes = new ArrayList<>();
        int notWritten = 0;
        for (SyncAction action : plan.actions()) {
            Optional<Side> blocked = readOnlySideOf(action);
            if (action instanceof RecordStatus r) {
                bookkeeping.add(r);
            } else if (blocked.isPresent()) {
                // A merge is left whole: half of one would move the base and undo the other side's edit.
                notWritten++;
                errors.add(new ItemError(blocked.get(), action.key(), action.key(), "not written: the "
                        + blocked.get().label() + " (" + stores.get(blocked.get()).describe() + ") is read-only;"
                        + " the change is tried again next run. A calendar that stays read-only can only be"
                        + " the source of a mirror pair."));
            } else {
                writes.add(action);
            }
        }
        if (notWritten > 0) {
            log.warn("{}: {} changes not written: the {} is read-only", pair, notWritten,
                    String.join(" and ", readOnly.stream().map(Side::label).toList()));
        }
        db.inTransaction(() -> bookkeeping.forEach(r -> db.put(r.row())));
        prefetch(writes);
        Map<String, ItemFailure> failures = db.itemFailures();
        total = writes.size();
        progress.update(0, total);
        SideWindow window = null;
        try {
            for (int i = 0; i < writes.size(); i++) {
                SyncAction action = writes.get(i);
                if (cancelled.getAsBoolean()) {
                    if (window != null) {
                        landAll(window, failures, rows);
                    }
                    log.info("{}: run cancelled; {} of {} changes left for the next run", pair, writes.size() - i,
                            writes.size());
                    return;
                }
                Optional<ItemFailure> waiting = waitingFailure(action, failures);
                if (waiting.isPresent()) {
                    ItemFailure f = waiting.get();
                    errors.add(error(action, "not tried this run: its last " + (f.failures() == 1 ? "write" : f.failures()
                            + " writes") + " failed (" + f.message() + "); next try after " + f.nextRetry()
                            + ", or as soon as the item changes"));
                    progress.update(++done, total);
                    continue;
                }
                if (action instanceof CopyItem c && goesThroughWindow(c)) {
                    if (window != null && window.side() != c.to()) {
                        landAll(window, failures, rows);
                        closeWindow(window);
                        window = null;
                    }
                    if (window == null) {
                        window = new SideWindow(c.to(), new WriteWindow<>(pair, stores.get(c.to()),
                                new AdaptiveConcurrency(maxWritesInFlight), System::nanoTime, pause));
                    }
                    sendThroughWindow(c, window, failures, rows);
                    continue;
                }
                if (window != null) {
                    landAll(window, failures, rows); // deletions, merges and the rest go one at a time, in order
                }
                StoreException failure = null;
                try {
                    perform(action, rows);
                } catch (StoreException e) {
                    failure = e;
                }
                book(action, failure, failures);
            }
            if (window != null) {
                landAll(window, failures, rows);
            }
        } finally {
            if (window != null) {
                closeWindow(window);
            }
        }
        // An item no longer written (deleted meanwhile, now equal on both sides) starts afresh if it ever fails again.
        Set<String> planned = new java.util.HashSet<>();
        for (SyncAction action : writes) {
            writtenSides(action).forEach(side -> planned.add(StatusDb.failureKey(action.key(), side)));
        }
        for (ItemFailure f : failures.values()) {
            if (!planned.contains(StatusDb.failureKey(f.key(), f.side())) && !isBlocked(f, plan)) {
                db.clearItemFailure(f.key(), f.side());
            }
        }
    }

    private void perform(SyncAction action, Map<String, StatusRow> rows) {
        if (action instanceof CopyItem c) {
            copy(c, rows);
        } else if (action instanceof MergeItem m) {
            merge(m, rows);
        } else if (action instanceof DeleteItem d) {
            delete(d, rows);
        } else if (action instanceof ForgetItem f) {
            db.remove(f.key());
            rows.remove(f.key());
            unlink(f.key());
        }
    }

    /**
     * Books how a write went, in plan order: a success clears the item's remembered failure, a
     * failure is reported and remembered.
     *
     * @throws StoreException when the run must stop: the whole store failed, or too many writes in a row
     */
    private void book(SyncAction action, StoreException failure, Map<String, ItemFailure> failures) {
        if (failure == null) {
            for (Side side : writtenSides(action)) {
                if (failures.containsKey(StatusDb.failureKey(action.key(), side))) {
                    db.clearItemFailure(action.key(), side);
                }
            }
            failedInARow = 0;
        } else if (failure instanceof PreconditionFailedException e) {
            errors.add(error(action, "changed while CalSync was writing it; it will be compared again next run ("
                    + e.getMessage() + ")"));
        } else if (failure.concernsWholeStore()) {
            throw failure;
        } else {
            itemFailed(action, failure);
            if (countsAgainstTheStore(failure) && ++failedInARow >= FAILURES_IN_A_ROW) {
                throw new StoreUnavailableException(FAILURES_IN_A_ROW + " writes in a row failed (the last: "
                        + failure.getMessage() + "); the store seems broken as a whole, so this run stops here."
                        + " Nothing was deleted; the next run goes on", null, failure);
            }
        }
        progress.update(++done, total);
    }

    /** The writes in flight to one side. */
    private record SideWindow(Side side, WriteWindow<PendingCopy> writes) {
    }

    /**
     * Whether a copy may be sent while others are in flight: a plain create or update, to a store
     * that takes concurrent writes, when the cap allows more than one. A copy that replaces one
     * with another UID (a delete, then a create) goes alone.
     */
    private boolean goesThroughWindow(CopyItem c) {
        return maxWritesInFlight > 1 && stores.get(c.to()).capabilities().concurrentWrites() && !isReplacement(c);
    }

    /** Prepares the copy here (journal, copy link), sends only its store call to the window. */
    private void sendThroughWindow(CopyItem c, SideWindow window, Map<String, ItemFailure> failures,
                                   Map<String, StatusRow> rows) {
        while (window.writes().full()) {
            landOne(window, failures, rows);
        }
        PendingCopy pending;
        try {
            pending = prepareCopy(c, rows);
        } catch (StoreException e) {
            if (window.writes().isEmpty()) {
                book(c, e, failures);
            } else {
                // keep the bookings in plan order: this failure is booked after the writes before it
                landAllThen(window, failures, rows, () -> book(c, e, failures));
            }
            return;
        }
        window.writes().send(pending, () -> storeWrite(pending));
    }

    /** Books the oldest write in flight; a failure that stops the run first lets the others land. */
    private void landOne(SideWindow window, Map<String, ItemFailure> failures, Map<String, StatusRow> rows) {
        try {
            landOldest(window, failures, rows);
        } catch (StoreException stop) {
            try {
                landAll(window, failures, rows);
            } catch (StoreException alsoStopping) {
                log.debug("{}: also stopping: {}", pair, alsoStopping.getMessage());
            }
            throw stop;
        }
    }

    private void landOldest(SideWindow window, Map<String, ItemFailure> failures, Map<String, StatusRow> rows) {
        WriteWindow.Landed<PendingCopy> landed = window.writes().next();
        RuntimeException failure = landed.failure();
        if (failure != null && !(failure instanceof StoreException)) {
            throw failure; // a bug, not the store: the engine reports it
        }
        StoreException storeFailure = (StoreException) failure;
        if (storeFailure == null) {
            try {
                finishCopy(landed.pending(), (ItemRef) landed.result(), rows);
            } catch (StoreException e) {
                storeFailure = e;
            }
        }
        book(landed.pending().action(), storeFailure, failures);
    }

    /** Books every write in flight, in order; the first failure that stops the run is thrown after all landed. */
    private void landAll(SideWindow window, Map<String, ItemFailure> failures, Map<String, StatusRow> rows) {
        landAllThen(window, failures, rows, () -> { });
    }

    private void landAllThen(SideWindow window, Map<String, ItemFailure> failures, Map<String, StatusRow> rows,
                             Runnable after) {
        StoreException stop = null;
        while (!window.writes().isEmpty()) {
            try {
                landOldest(window, failures, rows);
            } catch (StoreException e) {
                if (stop == null) {
                    stop = e;
                }
            }
        }
        if (stop != null) {
            throw stop;
        }
        after.run();
    }

    private void closeWindow(SideWindow window) {
        if (window.writes().mostInFlight() > 0) {
            log.info("{}: wrote to the {}: {}", pair, window.side().label(), window.writes().summary());
        }
        window.writes().close();
    }

    /** Whether a failed item's write waits this run only because its side is read-only (then it stays remembered). */
    private boolean isBlocked(ItemFailure f, SyncPlan plan) {
        return readOnly.contains(f.side()) && plan.actions().stream().anyMatch(a -> a.key().equals(f.key()));
    }

    /** A failed write of one item: reported, remembered with its wait, and left for a later run. */
    private void itemFailed(SyncAction action, StoreException e) {
        String hash = contentHash(action);
        String message = e.getMessage();
        int failedTimes = 1;
        java.time.Instant next = now;
        for (Side side : writtenSides(action)) {
            ItemFailure f = db.recordItemFailure(action.key(), side, hash, message, now);
            failedTimes = Math.max(failedTimes, f.failures());
            next = f.nextRetry().isAfter(next) ? f.nextRetry() : next;
        }
        String when = failedTimes == 1 ? "; tried again next run"
                : "; failed " + failedTimes + " times in a row, next try after " + next + " (or when the item changes)";
        errors.add(error(action, message + when));
        log.warn("{}: could not write {} (\"{}\"): {}{}", pair, action.key(), titleOf(action), message, when);
    }

    /** A failure the store is to blame for, rather than the item's content (which a 4xx refusal is about). */
    private static boolean countsAgainstTheStore(StoreException e) {
        return !(e instanceof ItemRejectedException rejected) || rejected.serverFault();
    }

    /** The failure that holds this write back for now, if any: the same content failed recently. */
    private Optional<ItemFailure> waitingFailure(SyncAction action, Map<String, ItemFailure> failures) {
        String hash = contentHash(action);
        for (Side side : writtenSides(action)) {
            ItemFailure f = failures.get(StatusDb.failureKey(action.key(), side));
            if (f != null && !f.mayRetry(now, hash)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The sides a write action writes to. */
    private static List<Side> writtenSides(SyncAction action) {
        return action instanceof CopyItem c ? List.of(c.to())
                : action instanceof DeleteItem d ? List.of(d.on())
                : action instanceof MergeItem ? List.of(Side.SOURCE, Side.TARGET)
                : List.of();
    }

    /** What the write would put on the store, to tell new content (tried at once) from a retry. */
    private static String contentHash(SyncAction action) {
        if (action instanceof CopyItem c) {
            return c.from().hash();
        }
        if (action instanceof MergeItem m) {
            return m.source().hash() + "+" + m.target().hash();
        }
        return null;
    }

    /** A copy made ready on the applier's thread (journal saved, copy link recorded): only the store call is left. */
    private record PendingCopy(CopyItem action, String uid, String text, String title, StatusRow row) {
    }

    /** Whether the target's copy must be replaced by one with another UID (see {@link #copy}). */
    private boolean isReplacement(CopyItem c) {
        return !c.isCreate() && c.to() == Side.TARGET
                && !links.getOrDefault(c.key(), c.key()).equals(transformer.copyUid(c.key()));
    }

    private void copy(CopyItem c, Map<String, StatusRow> rows) {
        if (isReplacement(c)) {
            replaceCopy(c, rows);
        } else {
            PendingCopy pending = prepareCopy(c, rows);
            finishCopy(pending, storeWrite(pending), rows);
        }
    }

    /** Everything a create or update needs before its store call, in the order a crash needs it. */
    private PendingCopy prepareCopy(CopyItem c, Map<String, StatusRow> rows) {
        String text = textOf(c.to().other(), c.from());
        String title = title(c.to().other(), c.from());
        StatusRow row = rows.getOrDefault(c.key(), StatusRow.empty(c.key()))
                .with(c.to().other(), c.from().href(), c.from().etag(), c.from().hash());
        // A rewritten copy has a UID of its own (the transform's); the one the target holds now may differ.
        String uid = c.to() == Side.TARGET ? transformer.copyUid(c.key()) : c.key();
        if (c.isCreate()) {
            link(c.key(), uid); // before the write: a crash right after it leaves a link the next run follows
        } else {
            // the copy keeps what is overwritten, so it is listed under its own title, not the new one
            saveToJournal(c.to(), c.existing(), title(c.to(), c.existing()), "overwritten: " + c.why());
        }
        return new PendingCopy(c, uid, text, title, row);
    }

    /** The store call of a create or update; touches nothing but the store, so it may run on another thread. */
    private ItemRef storeWrite(PendingCopy p) {
        CopyItem c = p.action();
        CalendarStore store = stores.get(c.to());
        if (c.isCreate()) {
            return store.create(p.uid(), p.text());
        }
        String href = c.existing().href();
        return new ItemRef(href, store.update(href, p.text(), c.existing().etag()));
    }

    /**
     * CalDAV does not let an update change an item's UID (RFC 4791 §5.3.2.1, no-uid-conflict):
     * the old copy goes, the new one is made. The row loses its target first, so a failed create
     * is simply "new on the source" next run.
     */
    private void replaceCopy(CopyItem c, Map<String, StatusRow> rows) {
        CalendarStore store = stores.get(c.to());
        String text = textOf(c.to().other(), c.from());
        String title = title(c.to().other(), c.from());
        StatusRow row = rows.getOrDefault(c.key(), StatusRow.empty(c.key()))
                .with(c.to().other(), c.from().href(), c.from().etag(), c.from().hash());
        String uid = transformer.copyUid(c.key());
        saveToJournal(c.to(), c.existing(), title, "replaced by a copy with a new UID: " + c.why());
        try {
            store.delete(c.existing().href(), c.existing().etag());
        } catch (ItemNotFoundException alreadyGone) {
            log.debug("{}: the old copy of {} was already gone from the target", pair, c.key());
        }
        StatusRow withoutTarget = row.with(Side.TARGET, null, null, null);
        db.put(withoutTarget);
        rows.put(c.key(), withoutTarget);
        link(c.key(), uid);
        finishCopy(new PendingCopy(c, uid, text, title, row), store.create(uid, text), rows);
    }

    /** Books a copy the store took: its status row, the report, and (two-way) its UID written back. */
    private void finishCopy(PendingCopy p, ItemRef ref, Map<String, StatusRow> rows) {
        CopyItem c = p.action();
        StatusRow row = p.row().with(c.to(), ref.href(), ref.etag(), c.from().hash()).withTargetDeleted(false);
        if (keepsBase()) {
            row = row.withBase(p.text());
        }
        db.put(row);
        rows.put(c.key(), row);
        changes.add(new ItemChange(c.to(), c.isCreate() ? ItemChange.Kind.CREATED : ItemChange.Kind.UPDATED,
                c.key(), p.title(), ref.href(), c.why()));
        if (c.from().uidAdded() && policy.mode() == SyncMode.TWO_WAY && !readOnly.contains(c.to().other())) {
            writeUidBack(c.to().other(), c.from(), p.text(), p.title(), row, rows);
        }
    }

    /**
     * Two-way: an item copied from a side where it had no UID gets there the UID its copy has,
     * so both calendars hold the same UID and later runs match them however the item is edited.
     * A failure here is only logged: the derived UID stays stable while the item is unchanged.
     */
    private void writeUidBack(Side side, SideItem item, String text, String title, StatusRow row,
                              Map<String, StatusRow> rows) {
        try {
            saveToJournal(side, item, title, "given the UID " + item.key() + " it lacked");
            String etag = stores.get(side).update(item.href(), text, item.etag());
            StatusRow updated = row.with(side, item.href(), etag, item.hash());
            db.put(updated);
            rows.put(item.key(), updated);
            changes.add(new ItemChange(side, ItemChange.Kind.UPDATED, item.key(), title, item.href(),
                    "had no UID; CalSync wrote the one it gave the item, so both calendars match it from now on"));
        } catch (StoreException e) {
            if (e.concernsWholeStore()) {
                throw e;
            }
            log.warn("{}: could not write the UID {} into {} on the {}: {}", pair, item.key(), item.href(),
                    side.label(), e.getMessage());
        }
    }

    /** Records which UID the copy of {@code key} has on the target (none when it is the key itself). */
    private void link(String key, String copyUid) {
        if (copyUid.equals(key)) {
            unlink(key);
        } else if (!copyUid.equals(links.get(key))) {
            db.putCopyLink(key, copyUid);
            links.put(key, copyUid);
        }
    }

    private void unlink(String key) {
        if (links.remove(key) != null) {
            db.removeCopyLink(key);
        }
    }

    private void merge(MergeItem m, Map<String, StatusRow> rows) {
        String hash;
        CalendarItem merged;
        try {
            merged = ical.parser().parse(m.mergedText());
            hash = ical.fingerprinter().fingerprint(merged);
        } catch (MalformedItemException | RuntimeException e) {
            throw new StoreException("the merged version of " + m.key() + " could not be read back: " + e.getMessage());
        }
        String title = titles.of(merged);
        StatusRow row = rows.getOrDefault(m.key(), StatusRow.empty(m.key()));
        for (SideItem existing : List.of(m.source(), m.target())) {
            Side side = existing == m.source() ? Side.SOURCE : Side.TARGET;
            saveToJournal(side, existing, title(side, existing), "merged: " + m.why());
            String etag = stores.get(side).update(existing.href(), m.mergedText(), existing.etag());
            row = row.with(side, existing.href(), etag, hash).withBase(m.mergedText());
            db.put(row);
            rows.put(m.key(), row);
            changes.add(new ItemChange(side, ItemChange.Kind.UPDATED, m.key(), title, existing.href(), m.why()));
        }
    }

    private void delete(DeleteItem d, Map<String, StatusRow> rows) {
        String title = title(d.on(), d.existing());
        saveToJournal(d.on(), d.existing(), title, "deleted: " + d.why());
        try {
            stores.get(d.on()).delete(d.existing().href(), d.existing().etag());
        } catch (ItemNotFoundException alreadyGone) {
            log.debug("{}: {} was already gone from the {}", pair, d.key(), d.on().label());
        }
        db.remove(d.key());
        rows.remove(d.key());
        if (d.on() == Side.TARGET) {
            unlink(d.key());
        }
        changes.add(new ItemChange(d.on(), ItemChange.Kind.DELETED, d.key(), title, d.existing().href(), d.why()));
    }

    /** The read-only side {@code action} would write to, if any. */
    private Optional<Side> readOnlySideOf(SyncAction action) {
        List<Side> written = action instanceof CopyItem c ? List.of(c.to())
                : action instanceof DeleteItem d ? List.of(d.on())
                : action instanceof MergeItem ? List.of(Side.SOURCE, Side.TARGET)
                : List.of();
        return written.stream().filter(readOnly::contains).findFirst();
    }

    private boolean keepsBase() {
        return policy.mode() == SyncMode.TWO_WAY || policy.expandRecurring();
    }

    private void saveToJournal(Side side, SideItem item, String title, String reason) {
        // what is on the store now, as it is: not reshaped
        journal.save(pair, side, item.key(), title, item.href(), item.fetched() ? item.text() : storedText(side, item),
                reason);
    }

    /** Downloads, in batches, the texts the plan needs but the run did not fetch. */
    private void prefetch(List<SyncAction> writes) {
        Map<Side, List<String>> wanted = new EnumMap<>(Side.class);
        for (SyncAction action : writes) {
            if (action instanceof CopyItem c) {
                want(wanted, c.to().other(), c.from());
                want(wanted, c.to(), c.existing());
            } else if (action instanceof DeleteItem d) {
                want(wanted, d.on(), d.existing());
            }
        }
        wanted.forEach((side, hrefs) -> {
            Map<String, String> bySide = texts.computeIfAbsent(side, s -> new HashMap<>());
            BatchFetch.each(stores.get(side), hrefs.stream().distinct().toList(), item -> bySide.put(item.href(), item.ics()));
        });
    }

    private static void want(Map<Side, List<String>> wanted, Side side, SideItem item) {
        if (item != null && !item.fetched()) {
            wanted.computeIfAbsent(side, s -> new ArrayList<>()).add(item.href());
        }
    }

    /**
     * The text of {@code item} as it should be written: a source item not fetched in this run is
     * read again and shaped as the reader shaped it ({@link CopyShaper}: its occurrence of an
     * expanded series, the pair's transform).
     */
    private String textOf(Side side, SideItem item) {
        if (item.fetched()) {
            return item.text();
        }
        String stored = storedText(side, item);
        if (side == Side.SOURCE && policy.mode() == SyncMode.MIRROR) {
            try {
                return shaper.copyText(stored, item.key());
            } catch (MalformedItemException | RuntimeException e) {
                throw new StoreException(item.href() + " on the source can no longer be copied: " + e.getMessage());
            }
        }
        return stored;
    }

    private String storedText(Side side, SideItem item) {
        String stored = texts.getOrDefault(side, Map.of()).get(item.href());
        if (stored == null) {
            throw new StoreException(item.href() + " vanished from the " + side.label() + " during the run");
        }
        return stored;
    }

    /** The title reports and the journal show: the item's own, for a copy its source's. */
    private String title(Side side, SideItem item) {
        if (item.title() != null) {
            return item.title();
        }
        try {
            return titles.of(ical.parser().read(storedText(side, item)));
        } catch (MalformedItemException | RuntimeException e) {
            return item.key();
        }
    }

    /** The title the plan knows for an action's item, without fetching; else its key. */
    private static String titleOf(SyncAction action) {
        SideItem item = action instanceof CopyItem c ? c.from()
                : action instanceof DeleteItem d ? d.existing()
                : action instanceof MergeItem m ? m.source() : null;
        return item != null && item.title() != null ? item.title() : action.key();
    }

    private ItemError error(SyncAction action, String message) {
        Side side = action instanceof CopyItem c ? c.to()
                : action instanceof DeleteItem d ? d.on() : Side.TARGET;
        return new ItemError(side, action.key(), titleOf(action), message);
    }
}
