package com.calsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which side wins when a two-way pair finds overlapping edits on both sides. A mirror pair has
 * no conflicts: its source always wins.
 */
public enum ConflictPolicy {
    SOURCE_WINS("source-wins"),
    TARGET_WINS("target-wins"),
    NEWER_WINS("newer-wins");

    /**
     * Two-way default: the edit made last survives, which is what someone editing both
     * calendars expects; a fixed side would silently discard edits made on the other one.
     */
    public static final ConflictPolicy TWO_WAY_DEFAULT = NEWER_WINS;

    private final String jsonName;

    ConflictPolicy(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ConflictPolicy> byJsonName(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(ConflictPolicy::jsonName).toList();
    }
}
