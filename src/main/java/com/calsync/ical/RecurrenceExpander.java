package com.calsync.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Turns a series into one single event per occurrence in a window, for targets that handle
 * recurrence badly ({@code expand_recurring}). The UIDs are stable, so a re-sync does not churn.
 * A non-recurring item comes back as itself.
 *
 * <p>Each occurrence's UID is the series UID, a dash and the occurrence's place in the series
 * (its RECURRENCE-ID, not where an override moved it): {@code yyyyMMdd'T'HHmmss'Z'} in UTC, or
 * {@code yyyyMMdd} for all-day series. Floating times are placed in the zone given to the
 * constructor. An override supplies its occurrence's content; EXDATEs are left out. At most
 * {@value #MAX_OCCURRENCES} occurrences are produced per series, and {@link #expandReporting}
 * says when a series had more.
 */
public final class RecurrenceExpander {
    public static final int MAX_OCCURRENCES = 1000;
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final Set<String> SERIES_PROPERTIES = Set.of(Property.RRULE, Property.RDATE, Property.EXDATE,
            Property.EXRULE, Property.RECURRENCE_ID);

    private final Occurrences occurrences;
    private final ItemParser parser = new ItemParser();
    private final ZoneResolver zoneResolver = new ZoneResolver();
    private final TimeZoneRegistry bundledZones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public RecurrenceExpander(ZoneId floatingZone) {
        this.occurrences = new Occurrences(new TemporalReader(new ZoneResolver(), floatingZone));
    }

    /**
     * What expanding one item gave.
     *
     * @param items       the single events (or the item itself when it is no series, or cannot be expanded)
     * @param capped      the series has more than {@link #MAX_OCCURRENCES} occurrences in the window:
     *                    only the first ones are in {@code items}
     * @param notExpanded why the series is carried as it is, when it is (null otherwise)
     */
    public record Expansion(List<CalendarItem> items, boolean capped, String notExpanded) {
        public Expansion {
            items = List.copyOf(items);
        }
    }

    /** The occurrences of {@code item} in {@code window}; see {@link #expandReporting} for what was left out. */
    public List<CalendarItem> expand(CalendarItem item, TimeWindow window) {
        return expandReporting(item, window).items();
    }

    /**
     * The occurrences of {@code item} in {@code window} as single events, at most
     * {@link #MAX_OCCURRENCES}. A series whose occurrences cannot be computed (an RSCALE rule,
     * recurrence properties ical4j could not read) comes back whole, never dropped.
     */
    public Expansion expandReporting(CalendarItem item, TimeWindow window) {
        if (item.kind() != ComponentKind.VEVENT || !Occurrences.isRecurring(item)) {
            return new Expansion(List.of(item), false, null);
        }
        if (Occurrences.recurrenceUnknown(item)) {
            return new Expansion(List.of(item), false, "its recurrence cannot be computed (an RSCALE rule or a"
                    + " recurrence property CalSync could not read), so the series is copied as it is");
        }
        List<Occurrences.Occurrence> found = occurrences.in(item, window, MAX_OCCURRENCES + 1);
        boolean capped = found.size() > MAX_OCCURRENCES;
        List<CalendarItem> result = new ArrayList<>();
        for (Occurrences.Occurrence occurrence : capped ? found.subList(0, MAX_OCCURRENCES) : found) {
            result.add(single(item, occurrence));
        }
        return new Expansion(result, capped, null);
    }

    private CalendarItem single(CalendarItem item, Occurrences.Occurrence occurrence) {
        Component event = occurrence.source().copy();
        boolean fromMaster = event.getProperty(Property.RECURRENCE_ID).isEmpty();
        event.removeAll(SERIES_PROPERTIES.toArray(String[]::new));
        event.replace(new Uid(item.uid() + "-" + stamp(occurrence.recurrenceId())));
        if (fromMaster || occurrence.shifted()) {
            Property start = event.getProperty(Property.DTSTART).orElseThrow();
            event.replace(new DtStart<>(copyOf(start.getParameterList()), format(occurrence.start(), start)));
            Optional<Property> end = event.getProperty(Property.DTEND);
            if (end.isPresent()) {
                event.replace(new DtEnd<>(copyOf(end.get().getParameterList()), format(occurrence.end(), end.get())));
            }
        }
        PropertyList header = new PropertyList(List.of(
                item.calendar().getProperty(Property.PRODID).orElse(new ProdId("-//CalSync//EN")),
                ImmutableVersion.VERSION_2_0));
        List<CalendarComponent> components = new ArrayList<>(zonesUsedBy(item, event));
        components.add((CalendarComponent) event);
        Calendar calendar = new Calendar(header, new ComponentList<>(components));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
            return parser.parse(text.toString());
        } catch (IOException | ValidationException | MalformedItemException e) {
            throw new IllegalStateException("could not write occurrence " + occurrence.recurrenceId() + " of " + item.uid()
                    + ": " + e.getMessage(), e);
        }
    }

    private String stamp(Temporal t) {
        if (t instanceof LocalDate date) {
            return DATE_STAMP.format(date);
        }
        return UTC_STAMP.format(occurrences.reader().instant(t).atZone(ZoneOffset.UTC));
    }

    /** The value text for a start or end, in the form the original property used. */
    private static String format(Temporal t, Property like) {
        if (t instanceof LocalDate date) {
            return DATE_STAMP.format(date);
        }
        if (t instanceof LocalDateTime local) {
            return LOCAL_STAMP.format(local);
        }
        ZonedDateTime zoned = (ZonedDateTime) t;
        if (like.getParameter(Parameter.TZID).isPresent()) {
            return LOCAL_STAMP.format(zoned);
        }
        return UTC_STAMP.format(zoned.withZoneSameInstant(ZoneOffset.UTC));
    }

    private static ParameterList copyOf(ParameterList params) {
        return new ParameterList(new ArrayList<>(params.getAll()));
    }

    /**
     * The VTIMEZONEs the event's TZIDs need: the item's own, or for a TZID the item had no block
     * for (IANA or Windows name), ical4j's bundled definition under that TZID, so that every
     * expanded item stands alone as RFC 5545 asks.
     */
    private List<CalendarComponent> zonesUsedBy(CalendarItem item, Component event) {
        Set<String> used = new LinkedHashSet<>();
        for (Property p : event.getProperties()) {
            p.getParameter(Parameter.TZID).ifPresent(tz -> used.add(tz.getValue()));
        }
        List<CalendarComponent> zones = new ArrayList<>();
        for (CalendarComponent c : item.calendar().getComponents(Component.VTIMEZONE)) {
            Optional<String> tzid = c.getProperty(Property.TZID).map(Property::getValue);
            if (tzid.filter(used::remove).isPresent()) {
                zones.add(c);
            }
        }
        for (String tzid : used) {
            bundledDefinition(tzid).ifPresent(zones::add);
        }
        return zones;
    }

    private Optional<VTimeZone> bundledDefinition(String tzid) {
        Optional<ZoneId> zone = zoneResolver.resolve(tzid);
        if (zone.isEmpty() || zone.get() instanceof ZoneOffset) {
            return Optional.empty();
        }
        net.fortuna.ical4j.model.TimeZone bundled = bundledZones.getTimeZone(zone.get().getId());
        if (bundled == null) {
            return Optional.empty();
        }
        VTimeZone copy = bundled.getVTimeZone().copy();
        copy.replace(new TzId(tzid));
        copy.removeAll(Property.TZURL); // a pointer to tzurl.org invites clients to fetch it
        return Optional.of(copy);
    }
}
