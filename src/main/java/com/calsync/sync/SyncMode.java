package com.calsync.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a pair syncs: {@code mirror} copies source → target; {@code two-way} copies both ways. */
public enum SyncMode {
    MIRROR("mirror"), TWO_WAY("two-way");

    private final String jsonName;

    SyncMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in config.json, reports and status.json. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public static Optional<SyncMode> byJsonName(String name) {
        return Arrays.stream(values()).filter(v -> v.jsonName.equals(name)).findFirst();
    }

    @JsonCreator
    public static SyncMode ofJsonName(String name) {
        return byJsonName(name).orElseThrow(() -> new IllegalArgumentException("unknown mode \"" + name + "\""));
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(SyncMode::jsonName).toList();
    }
}
