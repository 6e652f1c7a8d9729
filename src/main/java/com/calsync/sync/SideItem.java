package com.calsync.sync;

import com.calsync.ical.CalendarItem;

/**
 * One item as it is now on one side of a pair.
 *
 * @param item the parsed item when it was fetched in this run; null when its etag showed it
 *             unchanged, so only the fingerprint remembered from the last sync is known
 */
public record SideItem(String key, String href, String etag, String hash, CalendarItem item) {
    public boolean fetched() {
        return item != null;
    }
}
