package com.calsync.sync;

/** How a pair syncs: {@code mirror} copies source → target; {@code two-way} copies both ways. */
public enum SyncMode {
    MIRROR("mirror"), TWO_WAY("two-way");

    private final String configName;

    SyncMode(String configName) {
        this.configName = configName;
    }

    /** The name used in config.json and reports. */
    public String configName() {
        return configName;
    }
}
