package com.calsync.ical;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * What a test can compare between two texts of one item: per component (name, RECURRENCE-ID and,
 * for sub-components, their parent and position), the set of meaningful property lines
 * {@code NAME;PARAM=value…:value} (parameters sorted, noise such as DTSTAMP, SEQUENCE and
 * server-added X- properties left out, see {@link CanonicalForm}). Use it to assert "every
 * meaningful property survived" after a store round trip:
 * {@code assertThat(MeaningfulProperties.of(after)).isEqualTo(MeaningfulProperties.of(before))}.
 */
public final class MeaningfulProperties {
    private static final CanonicalForm CANONICAL = new CanonicalForm(new ZoneResolver());

    private MeaningfulProperties() {}

    /** Component key → meaningful property lines; fails the test if the text does not parse. */
    public static Map<String, Set<String>> of(String ics) {
        CalendarItem item;
        try {
            item = new ItemParser().parse(ics);
        } catch (MalformedItemException e) {
            throw new AssertionError("text does not parse: " + e.getMessage(), e);
        }
        Map<String, Set<String>> result = new TreeMap<>();
        for (Component c : Occurrences.mainComponents(item)) {
            String key = c.getName() + c.getProperty(Property.RECURRENCE_ID).map(p -> "/" + p.getValue()).orElse("");
            add(result, key, c);
        }
        return result;
    }

    /**
     * The meaningful lines of {@code before} that {@code after} lacks, per component; empty when
     * everything survived (additions in {@code after}, e.g. a server's own properties, are allowed).
     */
    public static Map<String, Set<String>> lost(String before, String after) {
        Map<String, Set<String>> was = of(before);
        Map<String, Set<String>> is = of(after);
        Map<String, Set<String>> lost = new TreeMap<>();
        was.forEach((key, lines) -> {
            Set<String> missing = new TreeSet<>(lines);
            missing.removeAll(is.getOrDefault(key, Set.of()));
            if (!missing.isEmpty()) {
                lost.put(key, missing);
            }
        });
        return lost;
    }

    private static void add(Map<String, Set<String>> result, String key, Component c) {
        result.put(key, new TreeSet<>(CANONICAL.lines(c)));
        // Alarms have no identity of their own: key them by content, so order does not matter.
        Set<String> subs = new TreeSet<>();
        for (Component sub : CanonicalForm.subComponents(c)) {
            subs.add(CANONICAL.block(sub));
        }
        if (!subs.isEmpty()) {
            result.put(key + "/sub-components", subs);
        }
    }
}
