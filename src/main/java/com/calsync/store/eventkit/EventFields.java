package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Pointer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the fields of an {@code EKEvent} through the bridge. Call inside an
 * autorelease pool. The selectors used here are the ones the EventKit stand-in of the tests
 * implements, and what the store's behaviour on a Mac depends on.
 */
final class EventFields {
    private final ObjC objc;
    private final Foundation ns;

    EventFields(Foundation ns) {
        this.ns = ns;
        this.objc = ns.objc();
    }

    EventData read(Pointer event) {
        boolean detached = objc.sendBool(event, "isDetached");
        List<EventData.Rule> rules = new ArrayList<>();
        for (Pointer rule : ns.list(objc.send(event, "recurrenceRules"))) {
            rules.add(readRule(rule));
        }
        List<EventData.Alarm> alarms = new ArrayList<>();
        for (Pointer alarm : ns.list(objc.send(event, "alarms"))) {
            Instant absolute = ns.instant(objc.send(alarm, "absoluteDate"));
            alarms.add(absolute != null ? new EventData.Alarm(Optional.empty(), Optional.of(absolute))
                    : new EventData.Alarm(Optional.of(objc.sendDouble(alarm, "relativeOffset")), Optional.empty()));
        }
        boolean allDay = objc.sendBool(event, "isAllDay");
        return new EventData(
                Optional.ofNullable(ns.toJava(objc.send(event, "title"))).orElse(""),
                ns.instant(objc.send(event, "startDate")),
                ns.instant(objc.send(event, "endDate")),
                allDay,
                allDay ? Optional.empty() : ns.zoneId(objc.send(event, "timeZone")),
                Optional.ofNullable(ns.toJava(objc.send(event, "location"))).filter(s -> !s.isEmpty()),
                Optional.ofNullable(ns.toJava(objc.send(event, "notes"))).filter(s -> !s.isEmpty()),
                Optional.ofNullable(objc.send(event, "URL")).map(ns::uri),
                EventData.Availability.ofRaw(objc.sendLong(event, "availability")),
                detached ? List.of() : rules,
                alarms,
                detached ? Optional.ofNullable(ns.instant(objc.send(event, "occurrenceDate"))) : Optional.empty(),
                Optional.ofNullable(ns.instant(objc.send(event, "lastModifiedDate"))));
    }

    private EventData.Rule readRule(Pointer rule) {
        List<EventData.DayOfWeek> days = new ArrayList<>();
        for (Pointer d : ns.list(objc.send(rule, "daysOfTheWeek"))) {
            days.add(new EventData.DayOfWeek(objc.sendLong(d, "dayOfTheWeek"), objc.sendLong(d, "weekNumber")));
        }
        Pointer end = objc.send(rule, "recurrenceEnd");
        return new EventData.Rule(
                EventData.Frequency.values()[(int) objc.sendLong(rule, "frequency")],
                objc.sendLong(rule, "interval"),
                days,
                numbers(objc.send(rule, "daysOfTheMonth")),
                numbers(objc.send(rule, "monthsOfTheYear")),
                numbers(objc.send(rule, "weeksOfTheYear")),
                numbers(objc.send(rule, "daysOfTheYear")),
                numbers(objc.send(rule, "setPositions")),
                Optional.ofNullable(ns.instant(objc.send(end, "endDate"))),
                objc.sendLong(end, "occurrenceCount"));
    }

    private List<Long> numbers(Pointer array) {
        return ns.list(array, ns::longValue);
    }

    /** Writes every mapped field; {@code master} false for a detached occurrence, which has no rules. */
    void write(EventData data, Pointer event, boolean master) {
        objc.sendVoid(event, "setTitle:", ns.string(data.title()));
        objc.sendVoid(event, "setAllDay:", data.allDay());
        objc.sendVoid(event, "setTimeZone:", data.allDay() ? null : data.zone().map(ns::timeZone).orElse(null));
        objc.sendVoid(event, "setStartDate:", ns.date(data.start()));
        objc.sendVoid(event, "setEndDate:", ns.date(data.end()));
        objc.sendVoid(event, "setLocation:", data.location().map(ns::string).orElse(null));
        objc.sendVoid(event, "setNotes:", data.notes().map(ns::string).orElse(null));
        objc.sendVoid(event, "setURL:", data.url().map(ns::url).orElse(null));
        if (data.availability() != EventData.Availability.NOT_SUPPORTED) {
            objc.sendVoid(event, "setAvailability:", data.availability().raw());
        }
        if (master) {
            List<Pointer> rules = data.rules().stream().map(this::newRule).toList();
            objc.sendVoid(event, "setRecurrenceRules:", rules.isEmpty() ? null : ns.array(rules));
        }
        List<Pointer> alarms = data.alarms().stream().map(this::newAlarm).toList();
        objc.sendVoid(event, "setAlarms:", alarms.isEmpty() ? null : ns.array(alarms));
    }

    private Pointer newRule(EventData.Rule rule) {
        Pointer end = null;
        if (rule.count() > 0) {
            end = objc.send(objc.cls("EKRecurrenceEnd"), "recurrenceEndWithOccurrenceCount:", rule.count());
        } else if (rule.until().isPresent()) {
            end = objc.send(objc.cls("EKRecurrenceEnd"), "recurrenceEndWithEndDate:", ns.date(rule.until().get()));
        }
        List<Pointer> days = rule.daysOfWeek().stream()
                .map(d -> objc.send(objc.cls("EKRecurrenceDayOfWeek"), "dayOfWeek:weekNumber:", d.day(), d.week()))
                .toList();
        Pointer allocated = objc.send(objc.cls("EKRecurrenceRule"), "alloc");
        Pointer made = objc.send(allocated,
                "initRecurrenceWithFrequency:interval:daysOfTheWeek:daysOfTheMonth:monthsOfTheYear:weeksOfTheYear:daysOfTheYear:setPositions:end:",
                (long) rule.frequency().ordinal(), rule.interval(),
                orNil(days), orNil(numbers(rule.daysOfMonth())), orNil(numbers(rule.monthsOfYear())),
                orNil(numbers(rule.weeksOfYear())), orNil(numbers(rule.daysOfYear())),
                orNil(numbers(rule.setPositions())), end);
        return objc.send(made, "autorelease");
    }

    private List<Pointer> numbers(List<Long> values) {
        return values.stream().map(ns::number).toList();
    }

    private Pointer orNil(List<Pointer> objects) {
        return objects.isEmpty() ? null : ns.array(objects);
    }

    private Pointer newAlarm(EventData.Alarm alarm) {
        if (alarm.absolute().isPresent()) {
            return objc.send(objc.cls("EKAlarm"), "alarmWithAbsoluteDate:", ns.date(alarm.absolute().get()));
        }
        return objc.send(objc.cls("EKAlarm"), "alarmWithRelativeOffset:", alarm.relativeOffsetSeconds().orElse(0.0));
    }
}
