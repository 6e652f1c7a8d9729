package com.calsync.store;

/**
 * What a store can do.
 *
 * @param readOnly            writes are refused (feeds, read-only calendars)
 * @param syncTokens          {@link CalendarStore#changesSince} works (RFC 6578)
 * @param serverSideTimeRange {@link CalendarStore#list} filters by the window itself, so an item
 *                            missing from a listing may only have left the window
 * @param recurrence          series are stored as series (false: only single occurrences)
 */
public record StoreCapabilities(boolean readOnly, boolean syncTokens, boolean serverSideTimeRange,
                                boolean recurrence) {
    public static StoreCapabilities readWrite() {
        return new StoreCapabilities(false, false, false, true);
    }

    public static StoreCapabilities readOnlyStore() {
        return new StoreCapabilities(true, false, false, true);
    }
}
