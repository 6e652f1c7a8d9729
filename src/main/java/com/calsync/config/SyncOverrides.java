package com.calsync.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code sync} keys a config section actually sets. The top-level section overrides
 * {@link SyncSettings#DEFAULTS}; a pair's section overrides the top level.
 */
public record SyncOverrides(Map<SyncKey, Object> values) {
    public static final SyncOverrides NONE = new SyncOverrides(Map.of());

    public SyncOverrides {
        EnumMap<SyncKey, Object> copy = new EnumMap<>(SyncKey.class);
        values.forEach((key, value) -> {
            boolean fits = key.kind() == SyncKey.Kind.BOOLEAN ? value instanceof Boolean : value instanceof Integer;
            if (!fits) {
                throw new IllegalArgumentException(key.jsonName() + " needs " + key.allowed() + ", got " + value);
            }
            copy.put(key, value);
        });
        values = Map.copyOf(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public SyncSettings applyTo(SyncSettings base) {
        SyncSettings result = base;
        for (Map.Entry<SyncKey, Object> e : values.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }
}
