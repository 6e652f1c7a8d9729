package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libsecret against a real gnome-keyring-daemon on a private D-Bus session started for the test
 * (dbus-run-session, keyring unlocked from stdin, HOME in a temp folder). Skipped with a reason
 * where gnome-keyring or libsecret is not installed.
 */
@Tag("secret-service")
@Tag("external")
class SecretServiceStoreTest {
    @TempDir
    static Path home;
    private static Process session;

    @BeforeAll
    static void startKeyring() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gnome-keyring-daemon")) && Files.isExecutable(Path.of("/usr/bin/dbus-run-session")),
                "needs gnome-keyring and dbus: apt-get install -y --no-install-recommends gnome-keyring libsecret-1-0");
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c",
                "echo -n calsync-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;"
                        + " echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        session = pb.start();
        String address = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(address).as("D-Bus session address").startsWith("unix:");
        // GLib reads the address when it first connects: point this JVM's libsecret at the private session
        NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {"DBUS_SESSION_BUS_ADDRESS", address, 1});
    }

    @AfterAll
    static void stopKeyring() throws Exception {
        // later tests in this JVM must not talk to a bus that is about to go away
        NativeLibrary.getInstance("c").getFunction("unsetenv").invokeInt(new Object[] {"DBUS_SESSION_BUS_ADDRESS"});
        if (session != null) {
            session.getOutputStream().close(); // `cat` ends, and dbus-run-session takes the daemons with it
            if (!session.waitFor(30, TimeUnit.SECONDS)) {
                session.destroy();
            }
        }
    }

    @Test
    void passwordsRoundTripThroughGnomeKeyring() {
        SecretServiceStore store = SecretServiceStore.load();
        assertThat(store.isAvailable()).isTrue();

        store.save("icloud", "pä$$wörd 密码 🔑".toCharArray());
        store.save("work", "other".toCharArray());
        assertThat(store.find("icloud").map(String::new)).contains("pä$$wörd 密码 🔑");
        store.save("icloud", "changed".toCharArray());
        assertThat(store.find("icloud").map(String::new)).contains("changed");
        assertThat(store.find("nobody")).isEmpty();

        assertThat(store.delete("icloud")).isTrue();
        assertThat(store.delete("icloud")).isFalse();
        assertThat(store.find("icloud")).isEmpty();
        assertThat(store.find("work").map(String::new)).contains("other");
    }
}
