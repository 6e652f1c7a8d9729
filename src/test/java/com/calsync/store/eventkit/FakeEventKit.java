package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.GnuStep;
import com.calsync.platform.macos.objc.Imps;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * EventKit's classes, registered from Java into the GNUstep runtime: {@code EKEventStore},
 * {@code EKEvent}, {@code EKCalendar}, {@code EKSource}, {@code EKRecurrenceRule},
 * {@code EKRecurrenceEnd}, {@code EKRecurrenceDayOfWeek}, {@code EKAlarm} — with the selectors the
 * store sends, backed by a Java "Calendar database" per EKEventStore instance.
 *
 * <p>It behaves like EventKit where the store depends on it: identifiers and external identifiers
 * are assigned on save (and differ), changes are visible only after {@code commit:}, fetches hand
 * out fresh autoreleased objects, recurring events come back as one object per occurrence, and
 * {@code EKEventStoreChangedNotification} is posted after a commit. Classes exist once per
 * process, so this is a per-JVM singleton like the runtime it lives in.
 */
final class FakeEventKit {
    private static final Object LOCK = new Object();
    private static FakeEventKit instance;

    final ObjC objc;
    final Foundation ns;
    /** Property bags of every fake object, by address. */
    private final Map<Long, Map<String, Object>> bags = new ConcurrentHashMap<>();
    private final Map<Long, Database> databases = new ConcurrentHashMap<>();
    private final Map<Pointer, String> selectorNames = new ConcurrentHashMap<>();

    // knobs the tests turn; they apply to stores opened afterwards
    volatile long authorizationStatus = EventKitAccess.FULL_ACCESS;
    volatile boolean grantOnRequest = true;
    volatile boolean hasFullAccessApi = true;
    volatile String lastAccessRequest = "";
    volatile String lastCompletionThread = "";
    /** When true, access requests are not answered until {@link #answerHeldRequests} (the user is thinking). */
    volatile boolean holdAnswers;
    /** Access requests EventKit received. */
    final AtomicInteger accessRequests = new AtomicInteger();
    private final List<Pointer> heldBlocks = new ArrayList<>();
    /** The database of the EKEventStore created last: the one the store under test talks to. */
    volatile Database latest;
    /** The EKEventStore object created last. */
    volatile Pointer latestStoreObject;

    /** Puts the knobs back: access granted, macOS 14 API present. */
    void reset() {
        authorizationStatus = EventKitAccess.FULL_ACCESS;
        grantOnRequest = true;
        hasFullAccessApi = true;
        lastAccessRequest = "";
        lastCompletionThread = "";
        holdAnswers = false;
        accessRequests.set(0);
        synchronized (heldBlocks) {
            heldBlocks.clear();
        }
    }

    /** One EKEventStore's calendars and events. */
    final class Database {
        final List<Pointer> calendars = new ArrayList<>();
        final Map<String, Series> series = new LinkedHashMap<>();
        final List<Map.Entry<String, Runnable>> pending = new ArrayList<>();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger saves = new AtomicInteger();
        final AtomicLong clock = new AtomicLong(Instant.parse("2026-11-26T12:00:00Z").getEpochSecond());
        final AtomicInteger predicateQueries = new AtomicInteger();
        volatile Duration longestPredicate = Duration.ZERO;
        /** Like EventKit: a store made before access was granted lists no calendars until it is reset. */
        volatile boolean seesCalendars;
        final AtomicInteger resets = new AtomicInteger();
    }

    /** A stored event or series: the master's fields, detached occurrences, removed occurrences. */
    static final class Series {
        Map<String, Object> master;
        final Map<Instant, Map<String, Object>> overrides = new HashMap<>();
        final Set<Instant> excluded = new HashSet<>();

        Series(Map<String, Object> master) {
            this.master = master;
        }
    }

    interface SaveImp extends Callback {
        byte invoke(Pointer self, Pointer cmd, Pointer event, long span, byte commit, Pointer error);
    }

