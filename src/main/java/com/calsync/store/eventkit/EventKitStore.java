package com.calsync.store.eventkit;

import com.calsync.ical.TimeWindow;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A calendar of macOS Calendar, through EventKit: each item is one event or one series (the
 * series' master plus its detached occurrences — never one item per occurrence).
 *
 * <p>href = {@code calendarItemIdentifier}; the UID is the one CalSync wrote (see {@link UidLinks})
 * or else {@code calendarItemExternalIdentifier}; the etag is {@code lastModifiedDate} plus a hash
 * of the item's iCalendar text, since lastModifiedDate alone does not move for every change.
 * Every write is one batch: saves and removals with {@code commit:NO}, then one {@code commit:}.
 * EventKit caps how much time one predicate may span, so listings query in chunks of a year.
 */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
public final class EventKitStore implements CalendarStore {
    /** The longest span one predicate covers (EventKit caps it at about four years). */
    static final Duration CHUNK = Duration.ofDays(365);
    /** What an unbounded window means here: EventKit can only list events in a time range. */
    static final Duration UNBOUNDED_REACH = Duration.ofDays(10 * 365);
    static final long SPAN_THIS_EVENT = 0;
    static final long SPAN_FUTURE_EVENTS = 1;
    private static final Logger log = LoggerFactory.getLogger(EventKitStore.class);

    private final ObjC objc;
    private final Foundation ns;
    private final EventFields fields;
    private final IcsMapping mapping;
    private final UidLinks links;
    private final Clock clock;
    private final Pointer eventStore;
    private final Pointer calendar;
    private final EventKitCalendar info;
    // detached occurrences seen in listings, by href: get() fetches them again by date
    private final Map<String, Set<Instant>> detachedSeen = new ConcurrentHashMap<>();

    private EventKitStore(ObjC objc, Pointer eventStore, CalendarChooser.Found chosen, UidLinks links, Clock clock,
                          ZoneId floatingZone) {
        this.objc = objc;
        this.ns = new Foundation(objc);
        this.fields = new EventFields(ns);
        this.mapping = new IcsMapping(floatingZone);
        this.links = links;
        this.clock = clock;
        this.eventStore = eventStore;
        this.calendar = chosen.object();
        this.info = chosen.calendar();
    }

    /**
     * Opens a calendar through {@code runtime} (Apple's EventKit via {@link EventKitRuntime#open}, or
     * the stand-in the tests register), asking for calendar access the first time.
     *
     * @param floatingZone  where all-day and floating events sit (EventKit uses the system zone)
     * @param accessTimeout how long to wait for the user to answer the permission prompt
     */
    static EventKitStore open(EventKitRuntime runtime, String title, Optional<String> source, UidLinks links, Clock clock,
                              ZoneId floatingZone, Duration accessTimeout) {
        ObjC objc = runtime.objc();
        Foundation ns = new Foundation(objc);
        Pointer eventStore = objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
        try {
            if (runtime.access().ensure(eventStore, accessTimeout)) {
                eventStore = refreshedAfterGrant(objc, ns, eventStore);
            }
            CalendarChooser.Found chosen = new CalendarChooser(ns).choose(eventStore, title, source);
            return new EventKitStore(objc, eventStore, chosen, links, clock, floatingZone);
        } catch (RuntimeException e) {
            objc.sendVoid(eventStore, "release");
            throw e;
        }
    }

    /**
     * A store made before access was granted lists no calendars until it is reset: {@code reset}
     * "updates all the properties of all the objects with their corresponding values in the event
     * store" (Apple, {@code EKEventStore.reset()}). Should it still list none, a new store is made.
     */
    static Pointer refreshedAfterGrant(ObjC objc, Foundation ns, Pointer eventStore) {
        objc.sendVoid(eventStore, "reset");
        if (!new CalendarChooser(ns).calendars(eventStore).isEmpty()) {
            return eventStore;
        }
        log.info("macOS Calendar listed no calendars right after access was granted; asking a new event store");
        objc.sendVoid(eventStore, "release");
        return objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
    }

    /** The event calendars EventKit offers, for `calsync` to show when the configured one is not found. */
    public List<EventKitCalendar> calendars() {
        return new CalendarChooser(ns).calendars(eventStore);
    }

    public EventKitCalendar calendar() {
        return info;
    }

    @Override
    public String describe() {
        return "macOS Calendar " + info.label();
    }

    @Override
    public StoreCapabilities capabilities() {
        return new StoreCapabilities(!info.writable(), false, true, true);
    }

    // ---- reading

    @Override
    public Listing list(TimeWindow window) {
        Map<String, String> etags = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : readWindow(window).entrySet()) {
            etags.put(e.getKey(), e.getValue().etag());
        }
        return Listing.of(etags);
    }

    /** An item as read: its text and etag. */
    private record Item(String href, String uid, String ics, String etag) {}

    private Map<String, Item> readWindow(TimeWindow window) {
        Instant now = clock.instant();
        Instant from = window.isUnbounded() || window.start().isBefore(now.minus(UNBOUNDED_REACH))
                ? now.minus(UNBOUNDED_REACH) : window.start();
        Instant to = window.isUnbounded() || window.end().isAfter(now.plus(UNBOUNDED_REACH))
                ? now.plus(UNBOUNDED_REACH) : window.end();
        // href → detached occurrences seen (by occurrence date)
        Map<String, Map<Instant, Boolean>> series = new LinkedHashMap<>();
        for (Instant chunk = from; chunk.isBefore(to); chunk = chunk.plus(CHUNK)) {
            Instant chunkEnd = chunk.plus(CHUNK).isAfter(to) ? to : chunk.plus(CHUNK);
            try (AutoreleasePool pool = new AutoreleasePool(objc)) {
                for (Pointer event : eventsBetween(chunk, chunkEnd)) {
                    String href = ns.toJava(objc.send(event, "calendarItemIdentifier"));
                    Map<Instant, Boolean> detached = series.computeIfAbsent(href, h -> new TreeMap<>());
                    if (objc.sendBool(event, "isDetached")) {
                        detached.put(ns.instant(objc.send(event, "occurrenceDate")), true);
                    }
                }
            }
        }
        Map<String, Item> items = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Instant, Boolean>> s : series.entrySet()) {
            detachedSeen.put(s.getKey(), Set.copyOf(s.getValue().keySet()));
            read(s.getKey()).ifPresent(item -> items.put(item.href(), item));
        }
        return items;
    }

    private List<Pointer> eventsBetween(Instant from, Instant to) {
        Pointer predicate = objc.send(eventStore, "predicateForEventsWithStartDate:endDate:calendars:",
                ns.date(from), ns.date(to), ns.array(List.of(calendar)));
        return ns.list(objc.send(eventStore, "eventsMatchingPredicate:", predicate));
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        List<StoredItem> result = new ArrayList<>();
        for (String href : hrefs) {
            read(href).ifPresent(item -> result.add(new StoredItem(item.href(), item.etag(), item.ics())));
        }
        return result;
    }

    /** The whole item at {@code href}: master and the detached occurrences listings have shown. */
    private Optional<Item> read(String href) {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer master = masterEvent(href);
            if (master == null) {
                return Optional.empty();
            }
            EventData data = fields.read(master);
            List<EventData> detached = new ArrayList<>();
            for (Instant occurrence : detachedSeen.getOrDefault(href, Set.of())) {
                Pointer event = occurrence(href, occurrence, data);
                if (event != null && objc.sendBool(event, "isDetached")) {
                    detached.add(fields.read(event));
                }
            }
            detached.sort(java.util.Comparator.comparing(d -> d.recurrenceId().orElse(Instant.EPOCH)));
            String external = ns.toJava(objc.send(master, "calendarItemExternalIdentifier"));
            String uid = links.uidFor(href, external).orElse(external != null ? external : href);
            String ics = mapping.toIcs(new EventItem(uid, data, detached, List.of()));
            return Optional.of(new Item(href, uid, ics, etag(data, ics)));
        }
    }

    /** The series' master (EventKit returns the first occurrence) when it is an event of this calendar. */
    private Pointer masterEvent(String href) {
        Pointer item = objc.send(eventStore, "calendarItemWithIdentifier:", ns.string(href));
        if (item == null || !objc.respondsTo(item, "isDetached")) {
            return null;
        }
        String calendarId = ns.toJava(objc.send(objc.send(item, "calendar"), "calendarIdentifier"));
        return info.identifier().equals(calendarId) ? item : null;
    }

    /** The occurrence of series {@code href} that was (or is) at {@code date}, or null. */
    private Pointer occurrence(String href, Instant date, EventData master) {
        Duration length = Duration.between(master.start(), master.end());
        for (Pointer event : eventsBetween(date.minus(Duration.ofDays(1)), date.plus(length).plus(Duration.ofDays(1)))) {
            if (href.equals(ns.toJava(objc.send(event, "calendarItemIdentifier")))) {
                Instant when = ns.instant(objc.send(event, "occurrenceDate"));
                if (date.equals(when)) {
                    return event;
                }
            }
        }
        return null;
    }

    static String etag(EventData master, String ics) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ics.getBytes(StandardCharsets.UTF_8));
            return master.lastModified().map(Instant::toEpochMilli).orElse(0L) + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- writing

    @Override
    public ItemRef create(String uid, String ics) {
        requireWritable();
        EventItem item = mapping.fromIcs(uid, ics);
        if (existsWithUid(uid)) {
            throw new PreconditionFailedException(links.hrefFor(uid).orElse(uid),
                    "an event with UID " + uid + " already exists in " + describe());
        }
        String href;
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer event = objc.send(objc.cls("EKEvent"), "eventWithEventStore:", eventStore);
            objc.sendVoid(event, "setCalendar:", calendar);
            fields.write(item.master(), event, true);
            save(event, SPAN_THIS_EVENT, uid);
            commit(uid);
            href = ns.toJava(objc.send(event, "calendarItemIdentifier"));
            links.link(href, ns.toJava(objc.send(event, "calendarItemExternalIdentifier")), uid);
        }
        writeOccurrences(href, item);
        return new ItemRef(href, read(href).map(Item::etag).orElse(null));
    }

    private boolean existsWithUid(String uid) {
        if (links.hrefFor(uid).flatMap(this::read).isPresent()) {
            return true;
        }
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            for (Pointer item : ns.list(objc.send(eventStore, "calendarItemsWithExternalIdentifier:", ns.string(uid)))) {
                String href = ns.toJava(objc.send(item, "calendarItemIdentifier"));
                if (masterEvent(href) != null && links.uidFor(href, uid).orElse(uid).equals(uid)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String update(String href, String ics, String etag) {
        requireWritable();
        Item current = read(href).orElseThrow(() -> new PreconditionFailedException(href,
                "cannot update " + href + " in " + describe() + ": the event is gone"));
        if (!current.etag().equals(etag)) {
            throw new PreconditionFailedException(href, "event " + current.uid() + " in " + describe()
                    + " changed since it was read (etag " + current.etag() + ", expected " + etag + ")");
        }
        EventItem item = mapping.fromIcs(current.uid(), ics);
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer event = masterEvent(href);
            boolean series = !fields.read(event).rules().isEmpty() || !item.master().rules().isEmpty();
            fields.write(item.master(), event, true);
            save(event, series ? SPAN_FUTURE_EVENTS : SPAN_THIS_EVENT, current.uid());
            commit(current.uid());
        }
        writeOccurrences(href, item);
        return read(href).map(Item::etag).orElse(null);
    }

    /** Detached occurrences and exclusions, as a second batch once the series exists. */
    private void writeOccurrences(String href, EventItem item) {
        if (item.detached().isEmpty() && item.excluded().isEmpty()) {
            return;
        }
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            boolean changed = false;
            for (EventData override : item.detached()) {
                Pointer occurrence = occurrence(href, override.recurrenceId().orElseThrow(), item.master());
                if (occurrence == null) {
                    log.warn("{}: series {} has no occurrence at {} to change; the override is left out",
                            describe(), item.uid(), override.recurrenceId().get());
                    continue;
                }
                fields.write(override, occurrence, false);
                save(occurrence, SPAN_THIS_EVENT, item.uid());
                detachedSeen.merge(href, Set.of(override.recurrenceId().get()), (a, b) -> {
                    Set<Instant> all = new java.util.HashSet<>(a);
                    all.addAll(b);
                    return Set.copyOf(all);
                });
                changed = true;
            }
            for (Instant excluded : item.excluded()) {
                Pointer occurrence = occurrence(href, excluded, item.master());
                if (occurrence != null) {
                    remove(occurrence, SPAN_THIS_EVENT, item.uid());
                    changed = true;
                }
            }
            if (changed) {
                commit(item.uid());
            }
        }
    }

    @Override
    public void delete(String href, String etag) {
        requireWritable();
        Item current = read(href).orElseThrow(() -> new ItemNotFoundException(href,
                "cannot delete " + href + " from " + describe() + ": it is already gone"));
        if (!current.etag().equals(etag)) {
            throw new PreconditionFailedException(href, "event " + current.uid() + " in " + describe()
                    + " changed since it was read (etag " + current.etag() + ", expected " + etag + ")");
        }
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            remove(masterEvent(href), SPAN_FUTURE_EVENTS, current.uid());
            commit(current.uid());
        }
        links.unlink(href);
        detachedSeen.remove(href);
    }

    private void save(Pointer event, long span, String uid) {
        PointerByReference error = ns.errorOut();
        if (!objc.sendBool(eventStore, "saveEvent:span:commit:error:", event, span, false, error)) {
            objc.sendVoid(eventStore, "reset");
            throw new StoreException("macOS Calendar refused to save event " + uid + " in " + describe() + ": "
                    + ns.error(error).map(Object::toString).orElse("no reason given"));
        }
    }

    private void remove(Pointer event, long span, String uid) {
        PointerByReference error = ns.errorOut();
        if (!objc.sendBool(eventStore, "removeEvent:span:commit:error:", event, span, false, error)) {
            objc.sendVoid(eventStore, "reset");
            throw new StoreException("macOS Calendar refused to delete event " + uid + " from " + describe() + ": "
                    + ns.error(error).map(Object::toString).orElse("no reason given"));
        }
    }

    private void commit(String uid) {
        PointerByReference error = ns.errorOut();
        if (!objc.sendBool(eventStore, "commit:", error)) {
            objc.sendVoid(eventStore, "reset");
            throw new StoreException("macOS Calendar could not commit the change to event " + uid + " in " + describe()
                    + ": " + ns.error(error).map(Object::toString).orElse("no reason given"));
        }
    }

    private void requireWritable() {
        if (!info.writable()) {
            throw new ReadOnlyStoreException(describe() + " does not allow changes (allowsContentModifications is off:"
                    + " a subscribed or delegated calendar)");
        }
    }

    @Override
    public void close() {
        objc.sendVoid(calendar, "release");
        objc.sendVoid(eventStore, "release");
    }
}
