package com.calsync.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentContainer;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

/**
 * The meaning of an item as sorted text lines, the basis of fingerprints and merges.
 *
 * <p>Left out, because producers and servers rewrite them without the user changing anything:
 * <ul>
 *   <li>every VCALENDAR-level property (PRODID, VERSION, CALSCALE, METHOD, X-WR-*): they describe
 *       the file, not the event;</li>
 *   <li>VTIMEZONE blocks: a zone is compared by the TZID that properties reference (Windows and
 *       IANA names of one zone compare equal), never by the rules a producer embedded;</li>
 *   <li>the properties in {@link #NOISE_PROPERTIES} and the parameters in {@link #NOISE_PARAMETERS}.</li>
 * </ul>
 * Everything else counts, X-APPLE-, X-GOOGLE- and X-MICROSOFT- properties included: those carry
 * user data (structured locations, conference links, busy status).
 * Order of properties, parameters and components, folding, line ends and the splitting of
 * multi-valued properties (EXDATE:a,b vs two EXDATE lines) do not matter.
 */
final class CanonicalForm {
    /**
     * Properties that change on every save or are added by servers and clients on their own:
     * DTSTAMP, LAST-MODIFIED, CREATED, SEQUENCE (a bump alone is not a change), X-RADICALE-NAME
     * (Radicale's file name), X-MOZ-GENERATION (Thunderbird's save counter), X-MOZ-LASTACK and
     * ACKNOWLEDGED (when an alarm was dismissed), X-LIC-ERROR (libical's parse complaints).
     */
    static final Set<String> NOISE_PROPERTIES = Set.of("DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE",
            "X-RADICALE-NAME", "X-MOZ-GENERATION", "X-MOZ-LASTACK", "ACKNOWLEDGED", "X-LIC-ERROR");

    /** SCHEDULE-STATUS is set by CalDAV servers after delivering an invitation; VALUE=DATE-TIME is the default. */
    static final Set<String> NOISE_PARAMETERS = Set.of("SCHEDULE-STATUS");

    /** Properties whose comma-separated values are compared one by one, as a set. */
    private static final Set<String> LIST_VALUED = Set.of("EXDATE", "RDATE", "CATEGORIES", "RESOURCES");

    private final ZoneResolver zones;

    CanonicalForm(ZoneResolver zones) {
        this.zones = zones;
    }

    /** The whole item: one block per component (VTIMEZONEs left out), blocks sorted. */
    String of(Calendar calendar) {
        List<String> blocks = new ArrayList<>();
        for (CalendarComponent c : calendar.getComponents()) {
            if (!Component.VTIMEZONE.equals(c.getName())) {
                blocks.add(block(c));
            }
        }
        blocks.sort(null);
        return String.join("\n", blocks);
    }

    /** One component with its sub-components (VALARMs) as sorted lines. */
    String block(Component component) {
        List<String> lines = lines(component);
        List<String> subBlocks = new ArrayList<>();
        for (Component sub : subComponents(component)) {
            subBlocks.add(block(sub));
        }
        subBlocks.sort(null);
        StringBuilder out = new StringBuilder("BEGIN:").append(component.getName()).append('\n');
        lines.forEach(l -> out.append(l).append('\n'));
        subBlocks.forEach(b -> out.append(b).append('\n'));
        return out.append("END:").append(component.getName()).toString();
    }

    @SuppressWarnings("unchecked")
    static List<Component> subComponents(Component component) {
        if (component instanceof ComponentContainer<?> container) {
            return (List<Component>) (List<?>) container.getComponentList().getAll();
        }
        return List.of();
    }

    /** The meaningful property lines of one component (sub-components not included), sorted. */
    List<String> lines(Component component) {
        List<String> lines = new ArrayList<>();
        for (Property p : component.getProperties()) {
            if (!NOISE_PROPERTIES.contains(p.getName().toUpperCase(Locale.ROOT))) {
                lines.addAll(lines(p));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** One property as canonical lines: NAME;PARAM=value…:value with parameters sorted. */
    List<String> lines(Property property) {
        String name = property.getName().toUpperCase(Locale.ROOT);
        TreeMap<String, String> params = new TreeMap<>();
        for (Parameter param : property.getParameterList().getAll()) {
            String pname = param.getName().toUpperCase(Locale.ROOT);
            String value = param.getValue();
            if (NOISE_PARAMETERS.contains(pname) || ("VALUE".equals(pname) && "DATE-TIME".equalsIgnoreCase(value))) {
                continue;
            }
            if ("TZID".equals(pname)) {
                value = zones.resolve(value).map(Object::toString).orElse(value);
            }
            params.merge(pname, value, (a, b) -> a + "," + b);
        }
        StringBuilder head = new StringBuilder(name);
        params.forEach((k, v) -> head.append(';').append(k).append('=').append(escape(v)));
        String value = property.getValue() == null ? "" : property.getValue();
        if ("ATTENDEE".equals(name) || "ORGANIZER".equals(name)) {
            value = value.regionMatches(true, 0, "mailto:", 0, 7) ? "mailto:" + value.substring(7) : value;
        }
        List<String> values = LIST_VALUED.contains(name) ? splitList(value) : List.of(value);
        List<String> result = new ArrayList<>(values.size());
        for (String v : values) {
            result.add(head + ":" + escape(v));
        }
        return result;
    }

    private static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) {
                current.append(ch).append(value.charAt(++i));
            } else if (ch == ',') {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    // Keeps one property per line whatever its value holds.
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }
}
