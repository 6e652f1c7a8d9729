package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Keychain store against the real Security.framework, in the default keychain. macOS only. */
@Tag("macos")
class KeychainMacTest {
    @Test
    void passwordsRoundTripThroughTheRealKeychain() {
        KeychainSecretStore store = KeychainSecretStore.system();
        String account = "calsync-test-" + UUID.randomUUID();
        try {
            assertThat(store.find(account)).isEmpty();
            store.save(account, "pä$$wörd 密码 🔑".toCharArray());
            assertThat(store.find(account).map(String::new)).contains("pä$$wörd 密码 🔑");
            store.save(account, "changed".toCharArray());
            assertThat(store.find(account).map(String::new)).contains("changed");
        } finally {
            store.delete(account);
        }
        assertThat(store.find(account)).isEmpty();
        assertThat(store.delete(account)).isFalse();
    }
}
