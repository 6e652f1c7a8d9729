package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where GDBus finds the session bus: the address CalSync was given, or the user bus socket. */
class GDBusTest {
    @TempDir
    Path runtimeDir;

    @Test
    void theAddressInTheEnvironmentWins() throws Exception {
        Files.createFile(runtimeDir.resolve("bus"));
        assertThat(GDBus.sessionAddress(Map.of("DBUS_SESSION_BUS_ADDRESS", " unix:path=/run/user/1000/other ",
                "XDG_RUNTIME_DIR", runtimeDir.toString()))).contains("unix:path=/run/user/1000/other");
    }

    @Test
    void elseTheUserBusInTheRuntimeFolder() throws Exception {
        assertThat(GDBus.sessionAddress(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString()))).isEmpty();
        Files.createFile(runtimeDir.resolve("bus"));
        assertThat(GDBus.sessionAddress(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString())))
                .contains("unix:path=" + runtimeDir.resolve("bus"));
        assertThat(GDBus.sessionAddress(Map.of("XDG_RUNTIME_DIR", "relative/dir"))).isEmpty();
    }

    @Test
    void noBusAtAllIsNoConnection() {
        assertThat(GDBus.session(Map.of())).isEmpty();
        assertThat(GDBus.connect("unix:path=/nonexistent/calsync-bus")).isEmpty();
    }
}
