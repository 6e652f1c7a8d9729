package com.calsync.store;

import java.util.Map;
import java.util.Set;

/** What changed in a calendar since a sync token: changed or new hrefs with etags, removed hrefs. */
public record ChangeSet(Map<String, String> changed, Set<String> removed, String newToken) {
    public ChangeSet {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
