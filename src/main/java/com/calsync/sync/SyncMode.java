package com.calsync.sync;

/** How a pair syncs: {@code mirror} copies source → target; {@code two-way} copies both ways. */
public enum SyncMode {
    MIRROR("mirror"), TWO_WAY("two-way");

    private final String jsonName;

    SyncMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in config.json and reports. */
    public String jsonName() {
        return jsonName;
    }

    public static java.util.Optional<SyncMode> byJsonName(String name) {
        return java.util.Arrays.stream(values()).filter(v -> v.jsonName.equals(name)).findFirst();
    }

    public static java.util.List<String> jsonNames() {
        return java.util.Arrays.stream(values()).map(SyncMode::jsonName).toList();
    }
}
