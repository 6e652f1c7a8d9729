package com.calsync.sync;

/** Who wins when both sides of a two-way pair changed the same property of one item differently. */
public enum ConflictPolicy {
    SOURCE_WINS("source-wins"), TARGET_WINS("target-wins"),
    /** The side whose LAST-MODIFIED (else DTSTAMP) is later; the source on a tie. */
    NEWER_WINS("newer-wins");

    private final String configName;

    ConflictPolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