    interface RuleInit extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, long frequency, long interval, Pointer days, Pointer monthDays,
                       Pointer months, Pointer weeks, Pointer yearDays, Pointer positions, Pointer end);
    }

    interface AccessWithType extends Callback {
        void invoke(Pointer self, Pointer cmd, long type, Pointer block);
    }

    interface Id3 extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, Pointer a, Pointer b, Pointer c);
    }

    interface IdLongLong extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, long a, long b);
    }

    static FakeEventKit get() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = new FakeEventKit(GnuStep.objc());
            }
            return instance;
        }
    }

    private FakeEventKit(ObjC objc) {
        this.objc = objc;
        this.ns = new Foundation(objc);
        defineModelClasses();
        defineEventStore();
    }

    // ---- property bags

    Map<String, Object> bag(Pointer self) {
        return bags.computeIfAbsent(Pointer.nativeValue(self), a -> new ConcurrentHashMap<>());
    }

    private Pointer newObject(String className, Map<String, Object> values) {
        Pointer o = objc.send(objc.send(objc.cls(className), "alloc"), "init");
        bag(o).putAll(values);
        return objc.send(o, "autorelease");
    }

    /** A class whose getters and setters read and write its bag; {@code init} empties the bag. */
    private final class BagClass {
        final String name;
        final com.calsync.platform.macos.objc.ClassBuilder builder;

        BagClass(String name) {
            this.name = name;
            this.builder = objc.defineClass(name, "NSObject");
            builder.method("init", "@@:", (Imps.Id0) (self, cmd) -> {
                bags.put(Pointer.nativeValue(self), new ConcurrentHashMap<>());
                return self;
            });
        }

        BagClass objects(String... props) {
            for (String p : props) {
                builder.method(p, "@@:", (Imps.Id0) (self, cmd) -> (Pointer) bag(self).get(p));
                builder.method(setter(p), "v@:@", (Imps.Void1) (self, cmd, value) -> put(self, p, value == null ? null
                        : objc.send(value, "retain")));
            }
            return this;
        }

        BagClass longs(String... props) {
            for (String p : props) {
                builder.method(p, "q@:", (Imps.Long0) (self, cmd) -> (Long) bag(self).getOrDefault(p, 0L));
                builder.method(setter(p), "v@:q", (Imps.VoidLong) (self, cmd, value) -> put(self, p, value));
            }
            return this;
        }

        BagClass doubles(String... props) {
            for (String p : props) {
                builder.method(p, "d@:", (Imps.Double0) (self, cmd) -> (Double) bag(self).getOrDefault(p, 0.0));
            }
            return this;
        }

        /** BOOL properties with an is-getter ({@code isAllDay}) or a plain one. */
        BagClass bools(String getter, String prop) {
            builder.method(getter, "c@:", (Imps.Bool0) (self, cmd) -> (byte) (Boolean.TRUE.equals(bag(self).get(prop)) ? 1 : 0));
            builder.method(setter(prop), "v@:c", (Imps.VoidBool) (self, cmd, value) -> put(self, prop, value != 0));
            return this;
        }

        void register() {
            builder.register();
        }
    }

    private void put(Pointer self, String prop, Object value) {
        if (value == null) {
            bag(self).remove(prop);
        } else {
            bag(self).put(prop, value);
        }
    }

    private static String setter(String prop) {
        return "set" + Character.toUpperCase(prop.charAt(0)) + prop.substring(1) + ":";
    }

    private void defineModelClasses() {
        BagClass source = new BagClass("EKSource").objects("title");
        source.register();
        BagClass calendar = new BagClass("EKCalendar").objects("title", "source", "calendarIdentifier")
                .bools("allowsContentModifications", "allowsContentModifications");
        calendar.register();

        BagClass event = new BagClass("EKEvent")
                .objects("title", "startDate", "endDate", "timeZone", "location", "notes", "URL", "recurrenceRules",
                        "alarms", "calendar", "calendarItemIdentifier", "calendarItemExternalIdentifier",
                        "lastModifiedDate", "occurrenceDate")
                .longs("availability")
                .bools("isAllDay", "allDay")
                .bools("isDetached", "detached");
        event.builder.classMethod("eventWithEventStore:", "@@:@", (Imps.Id1) (self, cmd, store) ->
                newObject("EKEvent", Map.of("_store", Pointer.nativeValue(store))));
        event.register();

        BagClass rule = new BagClass("EKRecurrenceRule")
                .objects("daysOfTheWeek", "daysOfTheMonth", "monthsOfTheYear", "weeksOfTheYear", "daysOfTheYear",
                        "setPositions", "recurrenceEnd")
                .longs("frequency", "interval");
        rule.builder.method("initRecurrenceWithFrequency:interval:daysOfTheWeek:daysOfTheMonth:monthsOfTheYear:"
                        + "weeksOfTheYear:daysOfTheYear:setPositions:end:", "@@:qq@@@@@@@",
                (RuleInit) (self, cmd, frequency, interval, days, monthDays, months, weeks, yearDays, positions, end) -> {
                    Map<String, Object> b = new ConcurrentHashMap<>();
                    b.put("frequency", frequency);
                    b.put("interval", interval);
                    putRetained(b, "daysOfTheWeek", days);
                    putRetained(b, "daysOfTheMonth", monthDays);
                    putRetained(b, "monthsOfTheYear", months);
                    putRetained(b, "weeksOfTheYear", weeks);
                    putRetained(b, "daysOfTheYear", yearDays);
                    putRetained(b, "setPositions", positions);
                    putRetained(b, "recurrenceEnd", end);
                    bags.put(Pointer.nativeValue(self), b);
                    return self;
                });
        rule.register();

        BagClass end = new BagClass("EKRecurrenceEnd").objects("endDate").longs("occurrenceCount");
        end.builder.classMethod("recurrenceEndWithEndDate:", "@@:@", (Imps.Id1) (self, cmd, date) ->
                newObject("EKRecurrenceEnd", Map.of("endDate", objc.send(date, "retain"))));
        end.builder.classMethod("recurrenceEndWithOccurrenceCount:", "@@:Q", (Imps.IdLong) (self, cmd, count) ->
                newObject("EKRecurrenceEnd", Map.of("occurrenceCount", count)));
        end.register();

        BagClass day = new BagClass("EKRecurrenceDayOfWeek").longs("dayOfTheWeek", "weekNumber");
        day.builder.classMethod("dayOfWeek:weekNumber:", "@@:qq", (IdLongLong) (self, cmd, d, w) ->
                newObject("EKRecurrenceDayOfWeek", Map.of("dayOfTheWeek", d, "weekNumber", w)));
        day.register();

        BagClass alarm = new BagClass("EKAlarm").objects("absoluteDate").doubles("relativeOffset");
        alarm.builder.classMethod("alarmWithRelativeOffset:", "@@:d", (Imps.IdDouble) (self, cmd, offset) ->
                newObject("EKAlarm", Map.of("relativeOffset", offset)));
        alarm.builder.classMethod("alarmWithAbsoluteDate:", "@@:@", (Imps.Id1) (self, cmd, date) ->
                newObject("EKAlarm", Map.of("absoluteDate", objc.send(date, "retain"))));
        alarm.register();
    }

    private void putRetained(Map<String, Object> b, String key, Pointer value) {
        if (value != null) {
            b.put(key, objc.send(value, "retain"));
        }
    }

    // ---- the event store

    Database database(Pointer store) {
        return databases.computeIfAbsent(Pointer.nativeValue(store), a -> newDatabase());
    }

    private Database newDatabase() {
        Database db = new Database();
        db.calendars.add(calendar("Home", "iCloud", true));
        db.calendars.add(calendar("Work", "Exchange", true));
        db.calendars.add(calendar("Home", "On My Mac", true));
        db.calendars.add(calendar("Holidays", "Subscribed Calendars", false));
        return db;
    }

    private Pointer calendar(String title, String sourceTitle, boolean writable) {
        Pointer source = objc.send(objc.send(objc.cls("EKSource"), "alloc"), "init");
        bag(source).put("title", objc.send(ns.string(sourceTitle), "retain"));
        Pointer calendar = objc.send(objc.send(objc.cls("EKCalendar"), "alloc"), "init");
        Map<String, Object> b = bag(calendar);
        b.put("title", objc.send(ns.string(title), "retain"));
        b.put("source", source);
        b.put("calendarIdentifier", objc.send(ns.string("cal-" + UUID.randomUUID()), "retain"));
        b.put("allowsContentModifications", writable);
        return calendar;
    }

    private void defineEventStore() {
        com.calsync.platform.macos.objc.ClassBuilder store = objc.defineClass("EKEventStore", "NSObject");
        List<String> selectors = new ArrayList<>();
        store.method("init", "@@:", (Imps.Id0) (self, cmd) -> {
            Database db = newDatabase();
            db.seesCalendars = authorizationStatus == EventKitAccess.FULL_ACCESS;
            databases.put(Pointer.nativeValue(self), db); // a reused address starts empty
            latest = db;
            latestStoreObject = self;
            return self;
        });
        store.classMethod("authorizationStatusForEntityType:", "q@:q", (Imps.LongLong) (self, cmd, type) -> authorizationStatus);
        store.method("requestFullAccessToEventsWithCompletion:", "v@:@", (Imps.Void1) (self, cmd, block) ->
                answerAccess("requestFullAccessToEventsWithCompletion:", block));
        store.method("requestAccessToEntityType:completion:", "v@:q@", (AccessWithType) (self, cmd, type, block) ->
                answerAccess("requestAccessToEntityType:completion:", block));
        selectors.add("requestFullAccessToEventsWithCompletion:");
        store.method("respondsToSelector:", "c@::", (Imps.Bool1) (self, cmd, sel) -> {
            String name = selectorNames.get(sel);
            if (name == null) {
                return 0;
            }
            return (byte) (name.equals("requestFullAccessToEventsWithCompletion:") && !hasFullAccessApi ? 0 : 1);
        });
        store.method("calendarsForEntityType:", "@@:q", (Imps.IdLong) (self, cmd, type) ->
                ns.array(database(self).seesCalendars ? database(self).calendars : List.of()));
        store.method("predicateForEventsWithStartDate:endDate:calendars:", "@@:@@@", (Id3) (self, cmd, start, end, cals) ->
                ns.array(List.of(start, end, cals)));
        store.method("eventsMatchingPredicate:", "@@:@", (Imps.Id1) (self, cmd, predicate) -> eventsMatching(self, predicate));
        store.method("calendarItemWithIdentifier:", "@@:@", (Imps.Id1) (self, cmd, id) -> {
            Series s = database(self).series.get(ns.toJava(id));
            return s == null ? null : masterObject(s);
        });
        store.method("calendarItemsWithExternalIdentifier:", "@@:@", (Imps.Id1) (self, cmd, ext) -> {
            String wanted = ns.toJava(ext);
            List<Pointer> found = new ArrayList<>();
            for (Series s : database(self).series.values()) {
                if (wanted.equals(ns.toJava((Pointer) s.master.get("calendarItemExternalIdentifier")))) {
                    found.add(masterObject(s));
                }
            }
            return ns.array(found);
        });
        store.method("saveEvent:span:commit:error:", "c@:@qc^@", (SaveImp) (self, cmd, event, span, commit, error) ->
                save(self, event, span, commit != 0, error));
        store.method("removeEvent:span:commit:error:", "c@:@qc^@", (SaveImp) (self, cmd, event, span, commit, error) ->
                remove(self, event, span, commit != 0));
        store.method("commit:", "c@:^@", (Imps.Bool1) (self, cmd, error) -> {
            commit(self);
            return 1;
        });
        store.method("reset", "v@:", (Imps.Void0) (self, cmd) -> {
            Database db = database(self);
            db.pending.clear();
            db.resets.incrementAndGet();
            db.seesCalendars = authorizationStatus == EventKitAccess.FULL_ACCESS;
        });
        store.register();
        for (String s : List.of("requestFullAccessToEventsWithCompletion:", "requestAccessToEntityType:completion:",
                "calendarsForEntityType:", "predicateForEventsWithStartDate:endDate:calendars:", "eventsMatchingPredicate:",
                "calendarItemWithIdentifier:", "calendarItemsWithExternalIdentifier:", "saveEvent:span:commit:error:",
                "removeEvent:span:commit:error:", "commit:", "reset", "init", "release", "retain", "respondsToSelector:")) {
            selectorNames.put(objc.sel(s), s);
        }
    }

    /** Calls the completion block on another thread, as EventKit may (later, when answers are held). */
    private void answerAccess(String selector, Pointer block) {
        lastAccessRequest = selector;
        accessRequests.incrementAndGet();
        if (holdAnswers) {
            synchronized (heldBlocks) {
                heldBlocks.add(block);
            }
            return;
        }
        answer(block, grantOnRequest);
    }

    /** The user finally answers every request still open; returns once the completion blocks ran. */
    void answerHeldRequests(boolean grant) throws InterruptedException {
        List<Pointer> blocks;
        synchronized (heldBlocks) {
            blocks = new ArrayList<>(heldBlocks);
            heldBlocks.clear();
        }
        for (Pointer block : blocks) {
            answer(block, grant).join();
        }
    }

    private Thread answer(Pointer block, boolean grant) {
        Thread answer = new Thread(() -> {
            lastCompletionThread = Thread.currentThread().getName();
            authorizationStatus = grant ? EventKitAccess.FULL_ACCESS : EventKitAccess.DENIED;
            Pointer invoke = block.getPointer(Native.POINTER_SIZE + 8L);
            Function.getFunction(invoke).invoke(void.class, new Object[] {block, (byte) (grant ? 1 : 0), null});
        }, "fake-eventkit-completion");
        answer.start();
        return answer;
    }

    private Pointer masterObject(Series s) {
        Map<String, Object> values = new HashMap<>(s.master);
        values.put("occurrenceDate", s.master.get("startDate"));
        values.put("detached", false);
        return newObject("EKEvent", values);
    }

    private Pointer eventsMatching(Pointer self, Pointer predicate) {
        Database db = database(self);
        List<Pointer> parts = ns.list(predicate);
        Instant from = ns.instant(parts.get(0));
        Instant to = ns.instant(parts.get(1));
        db.predicateQueries.incrementAndGet();
        Duration span = Duration.between(from, to);
        if (span.compareTo(db.longestPredicate) > 0) {
            db.longestPredicate = span;
        }
        if (span.compareTo(Duration.ofDays(4 * 365)) > 0) {
            return ns.array(List.of()); // EventKit answers nothing for an over-long span
        }
        Set<Long> calendars = new HashSet<>();
        ns.list(parts.get(2)).forEach(c -> calendars.add(Pointer.nativeValue(c)));
        List<Pointer> result = new ArrayList<>();
        for (Series s : db.series.values()) {
            if (!calendars.contains(Pointer.nativeValue((Pointer) s.master.get("calendar")))) {
                continue;
            }
            for (Map<String, Object> occurrence : occurrences(s, from, to)) {
                result.add(newObject("EKEvent", occurrence));
            }
        }
        return ns.array(result);
    }

    /** The series expanded over [from, to): daily/weekly/monthly/yearly with interval, count or end date. */
    private List<Map<String, Object>> occurrences(Series s, Instant from, Instant to) {
        Instant start = ns.instant((Pointer) s.master.get("startDate"));
        Instant end = ns.instant((Pointer) s.master.get("endDate"));
        Duration length = Duration.between(start, end);
        List<Pointer> rules = ns.list((Pointer) s.master.get("recurrenceRules"));
        List<Map<String, Object>> result = new ArrayList<>();
        if (rules.isEmpty()) {
            if (overlaps(start, end, from, to)) {
                Map<String, Object> values = new HashMap<>(s.master);
                values.put("occurrenceDate", s.master.get("startDate"));
                result.add(values);
            }
            return result;
        }
        Map<String, Object> rule = bag(rules.get(0));
        long frequency = (Long) rule.get("frequency");
        long interval = Math.max(1, (Long) rule.getOrDefault("interval", 1L));
        Pointer recurrenceEnd = (Pointer) rule.get("recurrenceEnd");
        long count = recurrenceEnd == null ? 0 : (Long) bag(recurrenceEnd).getOrDefault("occurrenceCount", 0L);
        Instant until = recurrenceEnd == null ? null : ns.instant((Pointer) bag(recurrenceEnd).get("endDate"));
        ZonedDateTime t = start.atZone(ZoneOffset.UTC);
        for (int n = 0; n < 1000; n++) {
            Instant occurrence = t.toInstant();
            if ((count > 0 && n >= count) || (until != null && occurrence.isAfter(until)) || !occurrence.isBefore(to)) {
                break;
            }
            Map<String, Object> override = s.overrides.get(occurrence);
            if (override != null) {
                Instant os = ns.instant((Pointer) override.get("startDate"));
                Instant oe = ns.instant((Pointer) override.get("endDate"));
                if (overlaps(os, oe, from, to)) {
                    result.add(new HashMap<>(override));
                }
            } else if (!s.excluded.contains(occurrence) && overlaps(occurrence, occurrence.plus(length), from, to)) {
                Map<String, Object> values = new HashMap<>(s.master);
                values.put("startDate", retained(ns.date(occurrence)));
                values.put("endDate", retained(ns.date(occurrence.plus(length))));
                values.put("occurrenceDate", values.get("startDate"));
                values.put("_occurrence", true);
                result.add(values);
            }
            t = switch ((int) frequency) {
                case 0 -> t.plusDays(interval);
                case 1 -> t.plusWeeks(interval);
                case 2 -> t.plusMonths(interval);
                default -> t.plusYears(interval);
            };
        }
        return result;
    }

    private static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
        return start.equals(end) ? !start.isBefore(from) && start.isBefore(to) : start.isBefore(to) && end.isAfter(from);
    }

    private Pointer retained(Pointer p) {
        return objc.send(p, "retain");
    }

    private byte save(Pointer self, Pointer event, long span, boolean commit, Pointer error) {
        Database db = database(self);
        Map<String, Object> values = new HashMap<>(bag(event));
        Pointer calendar = (Pointer) values.get("calendar");
        if (calendar == null) {
            return fail(error, 1, "No calendar has been set.");
        }
        if (!Boolean.TRUE.equals(bag(calendar).get("allowsContentModifications"))) {
            return fail(error, 6, "That calendar may not be modified.");
        }
        Instant start = ns.instant((Pointer) values.get("startDate"));
        Instant end = ns.instant((Pointer) values.get("endDate"));
        if (start == null || end == null || end.isBefore(start)) {
            return fail(error, 4, "The start date must be before the end date.");
        }
        db.saves.incrementAndGet();
        if (!values.containsKey("calendarItemIdentifier")) {
            // EventKit assigns both identifiers itself, and they differ
            Pointer id = retained(ns.string("EK" + UUID.randomUUID().toString().toUpperCase()));
            Pointer ext = retained(ns.string("ext-" + UUID.randomUUID()));
            bag(event).put("calendarItemIdentifier", id);
            bag(event).put("calendarItemExternalIdentifier", ext);
            values.put("calendarItemIdentifier", id);
            values.put("calendarItemExternalIdentifier", ext);
            String key = ns.toJava(id);
            db.pending.add(Map.entry(key, () -> db.series.put(key, new Series(values))));
        } else {
            String key = ns.toJava((Pointer) values.get("calendarItemIdentifier"));
            if (Boolean.TRUE.equals(values.get("_occurrence")) || Boolean.TRUE.equals(values.get("detached"))) {
                if (span != EventKitStore.SPAN_THIS_EVENT) {
                    return fail(error, 99, "the fake only detaches single occurrences");
                }
                Instant date = ns.instant((Pointer) values.get("occurrenceDate"));
                values.put("detached", true);
                values.remove("_occurrence");
                values.remove("recurrenceRules");
                db.pending.add(Map.entry(key, () -> db.series.get(key).overrides.put(date, values)));
            } else {
                values.remove("occurrenceDate");
                db.pending.add(Map.entry(key, () -> db.series.get(key).master = values));
            }
        }
        if (commit) {
            commit(self);
        }
        return 1;
    }

    private byte remove(Pointer self, Pointer event, long span, boolean commit) {
        Database db = database(self);
        Map<String, Object> values = bag(event);
        String key = ns.toJava((Pointer) values.get("calendarItemIdentifier"));
        if (Boolean.TRUE.equals(values.get("_occurrence")) || Boolean.TRUE.equals(values.get("detached"))) {
            Instant date = ns.instant((Pointer) values.get("occurrenceDate"));
            db.pending.add(Map.entry(key, () -> {
                db.series.get(key).overrides.remove(date);
                db.series.get(key).excluded.add(date);
            }));
        } else {
            db.pending.add(Map.entry(key, () -> db.series.remove(key)));
        }
        if (commit) {
            commit(self);
        }
        return 1;
    }

    private void commit(Pointer self) {
        Database db = database(self);
        List<Map.Entry<String, Runnable>> work = new ArrayList<>(db.pending);
        db.pending.clear();
        work.forEach(op -> op.getValue().run());
        Pointer now = retained(ns.date(Instant.ofEpochSecond(db.clock.incrementAndGet())));
        // every series this commit touched gets a new lastModifiedDate
        for (Map.Entry<String, Runnable> op : work) {
            Series touched = db.series.get(op.getKey());
            if (touched != null) {
                touched.master.put("lastModifiedDate", now);
            }
        }
        db.commits.incrementAndGet();
        Pointer center = objc.send(objc.cls("NSNotificationCenter"), "defaultCenter");
        objc.sendVoid(center, "postNotificationName:object:", ns.string(ChangeNotifications.NOTIFICATION), self);
    }

    private byte fail(Pointer errorOut, long code, String message) {
        if (errorOut != null) {
            Pointer key = com.sun.jna.NativeLibrary.getInstance("libgnustep-base.so.1.28")
                    .getGlobalVariableAddress("NSLocalizedDescriptionKey").getPointer(0);
            Map<Pointer, Pointer> info = new LinkedHashMap<>();
            info.put(key, ns.string(message));
            errorOut.setPointer(0, objc.send(objc.cls("NSError"), "errorWithDomain:code:userInfo:",
                    ns.string("EKErrorDomain"), code, ns.dictionary(info)));
        }
        return 0;
    }
}
