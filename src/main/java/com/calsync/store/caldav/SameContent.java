package com.calsync.store.caldav;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentContainer;
import net.fortuna.ical4j.model.Property;

/**
 * Decides whether what a server holds is what we sent, when a retried write is refused with 412
 * because its first attempt went through after all. Servers re-serialize items (property and
 * parameter order, line folding), so the texts are compared as parsed iCalendar: per component,
 * the set of properties with sorted parameters; PRODID and DTSTAMP are ignored.
 */
final class SameContent {
    private static final Set<String> IGNORED = Set.of("PRODID", "DTSTAMP");

    private SameContent() {}

    static boolean sameItem(String sent, String stored) {
        try {
            return canonical(parse(sent)).equals(canonical(parse(stored)));
        } catch (IOException | ParserException | RuntimeException e) {
            // ical4j refuses some texts servers accept; compare the unfolded lines instead.
            return unfoldedSortedLines(sent).equals(unfoldedSortedLines(stored));
        }
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<String> canonical(Calendar calendar) {
        List<String> out = new ArrayList<>();
        out.add(properties("VCALENDAR", calendar.getProperties()));
        for (Component c : calendar.getComponents()) {
            addComponent(c, out);
        }
        out.sort(null);
        return out;
    }

    private static void addComponent(Component c, List<String> out) {
        out.add(properties(c.getName(), c.getProperties()));
        if (c instanceof ComponentContainer<?> container) {
            for (Object sub : container.getComponentList().getAll()) {
                addComponent((Component) sub, out);
            }
        }
    }

    private static String properties(String componentName, List<Property> properties) {
        List<String> lines = new ArrayList<>();
        for (Property p : properties) {
            if (IGNORED.contains(p.getName())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            p.getParameters().forEach(param -> params.add(param.getName() + "=" + param.getValue()));
            params.sort(null);
            lines.add(p.getName() + params + ":" + p.getValue());
        }
        lines.sort(null);
        return componentName + lines;
    }

    private static List<String> unfoldedSortedLines(String ics) {
        List<String> lines = new ArrayList<>();
        for (String line : ics.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("PRODID") && !trimmed.startsWith("DTSTAMP")) {
                lines.add(trimmed);
            }
        }
        lines.sort(null);
        return lines;
    }
}
