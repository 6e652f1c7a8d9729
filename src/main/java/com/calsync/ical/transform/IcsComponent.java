package com.calsync.ical.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One iCalendar component (VCALENDAR, VEVENT, VALARM…) as its content lines and sub-components,
 * in the order they were written. Immutable: each change gives a new component, and what a change
 * does not touch is written back exactly as it was read.
 */
public record IcsComponent(String name, ContentLine begin, List<IcsPart> parts, ContentLine end) implements IcsPart {

    public IcsComponent {
        parts = List.copyOf(parts);
    }

    /** A new, empty component. */
    public static IcsComponent named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return new IcsComponent(upper, ContentLine.of("BEGIN", java.util.Map.of(), upper), List.of(),
                ContentLine.of("END", java.util.Map.of(), upper));
    }

    public List<ContentLine> properties() {
        return parts.stream().filter(ContentLine.class::isInstance).map(ContentLine.class::cast).toList();
    }

    public List<ContentLine> properties(String propertyName) {
        String wanted = propertyName.toUpperCase(Locale.ROOT);
        return properties().stream().filter(p -> p.name().equals(wanted)).toList();
    }

    public Optional<ContentLine> property(String propertyName) {
        return properties(propertyName).stream().findFirst();
    }

    public List<IcsComponent> components() {
        return parts.stream().filter(IcsComponent.class::isInstance).map(IcsComponent.class::cast).toList();
    }

    /** This component with only the parts {@code keep} accepts. */
    public IcsComponent retain(Predicate<IcsPart> keep) {
        return new IcsComponent(name, begin, parts.stream().filter(keep).toList(), end);
    }

    /**
     * This component with {@code line} in place of its properties of the same name (in the place
     * of the first one), or added after its last property when it had none.
     */
    public IcsComponent with(ContentLine line) {
        List<IcsPart> out = new ArrayList<>();
        boolean placed = false;
        for (IcsPart part : parts) {
            if (part instanceof ContentLine p && p.name().equals(line.name())) {
                if (!placed) {
                    out.add(line);
                    placed = true;
                }
            } else {
                out.add(part);
            }
        }
        return placed ? new IcsComponent(name, begin, out, end) : add(line);
    }

    /** This component with {@code line} added after its last property. */
    public IcsComponent add(ContentLine line) {
        List<IcsPart> out = new ArrayList<>(parts);
        int at = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ContentLine) {
                at = i + 1;
            }
        }
        out.add(at, line);
        return new IcsComponent(name, begin, out, end);
    }

    /** This component with its sub-components replaced by {@code children}, in their place. */
    public IcsComponent withComponents(List<IcsComponent> children) {
        List<IcsPart> out = new ArrayList<>(properties());
        out.addAll(children);
        return new IcsComponent(name, begin, out, end);
    }

    void write(StringBuilder out, String newline) {
        out.append(begin.write(newline)).append(newline);
        for (IcsPart part : parts) {
            if (part instanceof ContentLine line) {
                out.append(line.write(newline)).append(newline);
            } else {
                ((IcsComponent) part).write(out, newline);
            }
        }
        out.append(end.write(newline)).append(newline);
    }
}
