package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {
    @Test
    void keepsPlainNamesAndReplacesEverythingElseAsStateFilesWereNamedBefore() {
        assertThat(SafeFileName.of("work-to-home_2.v1")).isEqualTo("work-to-home_2.v1");
        assertThat(SafeFileName.of("mac home/üben")).isEqualTo("mac_home__ben");
        assertThat(SafeFileName.of("日本")).isEqualTo("__");
        assertThat(SafeFileName.of("a\uD835\uDC9Cb")).as("one '_' per code point").isEqualTo("a_b");
    }
}
