package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncSettingsTest {
    private final SyncSettings defaults = SyncSettings.DEFAULTS; // 5 items and 20 %

    @Test
    void withChangesExactlyOneKey() {
        for (SyncKey key : SyncKey.values()) {
            Object other = key.kind() == SyncKey.Kind.BOOLEAN ? !(Boolean) defaults.value(key) : (Integer) defaults.value(key) + 1;
            SyncSettings changed = defaults.with(key, other);
            for (SyncKey k : SyncKey.values()) {
                assertThat(changed.value(k)).as(k.jsonName()).isEqualTo(k == key ? other : defaults.value(k));
            }
        }
    }
}
