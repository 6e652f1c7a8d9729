package com.calsync.store;

import com.calsync.ical.ComponentKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a store can do.
 *
 * @param readOnly            writes are refused (feeds, read-only calendars)
 * @param syncTokens          {@link CalendarStore#changesSince} works (RFC 6578)
 * @param serverSideTimeRange {@link CalendarStore#list} filters by the window itself, so an item
 *                            missing from a listing may only have left the window
 * @param recurrence          series are stored as series (false: only single occurrences)
 * @param components          the kinds of items it holds (a CalDAV collection's
 *                            supported-calendar-component-set); a pair carries a kind only when
 *                            both of its stores hold it, and leaves the others as they are
 * @param concurrentWrites    writes of different items may be sent from several threads at once
 *                            and the store gains from it (a CalDAV server); false: one at a time
 */
public record StoreCapabilities(boolean readOnly, boolean syncTokens, boolean serverSideTimeRange,
                                boolean recurrence, Set<ComponentKind> components, boolean concurrentWrites) {
    /** Events, to-dos and journal entries: what a folder or a CalDAV calendar that does not say may hold. */
    public static final Set<ComponentKind> ALL_KINDS = Set.of(ComponentKind.VEVENT, ComponentKind.VTODO,
            ComponentKind.VJOURNAL);

    public StoreCapabilities {
        components = components.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(components));
    }

    /** A store that takes one write at a time. */
    public StoreCapabilities(boolean readOnly, boolean syncTokens, boolean serverSideTimeRange, boolean recurrence,
                             Set<ComponentKind> components) {
        this(readOnly, syncTokens, serverSideTimeRange, recurrence, components, false);
    }

    /** A store of events only. */
    public StoreCapabilities(boolean readOnly, boolean syncTokens, boolean serverSideTimeRange, boolean recurrence) {
        this(readOnly, syncTokens, serverSideTimeRange, recurrence, Set.of(ComponentKind.VEVENT));
    }

    /** Writable, holding events, to-dos and journal entries. */
    public static StoreCapabilities readWrite() {
        return new StoreCapabilities(false, false, false, true, ALL_KINDS);
    }

    /** Read-only, holding events, to-dos and journal entries. */
    public static StoreCapabilities readOnlyStore() {
        return new StoreCapabilities(true, false, false, true, ALL_KINDS);
    }

    /** These capabilities, saying whether writes may be sent several at once. */
    public StoreCapabilities withConcurrentWrites(boolean concurrent) {
        return new StoreCapabilities(readOnly, syncTokens, serverSideTimeRange, recurrence, components, concurrent);
    }

    public boolean holds(ComponentKind kind) {
        return components.contains(kind);
    }
}
