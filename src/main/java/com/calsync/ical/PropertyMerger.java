package com.calsync.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentContainer;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Three-way merge of two edits of one item: when each property was changed on one side only,
 * the result carries both edits; when both sides changed the same property differently, there
 * is no merge and the pair's conflict policy decides.
 *
 * <p>Components are matched by name and RECURRENCE-ID; properties are compared per name, all
 * values of one name as a set (ATTENDEE, CATEGORIES, EXDATE…), in {@link CanonicalForm}'s terms,
 * so noise (DTSTAMP, SEQUENCE…) is never a conflict: it is taken from "ours", SEQUENCE as the
 * higher of the two. VALARMs are compared as one set per component. A component added on one
 * side is taken; one removed on one side and unchanged on the other is removed.
 */
public final class PropertyMerger {
    private static final String ALARMS = "VALARM";
    private final CanonicalForm canonical = new CanonicalForm(new ZoneResolver());
    private final TemporalReader times = new TemporalReader(new ZoneResolver(), java.time.ZoneOffset.UTC);

    public Optional<String> merge(CalendarItem base, CalendarItem ours, CalendarItem theirs) {
        Map<String, Component> b = byKey(base);
        Map<String, Component> o = byKey(ours);
        Map<String, Component> t = byKey(theirs);
        Set<String> keys = new LinkedHashSet<>(o.keySet());
        keys.addAll(t.keySet());
        keys.addAll(b.keySet());
        List<CalendarComponent> merged = new ArrayList<>();
        for (String key : keys) {
            Component bc = b.get(key);
            Component oc = o.get(key);
            Component tc = t.get(key);
            if (oc != null && tc != null) {
                Optional<Component> both = mergeComponent(bc, oc, tc);
                if (both.isEmpty()) {
                    return Optional.empty();
                }
                merged.add((CalendarComponent) both.get());
            } else if (oc != null || tc != null) {
                Component present = oc != null ? oc : tc;
                if (bc == null) {
                    merged.add((CalendarComponent) present.copy()); // added on one side
                } else if (!canonical.block(bc).equals(canonical.block(present))) {
                    return Optional.empty(); // removed on one side, changed on the other
                }
                // else: removed on one side, untouched on the other: stays removed
            }
        }
        return Optional.of(write(ours, theirs, merged));
    }

    private Optional<Component> mergeComponent(Component base, Component ours, Component theirs) {
        Map<String, List<Property>> o = propertiesByName(ours);
        Map<String, List<Property>> t = propertiesByName(theirs);
        Map<String, List<Property>> b = base == null ? Map.of() : propertiesByName(base);
        Set<String> names = new LinkedHashSet<>(o.keySet());
        names.addAll(t.keySet());
        names.addAll(b.keySet());
        Component result = ours.copy();
        for (String name : names) {
            if (CanonicalForm.NOISE_PROPERTIES.contains(name)) {
                continue;
            }
            Set<String> bv = values(b.get(name));
            Set<String> ov = values(o.get(name));
            Set<String> tv = values(t.get(name));
            if (ov.equals(tv) || tv.equals(bv)) {
                continue; // ours already holds the answer
            }
            if (!ov.equals(bv)) {
                return Optional.empty(); // both changed it, differently
            }
            result.removeAll(name);
            for (Property p : t.getOrDefault(name, List.of())) {
                result.add(p.copy());
            }
        }
        mergeSequence(result, ours, theirs);
        return mergeAlarms(base, ours, theirs, result);
    }

    private Optional<Component> mergeAlarms(Component base, Component ours, Component theirs, Component result) {
        Set<String> bv = alarms(base);
        Set<String> ov = alarms(ours);
        Set<String> tv = alarms(theirs);
        if (ov.equals(tv) || tv.equals(bv)) {
            return Optional.of(result);
        }
        if (!ov.equals(bv)) {
            return Optional.empty();
        }
        List<Component> subs = new ArrayList<>(CanonicalForm.subComponents(result));
        subs.removeIf(c -> ALARMS.equals(c.getName()));
        for (Component alarm : CanonicalForm.subComponents(theirs)) {
            if (ALARMS.equals(alarm.getName())) {
                subs.add(alarm.copy());
            }
        }
        if (!(result instanceof ComponentContainer<?>)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        ComponentContainer<Component> container = (ComponentContainer<Component>) result;
        container.setComponentList(new ComponentList<>(subs));
        return Optional.of(result);
    }

    private static void mergeSequence(Component result, Component ours, Component theirs) {
        int o = sequence(ours);
        int t = sequence(theirs);
        if (t > o) {
            result.replace(theirs.getProperty(Property.SEQUENCE).orElseThrow().copy());
        }
    }

    private static int sequence(Component c) {
        try {
            return c.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue().strip())).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Set<String> alarms(Component c) {
        Set<String> result = new TreeSet<>();
        if (c != null) {
            for (Component sub : CanonicalForm.subComponents(c)) {
                if (ALARMS.equals(sub.getName())) {
                    result.add(canonical.block(sub));
                }
            }
        }
        return result;
    }

    private Set<String> values(List<Property> properties) {
        Set<String> result = new TreeSet<>();
        if (properties != null) {
            properties.forEach(p -> result.addAll(canonical.lines(p)));
        }
        return result;
    }

    private static Map<String, List<Property>> propertiesByName(Component c) {
        Map<String, List<Property>> result = new LinkedHashMap<>();
        for (Property p : c.getProperties()) {
            result.computeIfAbsent(p.getName().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        return result;
    }

    // RECURRENCE-IDs compare by the instant they name, whatever zone each side wrote them in.
    private Map<String, Component> byKey(CalendarItem item) {
        Map<String, Component> result = new LinkedHashMap<>();
        for (Component c : Occurrences.mainComponents(item)) {
            String rid = times.read(c, Property.RECURRENCE_ID).map(times::key).orElse("");
            result.put(c.getName() + "/" + rid, c);
        }
        return result;
    }

    private static String write(CalendarItem ours, CalendarItem theirs, List<CalendarComponent> merged) {
        Set<String> used = new LinkedHashSet<>();
        for (CalendarComponent c : merged) {
            for (Property p : c.getProperties()) {
                p.getParameter("TZID").ifPresent(tz -> used.add(tz.getValue()));
            }
        }
        List<CalendarComponent> components = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>();
        for (CalendarItem side : List.of(ours, theirs)) {
            for (CalendarComponent zone : side.calendar().getComponents(Component.VTIMEZONE)) {
                String tzid = zone.getProperty(Property.TZID).map(Property::getValue).orElse("");
                if (used.contains(tzid) && added.add(tzid)) {
                    components.add(zone);
                }
            }
        }
        components.addAll(merged);
        Calendar calendar = new Calendar(new PropertyList(new ArrayList<>(ours.calendar().getProperties())),
                new ComponentList<>(components));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("could not write the merge of " + ours.uid() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }
}
