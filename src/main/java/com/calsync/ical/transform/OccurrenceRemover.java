package com.calsync.ical.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an {@link EventFilter} to a whole item. A master the filter leaves out leaves out the
 * item; an override it leaves out (one declined or cancelled occurrence of a series) is removed
 * and its RECURRENCE-ID becomes an EXDATE of the master, so that occurrence is gone from the
 * copy while the rest of the series stays.
 */
public final class OccurrenceRemover {

    /** What the filter made of an item. */
    public sealed interface Result permits Kept, LeftOut {}

    /** The item stays; {@code document} is unchanged (the same object) when {@code removed} is 0. */
    public record Kept(IcsDocument document, int removed) implements Result {}

    /** The whole item is left out. */
    public record LeftOut(String reason) implements Result {}

    public Result apply(IcsDocument document, EventFilter filter) {
        if (filter.isEmpty()) {
            return new Kept(document, 0);
        }
        List<IcsComponent> main = document.mainComponents();
        Optional<IcsComponent> master = main.stream().filter(c -> c.property("RECURRENCE-ID").isEmpty()).findFirst();
        if (master.isPresent()) {
            Optional<String> reason = filter.reasonToSkip(master.get());
            if (reason.isPresent()) {
                return new LeftOut(reason.get());
            }
        }
        Map<IcsComponent, String> leftOut = new LinkedHashMap<>();
        for (IcsComponent c : main) {
            if (c.property("RECURRENCE-ID").isPresent()) {
                filter.reasonToSkip(c).ifPresent(r -> leftOut.put(c, r));
            }
        }
        if (leftOut.isEmpty()) {
            return new Kept(document, 0);
        }
        if (leftOut.size() == main.size()) {
            return new LeftOut(leftOut.values().iterator().next());
        }
        List<IcsComponent> children = new ArrayList<>();
        for (IcsComponent c : document.calendar().components()) {
            if (leftOut.containsKey(c)) {
                continue;
            }
            if (master.isPresent() && c == master.get()) {
                for (IcsComponent gone : leftOut.keySet()) {
                    c = c.add(exdateFor(gone.property("RECURRENCE-ID").orElseThrow()));
                }
            }
            children.add(c);
        }
        return new Kept(document.with(document.calendar().withComponents(children)), leftOut.size());
    }

    /** An EXDATE naming the occurrence a RECURRENCE-ID names (its zone and value type kept, RANGE not). */
    private static ContentLine exdateFor(ContentLine recurrenceId) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        recurrenceId.params().forEach((name, values) -> {
            if (name.equals("TZID") || name.equals("VALUE")) {
                params.put(name, values);
            }
        });
        return ContentLine.of("EXDATE", params, recurrenceId.value().trim());
    }
}
