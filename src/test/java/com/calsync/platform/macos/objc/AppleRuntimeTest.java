package com.calsync.platform.macos.objc;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import org.junit.jupiter.api.Test;

/** Apple's return conventions, as the sender picks its entry point (the sends themselves need a Mac). */
class AppleRuntimeTest {
    @Test
    void onlyStructsOver16BytesOnIntelUseTheStretEntry() {
        assertThat(AppleRuntime.usesStret("x86_64", 32)).as("NSRect on Intel").isTrue();
        assertThat(AppleRuntime.usesStret("x86_64", 16)).as("NSRange on Intel").isFalse();
        assertThat(AppleRuntime.usesStret("amd64", 24)).isTrue();
        assertThat(AppleRuntime.usesStret("aarch64", 32)).as("arm64 has no stret").isFalse();
    }

    @Test
    void theRuntimeIsPickedByOperatingSystem() {
        assertThat(Os.named("Mac OS X").isMac()).isTrue();
        assertThat(Os.named("Linux").isMac()).isFalse();
        assertThat(Os.named("Windows 11").isMac()).isFalse();
    }
}
