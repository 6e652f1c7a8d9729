package com.calsync.ical;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

/**
 * Reads iCalendar text as real producers write it (Outlook zone names, missing or stale
 * VTIMEZONEs, bare LF, floating times, DURATION instead of DTEND) into {@link CalendarItem}s.
 *
 * <p>ical4j's relaxed parsing, unfolding and validation and its Outlook compatibility are switched
 * on, and its zone updates from tzurl.org off, by {@code ical4j.properties} on the class path.
 *
 * <p>A component without UID gets a derived one, {@code calsync-} and the start of the SHA-256
 * of its text, stable as long as the text is: {@link #parse} reports it as the item's UID and
 * leaves the text alone, {@link #split} also writes it into the item's text.
 */
public final class ItemParser {
    static final Pattern CALENDAR_START = Pattern.compile("BEGIN:VCALENDAR", Pattern.CASE_INSENSITIVE | Pattern.LITERAL);

    private final CalendarSplitter splitter = new CalendarSplitter();
    private final ZoneResolver zones = new ZoneResolver();
    // ical4j's default suppliers build ~100 factory objects on every call, and it calls them per
    // property; the factories are stateless, so one list each serves every parse.
    private final ContentHandlerContext factories = factoriesBuiltOnce();

    /** Parses one item (one UID). */
    public CalendarItem parse(String ics) throws MalformedItemException {
        if (ics == null || ics.isBlank()) {
            throw new MalformedItemException("empty text where an iCalendar item (BEGIN:VCALENDAR …) was expected");
        }
        if (!CALENDAR_START.matcher(ics).find()) {
            throw new MalformedItemException("not iCalendar text: no BEGIN:VCALENDAR line (text starts with \""
                    + abbreviate(ics.strip()) + "\")");
        }
        // A UTF-8 byte order mark (Windows exports) is not part of the text ical4j should see.
        Calendar calendar = build(ics.charAt(0) == '\uFEFF' ? ics.substring(1) : ics);
        List<CalendarComponent> main = new ArrayList<>();
        for (CalendarComponent c : calendar.getComponents()) {
            if (!Component.VTIMEZONE.equals(c.getName())) {
                main.add(c);
            }
        }
        if (main.isEmpty()) {
            throw new MalformedItemException("the VCALENDAR holds no VEVENT, VTODO or VJOURNAL (nothing to sync)");
        }
        Set<String> uids = new LinkedHashSet<>();
        for (CalendarComponent c : main) {
            c.getProperty(Property.UID).map(Property::getValue).filter(v -> !v.isBlank()).ifPresent(uids::add);
        }
        if (uids.size() > 1) {
            throw new MalformedItemException("the VCALENDAR holds " + uids.size() + " UIDs " + uids
                    + " but an item has one; split a whole calendar with ItemParser.split");
        }
        String uid = uids.isEmpty() ? CalendarSplitter.derivedUid(ics) : uids.iterator().next();
        return new CalendarItem(uid, kindOf(main), ics, calendar);
    }

    /**
     * Splits a whole calendar (a feed, an exported .ics) into one item per UID, each with the
     * VTIMEZONEs it uses. Components that cannot be read are reported through the skipped
     * list, not dropped silently.
     *
     * <p>Each component's lines are copied verbatim (not re-serialized), so X- properties, folding
     * and escapes survive byte for byte; the item gets the calendar's VERSION, PRODID and CALSCALE
     * (METHOD is dropped: CalDAV forbids it in stored resources).
     */
    public SplitResult split(String ics) throws MalformedItemException {
        return splitter.split(ics, this);
    }

    /** The items found, and one message per component that was skipped. */
    public record SplitResult(List<CalendarItem> items, List<String> skipped) {}

    Calendar build(String ics) throws MalformedItemException {
        try {
            return new CalendarBuilder(new CalendarParserImpl(), factories, new LocalZoneRegistry(zones))
                    .build(new StringReader(ics));
        } catch (ParserException e) {
            String where = e.getLineNo() > 0 ? " at line " + e.getLineNo() : "";
            throw new MalformedItemException("unreadable iCalendar text" + where + ": " + rootMessage(e), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedItemException("unreadable iCalendar text: " + rootMessage(e), e);
        }
    }

    private static ContentHandlerContext factoriesBuiltOnce() {
        List<ParameterFactory<?>> parameters = new DefaultParameterFactorySupplier().get();
        List<PropertyFactory<?>> properties = new DefaultPropertyFactorySupplier().get();
        List<ComponentFactory<?>> components = new DefaultComponentFactorySupplier().get();
        return new ContentHandlerContext().withParameterFactorySupplier(() -> parameters)
                .withPropertyFactorySupplier(() -> properties).withComponentFactorySupplier(() -> components);
    }

    private static ComponentKind kindOf(List<CalendarComponent> main) {
        Map<String, ComponentKind> kinds = new LinkedHashMap<>();
        kinds.put(Component.VEVENT, ComponentKind.VEVENT);
        kinds.put(Component.VTODO, ComponentKind.VTODO);
        kinds.put(Component.VJOURNAL, ComponentKind.VJOURNAL);
        for (Map.Entry<String, ComponentKind> kind : kinds.entrySet()) {
            if (main.stream().anyMatch(c -> kind.getKey().equals(c.getName()))) {
                return kind.getValue();
            }
        }
        return ComponentKind.OTHER;
    }

    private static String abbreviate(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(" (").append(cause.getMessage()).append(')');
            }
            e = cause;
            cause = cause.getCause();
        }
        return message.toString();
    }
}
