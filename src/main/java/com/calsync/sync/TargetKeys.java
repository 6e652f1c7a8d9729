package com.calsync.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * The key a target item is synced under. Items are matched by UID; a rewritten copy has a UID of
 * its own, so the copy links of the state database ({@link StatusDb#copyLinks()}) lead from it
 * back to its source item. In a pair that rewrites copies, an item the status database places at
 * a tracked href is that item (a copy written before the pair's transform changed), and any other
 * target item is the user's own: it gets a key no source item can have, so it is never taken for
 * a copy, even when it shares a UID with a source event (an invitation both calendars received).
 */
final class TargetKeys {
    /** Starts the key of a target item that is no copy, in a pair that rewrites copies. */
    static final String OWN = "target-own:";

    private final Map<String, String> sourceKeyOfCopy = new HashMap<>();
    private final Map<String, String> keyOfHref = new HashMap<>();
    private final boolean rewrites;

    /**
     * @param links    source key → copy UID, from the state database
     * @param rows     the state database's rows
     * @param rewrites the pair writes copies under UIDs of their own
     */
    TargetKeys(Map<String, String> links, Map<String, StatusRow> rows, boolean rewrites) {
        links.forEach((key, uid) -> sourceKeyOfCopy.put(uid, key));
        this.rewrites = rewrites;
        if (rewrites) {
            rows.values().stream().filter(r -> r.isOn(Side.TARGET)).forEach(r -> keyOfHref.put(r.targetHref(), r.key()));
        }
    }

    String keyOf(String href, String uid) {
        String linked = sourceKeyOfCopy.get(uid);
        if (linked != null) {
            return linked;
        }
        if (!rewrites) {
            return uid;
        }
        String tracked = keyOfHref.get(href);
        return tracked != null ? tracked : OWN + uid;
    }
}
