package com.calsync.sync;

import com.calsync.store.CalendarStore;

/** A named pair of calendars with its rules, ready to sync. */
public record SyncPair(String name, CalendarStore source, CalendarStore target, SyncPolicy policy) {
    public CalendarStore store(Side side) {
        return side == Side.SOURCE ? source : target;
    }
}
