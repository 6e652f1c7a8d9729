package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeletionGuardTest {
    private final DeletionGuard defaults = new DeletionGuard(true, 5, 20);

    @Test
    void holdsWhenBothLimitsAreExceeded() {
        assertThat(defaults.tooMany(3, 4, 1)).as("3 of 4: a small calendar may lose a few").isFalse();
        assertThat(defaults.tooMany(30, 2000, 1970)).as("30 of 2000: routine clean-up").isFalse();
        assertThat(defaults.tooMany(6, 10, 4)).as("6 of 10").isTrue();
        assertThat(defaults.tooMany(400, 2000, 1600)).as("exactly 20 % is not more than 20 %").isFalse();
        assertThat(defaults.tooMany(401, 2000, 1599)).isTrue();
    }

    @Test
    void aSideThatComesBackEmptyIsAlwaysHeld() {
        assertThat(defaults.tooMany(2000, 2000, 0)).isTrue();
        assertThat(defaults.tooMany(3, 3, 0)).as("even a small calendar, once two or more vanish").isTrue();
        assertThat(defaults.tooMany(1, 1, 0)).as("deleting the only event is a normal edit").isFalse();
    }

    @Test
    void zeroLetsTheOtherLimitDecideAndDisabledHoldsNothing() {
        DeletionGuard countOnly = new DeletionGuard(true, 5, 0);
        assertThat(countOnly.tooMany(6, 100_000, 99_994)).isTrue();
        assertThat(countOnly.tooMany(5, 6, 1)).isFalse();

        DeletionGuard percentOnly = new DeletionGuard(true, 0, 20);
        assertThat(percentOnly.tooMany(2, 4, 2)).isTrue();
        assertThat(percentOnly.tooMany(1, 5, 4)).isFalse();

        assertThat(new DeletionGuard(false, 5, 20).tooMany(2000, 2000, 0)).isFalse();
        assertThat(defaults.tooMany(0, 0, 0)).isFalse();
    }
}
