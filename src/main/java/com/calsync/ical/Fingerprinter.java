package com.calsync.ical;

/**
 * A hash of an item's meaning: the same for two texts that differ only in DTSTAMP, PRODID,
 * LAST-MODIFIED, SEQUENCE-only bumps, server-added X- properties, property order, folding or
 * line ends — so a server re-serializing an item is not a change.
 */
public final class Fingerprinter {
    public String fingerprint(CalendarItem item) {
        throw new UnsupportedOperationException("TODO");
    }
}
