package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemTitle;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.ForgetItem;
import com.calsync.sync.SyncAction.MergeItem;
import com.calsync.sync.SyncAction.RecordStatus;
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
 */
final class PlanApplier {
    private static final Logger log = LoggerFactory.getLogger(PlanApplier.class);

    private final String pair;
    private final Map<Side, CalendarStore> stores;
    private final StatusDb db;
    private final Journal journal;
    private final IcalKit ical;
    private final SyncPolicy policy;
    private final BooleanSupplier cancelled;
    private final SyncProgress progress;
    private final TimeWindow window;
    private final ItemTitle titles = new ItemTitle();
    private final Set<Side> readOnly = EnumSet.noneOf(Side.class);

    final List<ItemChange> changes = new ArrayList<>();
    final List<ItemError> errors = new ArrayList<>();
    private final Map<Side, Map<String, String>> texts = new EnumMap<>(Side.class);

    PlanApplier(String pair, Map<Side, CalendarStore> stores, StatusDb db, Journal journal, IcalKit ical,
                SyncPolicy policy, TimeWindow window, BooleanSupplier cancelled, SyncProgress progress) {
        this.window = window;
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
        int done = 0;
        progress.update(0, writes.size());
        for (SyncAction action : writes) {
            if (cancelled.getAsBoolean()) {
                log.info("{}: run cancelled; {} of {} changes left for the next run", pair,
                        writes.size() - writes.indexOf(action), writes.size());
                return;
            }
            try {
                if (action instanceof CopyItem c) {
                    copy(c, rows);
                } else if (action instanceof MergeItem m) {
                    merge(m, rows);
                } else if (action instanceof DeleteItem d) {
                    delete(d, rows);
                } else if (action instanceof ForgetItem f) {
                    db.remove(f.key());
                    rows.remove(f.key());
                }
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (PreconditionFailedException e) {
                errors.add(error(action, "changed while CalSync was writing it; it will be compared again next run ("
                        + e.getMessage() + ")"));
            } catch (StoreException e) {
                errors.add(error(action, e.getMessage()));
                log.warn("{}: could not apply change to {}: {}", pair, action.key(), e.getMessage());
            }
            progress.update(++done, writes.size());
        }
    }

    private void copy(CopyItem c, Map<String, StatusRow> rows) {
        CalendarStore store = stores.get(c.to());
        String text = textOf(c.to().other(), c.from());
        String title = title(c.to().other(), c.from());
        StatusRow row = rows.getOrDefault(c.key(), StatusRow.empty(c.key()))
                .with(c.to().other(), c.from().href(), c.from().etag(), c.from().hash());
        String href;
        String etag;
        if (c.isCreate()) {
            ItemRef ref = store.create(c.key(), text);
            href = ref.href();
            etag = ref.etag();
        } else {
            // the copy keeps what is overwritten, so it is listed under its own title, not the new one
            saveToJournal(c.to(), c.existing(), title(c.to(), c.existing()), "overwritten: " + c.why());
            href = c.existing().href();
            etag = store.update(href, text, c.existing().etag());
        }
        row = row.with(c.to(), href, etag, c.from().hash()).withTargetDeleted(false);
        if (keepsBase()) {
            row = row.withBase(text);
        }
        db.put(row);
        rows.put(c.key(), row);
        changes.add(new ItemChange(c.to(), c.isCreate() ? ItemChange.Kind.CREATED : ItemChange.Kind.UPDATED,
                c.key(), title, href, c.why()));
    }

    private void merge(MergeItem m, Map<String, StatusRow> rows) {
        String hash;
        CalendarItem merged;
        try {
            merged = ical.parser().parse(m.mergedText());
            hash = ical.fingerprinter().fingerprint(merged);
        } catch (MalformedItemException e) {
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
        journal.save(pair, side, item.key(), title, item.href(), textOf(side, item), reason);
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

    /** The text of {@code item} as it should be written: for an expanded series, its own occurrence. */
    private String textOf(Side side, SideItem item) {
        if (item.fetched()) {
            return item.text();
        }
        String stored = texts.getOrDefault(side, Map.of()).get(item.href());
        if (stored == null) {
            throw new StoreException(item.href() + " vanished from the " + side.label() + " during the run");
        }
        if (side == Side.SOURCE && policy.expandRecurring()) {
            try {
                CalendarItem series = ical.parser().parse(stored);
                for (CalendarItem occurrence : ical.expander().expand(series, window)) {
                    if (occurrence.uid().equals(item.key())) {
                        return occurrence.text();
                    }
                }
            } catch (MalformedItemException e) {
                throw new StoreException(item.href() + " can no longer be read: " + e.getMessage());
            }
            throw new StoreException("occurrence " + item.key() + " is no longer part of " + item.href());
        }
        return stored;
    }

    private String title(Side side, SideItem item) {
        if (item.title() != null) {
            return item.title();
        }
        try {
            return titles.of(ical.parser().parse(textOf(side, item)));
        } catch (MalformedItemException | StoreException e) {
            return item.key();
        }
    }

    private ItemError error(SyncAction action, String message) {
        Side side = action instanceof CopyItem c ? c.to()
                : action instanceof DeleteItem d ? d.on() : Side.TARGET;
        return new ItemError(side, action.key(), action.key(), message);
    }
}
