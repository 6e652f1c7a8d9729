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
 * <p>Reading is lenient ({@code LenientReading}): what ical4j cannot read — a broken VTIMEZONE,
 * an RDATE of the wrong type, text after END:VCALENDAR, a time without seconds, a line ical4j
 * refuses — is set aside for reading only, and the item's text keeps it. What ical4j cannot read
 * even so can still be carried as an {@link OpaqueItem} ({@link #read}).
 *
 * <p>A component without UID gets the item's UID, or a derived one ({@code calsync-} and the
 * start of a SHA-256 of its meaningful lines, stable across re-exports); it is written into the
 * item's text, so a copy has it and the next run matches it.
 */
public final class ItemParser {
    static final Pattern CALENDAR_START = Pattern.compile("BEGIN:VCALENDAR", Pattern.CASE_INSENSITIVE | Pattern.LITERAL);

    private final CalendarSplitter splitter = new CalendarSplitter();
    private final ZoneResolver zones = new ZoneResolver();
    // ical4j's default suppliers build ~100 factory objects on every call, and it calls them per
    // property; the factories are stateless, so one list each serves every parse.
    private final ContentHandlerContext factories = factoriesBuiltOnce();

    /** Lines ical4j may refuse one after another before an item counts as unreadable. */
    static final int MAX_LINES_SET_ASIDE = 20;

    /**
     * Parses one item (one UID), leniently: what ical4j cannot read is set aside for reading only
     * ({@link CalendarItem#repairs()} says what); the item's text keeps it.
     *
     * @throws MalformedItemException when ical4j cannot read it even so, naming the user's line
     */
    public CalendarItem parse(String ics) throws MalformedItemException {
        requireCalendarText(ics);
        LenientReading.Prepared prepared = LenientReading.prepare(ics);
        Calendar calendar = null;
        for (int attempt = 0; calendar == null; attempt++) {
            try {
                calendar = build(prepared.text());
            } catch (ParserException e) {
                int line = e.getLineNo();
                Optional<LenientReading.Prepared> without = attempt < MAX_LINES_SET_ASIDE
                        ? prepared.withoutLine(line, rootMessage(e)) : Optional.empty();
                if (without.isEmpty()) {
                    String where = line > 0 ? " at line " + prepared.originalLine(line) : "";
                    throw new MalformedItemException("unreadable iCalendar text" + where + ": " + rootMessage(e), e);
                }
                prepared = without.get();
            } catch (IOException | RuntimeException e) {
                throw new MalformedItemException("unreadable iCalendar text: " + rootMessage(e), e);
            }
        }
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
            throw twoUids(uids);
        }
        String uid = uids.isEmpty() ? LenientReading.derivedUid(prepared.lines()) : uids.iterator().next();
        return new CalendarItem(uid, kindOf(main), prepared.copyText(), calendar,
                new ReadingRepairs(prepared.derived(), prepared.dropped(), prepared.notes()));
    }

    /**
     * Reads one item as fully as it can: parsed ({@link #parse}) when ical4j can read it, else as
     * opaque text ({@link #opaque}).
     *
     * @throws MalformedItemException when it is not even an iCalendar item CalSync could carry
     */
    public ReadItem read(String ics) throws MalformedItemException {
        try {
            return parse(ics);
        } catch (MalformedItemException e) {
            try {
                return opaque(ics, e.getMessage());
            } catch (MalformedItemException notEvenAsText) {
                throw e; // the parser's reason names the line
            }
        }
    }

    /**
     * The item as text only, for when ical4j cannot read it (or something fails on the parsed
     * form): it needs a VCALENDAR holding a VEVENT, VTODO or VJOURNAL and at most one UID.
     *
     * @param problem why it is not read in full, kept on the item for logs
     * @throws MalformedItemException when it does not have that shape either
     */
    public OpaqueItem opaque(String ics, String problem) throws MalformedItemException {
        requireCalendarText(ics);
        List<ContentLines.Line> lines = ContentLines.of(ics);
        List<String> open = new ArrayList<>();
        Set<String> uids = new LinkedHashSet<>();
        ComponentKind kind = null;
        for (ContentLines.Line line : lines) {
            if (line.isBegin()) {
                open.add(line.component());
                ComponentKind k = MAIN_KINDS.get(line.component());
                if (k != null && (kind == null || k.ordinal() < kind.ordinal())) {
                    kind = k;
                }
            } else if (line.isEnd()) {
                if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                }
            } else if (line.name().equals("UID") && !open.isEmpty()
                    && MAIN_KINDS.containsKey(open.get(open.size() - 1)) && !line.value().isBlank()) {
                uids.add(line.value().strip());
            }
        }
        if (kind == null) {
            throw new MalformedItemException("the VCALENDAR holds no VEVENT, VTODO or VJOURNAL (nothing to sync)");
        }
        if (uids.size() > 1) {
            throw twoUids(uids);
        }
        LenientReading.Prepared prepared = LenientReading.prepare(ics);
        if (!uids.isEmpty()) {
            return new OpaqueItem(uids.iterator().next(), kind, prepared.copyText(), false, problem);
        }
        if (prepared.uid() != null) {
            return new OpaqueItem(prepared.uid(), kind, prepared.copyText(), true, problem);
        }
        return new OpaqueItem(LenientReading.derivedUid(lines), kind, ics, true, problem);
    }

    private static MalformedItemException twoUids(Set<String> uids) {
        return new MalformedItemException("the VCALENDAR holds " + uids.size() + " events with different UIDs " + uids
                + ", but one calendar item is one event (with its overrides): put each UID in a file of its own");
    }

    private static final Map<String, ComponentKind> MAIN_KINDS = Map.of(Component.VEVENT, ComponentKind.VEVENT,
            Component.VTODO, ComponentKind.VTODO, Component.VJOURNAL, ComponentKind.VJOURNAL);

    private static void requireCalendarText(String ics) throws MalformedItemException {
        if (ics == null || ics.isBlank()) {
            throw new MalformedItemException("empty text where an iCalendar item (BEGIN:VCALENDAR …) was expected");
        }
        if (!CALENDAR_START.matcher(ics).find()) {
            throw new MalformedItemException("not iCalendar text: no BEGIN:VCALENDAR line (text starts with \""
                    + abbreviate(ics.strip()) + "\")");
        }
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

    /**
     * The items found, one message per component that was skipped, and the items ical4j could not
     * read that are carried as text ({@link OpaqueItem}) because none of their components was readable.
     */
    public record SplitResult(List<CalendarItem> items, List<String> skipped, List<OpaqueItem> opaque) {
        public SplitResult(List<CalendarItem> items, List<String> skipped) {
            this(items, skipped, List.of());
        }
    }

    private Calendar build(String ics) throws ParserException, IOException {
        return new CalendarBuilder(new CalendarParserImpl(), factories, new LocalZoneRegistry(zones))
                .build(new StringReader(ics));
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
