package com.calsync.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OsTest {
    @Test
    void theFamilyComesFromTheStartOfOsName() {
        assertThat(Os.named("Mac OS X").kind()).isEqualTo(Os.Kind.MACOS);
        assertThat(Os.named("macOS").isMac()).isTrue();
        assertThat(Os.named("Linux").kind()).isEqualTo(Os.Kind.LINUX);
        assertThat(Os.named("Linux").isMac()).isFalse();
        assertThat(Os.named("Windows 11").kind()).isEqualTo(Os.Kind.OTHER);
        assertThat(Os.named("FreeBSD").isMac()).isFalse();
        assertThat(Os.named("").kind()).isEqualTo(Os.Kind.OTHER);
    }

    @Test
    void theNameIsKeptForMessages() {
        assertThat(Os.named("Linux").name()).isEqualTo("Linux");
        assertThat(Os.named("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.named("Mac OS X")).isEqualTo(Os.MACOS);
    }

    @Test
    void caseDoesNotMatterEvenInATurkishLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Os.named("LINUX").kind()).isEqualTo(Os.Kind.LINUX);
            assertThat(Os.named("MAC OS X").isMac()).isTrue();
        } finally {
            Locale.setDefault(before);
        }
    }
}
