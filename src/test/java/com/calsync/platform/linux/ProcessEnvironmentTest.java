package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    @Test
    void aVariableIsSetForNativeCodeOnceAndTheFirstValueWins() {
        ProcessEnvironment env = ProcessEnvironment.current();
        String name = "CALSYNC_TEST_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        assertThat(env.get(name)).isEmpty();

        assertThat(env.setIfUnset(name, "disable")).isTrue();
        assertThat(env.get(name)).contains("disable");
        assertThat(env.setIfUnset(name, "other")).as("a value already there is kept").isFalse();
        assertThat(env.get(name)).contains("disable");
        assertThat(System.getenv(name)).as("Java's copy is fixed at start").isNull();
    }

    @Test
    void whatTheProcessWasStartedWithIsSeen() {
        assertThat(ProcessEnvironment.current().get("PATH")).contains(System.getenv("PATH"));
    }
}
