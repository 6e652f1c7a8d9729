package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.testservers.PrivateKeyring;
import java.nio.file.Path;
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
    private static PrivateKeyring keyring;

    @BeforeAll
    static void startKeyring() throws Exception {
        assumeTrue(PrivateKeyring.installed(), "needs gnome-keyring and dbus: " + PrivateKeyring.INSTALL_HINT);
        keyring = PrivateKeyring.start(home);
    }

    @AfterAll
    static void stopKeyring() throws Exception {
        if (keyring != null) {
            keyring.close();
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
