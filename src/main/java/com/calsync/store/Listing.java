package com.calsync.store;

import java.util.Map;
import java.util.Optional;

/**
 * The items of a calendar at one moment: href → etag (an etag may be null when the store
 * cannot tell), and the sync token that names this state, for stores that have one.
 */
public record Listing(Map<String, String> etags, Optional<String> syncToken) {
    public Listing {
        etags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(etags));
    }

    public static Listing of(Map<String, String> etags) {
        return new Listing(etags, Optional.empty());
    }
}
