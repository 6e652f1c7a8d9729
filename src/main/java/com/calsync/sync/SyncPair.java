package com.calsync.sync;

import com.calsync.store.CalendarStore;

/**
 * A named pair of calendars with its rules, ready to sync.
 *
 * @param name the pair's name; for one calendar of a whole-account pair, that pair's name, a
 *             slash and the calendar's name ({@code family-all/Work})
 */
public record SyncPair(String name, CalendarStore source, CalendarStore target, SyncPolicy policy) {
    public CalendarStore store(Side side) {
        return side == Side.SOURCE ? source : target;
    }

    /**
     * The pair's name in config.json: the part before the slash of a whole-account calendar's
     * name (config pair names have no slash). Copies' UIDs are derived from it, so they stay the
     * same when a calendar is renamed.
     */
    public String configName() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
