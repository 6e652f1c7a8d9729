package com.calsync.testservers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackServerTest {
    @Test
    void aMissingServerBinarySaysHowToInstallIt() {
        assertThatThrownBy(() -> LoopbackServer.requireBinary("calsync-no-such-server"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("calsync-no-such-server is not installed")
                .hasMessageEndingWith("apt-get install -y radicale python3-passlib xandikos");
    }
}
