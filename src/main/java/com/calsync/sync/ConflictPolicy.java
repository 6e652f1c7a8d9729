package com.calsync.sync;

/** Who wins when both sides of a two-way pair changed the same property of one item differently. */
public enum ConflictPolicy {
    SOURCE_WINS("source-wins"), TARGET_WINS("target-wins"),
    /** The side whose LAST-MODIFIED (else DTSTAMP) is later; the source on a tie. */
    NEWER_WINS("newer-wins");

    private final String jsonName;

    ConflictPolicy(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /**
     * Two-way default: the edit made last survives, which is what someone editing both
     * calendars expects; a fixed side would silently discard edits made on the other one.
     */
    public static final ConflictPolicy TWO_WAY_DEFAULT = NEWER_WINS;

    public static java.util.Optional<ConflictPolicy> byJsonName(String name) {
        return java.util.Arrays.stream(values()).filter(v -> v.jsonName.equals(name)).findFirst();
    }

    public static java.util.List<String> jsonNames() {
        return java.util.Arrays.stream(values()).map(ConflictPolicy::jsonName).toList();
    }
}
