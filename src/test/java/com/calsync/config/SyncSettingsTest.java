package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncSettingsTest {
    private final SyncSettings defaults = SyncSettings.DEFAULTS; // 5 items and 20 %

    @Test
    void holdsDeletionsOnlyWhenBothLimitsAreExceeded() {
        assertThat(defaults.tooManyMissing(3, 4)).as("3 of 4: a small calendar may lose a few").isFalse();
        assertThat(defaults.tooManyMissing(30, 2000)).as("30 of 2000: routine clean-up").isFalse();
        assertThat(defaults.tooManyMissing(6, 10)).as("6 of 10").isTrue();
        assertThat(defaults.tooManyMissing(2000, 2000)).as("the calendar came back empty").isTrue();
        assertThat(defaults.tooManyMissing(400, 2000)).as("exactly 20 % is not more than 20 %").isFalse();
        assertThat(defaults.tooManyMissing(401, 2000)).isTrue();
    }

    @Test
    void zeroLetsTheOtherLimitDecideAndTheSwitchTurnsTheGuardOff() {
        SyncSettings countOnly = defaults.with(SyncKey.MAX_MISSING_PERCENT, 0);
        assertThat(countOnly.tooManyMissing(6, 100_000)).isTrue();
        assertThat(countOnly.tooManyMissing(5, 5)).isFalse();

        SyncSettings percentOnly = defaults.with(SyncKey.MAX_MISSING_COUNT, 0);
        assertThat(percentOnly.tooManyMissing(2, 4)).isTrue();
        assertThat(percentOnly.tooManyMissing(1, 5)).isFalse();

        assertThat(defaults.with(SyncKey.SKIP_SYNC_ON_TOO_MANY_MISSING, false).tooManyMissing(2000, 2000)).isFalse();
        assertThat(defaults.tooManyMissing(0, 0)).isFalse();
    }

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
