package com.calsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a pair syncs: one way (source → target) or both ways. */
public enum SyncMode {
    MIRROR("mirror"),
    TWO_WAY("two-way");

    private final String jsonName;

    SyncMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<SyncMode> byJsonName(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(SyncMode::jsonName).toList();
    }
}
