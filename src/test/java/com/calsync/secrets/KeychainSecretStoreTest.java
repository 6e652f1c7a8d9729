package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.macos.keychain.KeychainApi;
import com.calsync.platform.macos.keychain.KeychainApi.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the Keychain store asks Security.framework for, checked against an in-memory keychain that
 * answers with Security's status codes. The real framework is exercised by the `macos` tests.
 */
class KeychainSecretStoreTest {

    /** Generic-password items keyed by (service, account), with the calls made. */
    static final class MemoryKeychain implements KeychainApi {
        final Map<String, byte[]> items = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        final List<Map<String, Value>> queries = new ArrayList<>();
        int failWith = ERR_SEC_SUCCESS;

        private static String key(Map<String, Value> q) {
            assertThat(q.get("kSecClass")).isEqualTo(new Value.Constant("kSecClassGenericPassword"));
            return ((Value.Text) q.get("kSecAttrService")).text() + "/" + ((Value.Text) q.get("kSecAttrAccount")).text();
        }

        @Override
        public int add(Map<String, Value> attributes) {
            calls.add("add");
            queries.add(attributes);
            if (failWith != ERR_SEC_SUCCESS) {
                return failWith;
            }
            if (items.containsKey(key(attributes))) {
                return ERR_SEC_DUPLICATE_ITEM;
            }
            items.put(key(attributes), ((Value.Data) attributes.get("kSecValueData")).bytes().clone());
            return ERR_SEC_SUCCESS;
        }

        @Override
        public int copyMatching(Map<String, Value> query, Consumer<byte[]> data) {
            calls.add("copyMatching");
            queries.add(query);
            if (failWith != ERR_SEC_SUCCESS) {
                return failWith;
            }
            byte[] found = items.get(key(query));
            if (found == null) {
                return ERR_SEC_ITEM_NOT_FOUND;
            }
            data.accept(found.clone());
            return ERR_SEC_SUCCESS;
        }

        @Override
        public int update(Map<String, Value> query, Map<String, Value> changes) {
            calls.add("update");
            queries.add(query);
            items.put(key(query), ((Value.Data) changes.get("kSecValueData")).bytes().clone());
            return ERR_SEC_SUCCESS;
        }

        @Override
        public int delete(Map<String, Value> query) {
            calls.add("delete");
            queries.add(query);
            return items.remove(key(query)) != null ? ERR_SEC_SUCCESS : ERR_SEC_ITEM_NOT_FOUND;
        }

        @Override
        public Optional<String> describe(int status) {
            return status == ERR_SEC_INTERACTION_NOT_ALLOWED ? Optional.of("User interaction is not allowed.") : Optional.empty();
        }
    }

    private final MemoryKeychain keychain = new MemoryKeychain();
    private final KeychainSecretStore store = new KeychainSecretStore(keychain);

    @Test
    void savesAGenericPasswordUnderCalSyncsServiceAsUtf8() {
        store.save("icloud", "pässwörd 🔑".toCharArray());

        assertThat(keychain.items).containsOnlyKeys("com.calsync.app/icloud");
        assertThat(new String(keychain.items.get("com.calsync.app/icloud"), StandardCharsets.UTF_8)).isEqualTo("pässwörd 🔑");
        assertThat(keychain.queries.get(0)).containsEntry("kSecAttrLabel", new Value.Text("CalSync: icloud"));
        assertThat(store.find("icloud")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("pässwörd 🔑"));
        Map<String, Value> lookup = keychain.queries.get(1);
        assertThat(lookup).containsEntry("kSecReturnData", new Value.Flag(true))
                .containsEntry("kSecMatchLimit", new Value.Constant("kSecMatchLimitOne"));
    }

    @Test
    void savingAgainUpdatesTheExistingItem() {
        store.save("icloud", "one".toCharArray());
        store.save("icloud", "two".toCharArray());

        assertThat(keychain.calls).containsExactly("add", "add", "update");
        assertThat(store.find("icloud")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("two"));
    }

    @Test
    void missingItemsAreEmptyAndDeleteSaysWhetherThereWasOne() {
        assertThat(store.find("nobody")).isEmpty();
        assertThat(store.delete("nobody")).isFalse();
        store.save("work", "pw".toCharArray());
        assertThat(store.delete("work")).isTrue();
        assertThat(store.find("work")).isEmpty();
    }

    @Test
    void aLockedKeychainIsReportedWithWhatToDo() {
        keychain.failWith = KeychainApi.ERR_SEC_INTERACTION_NOT_ALLOWED;
        assertThatThrownBy(() -> store.find("icloud")).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("account icloud").hasMessageContaining("User interaction is not allowed")
                .hasMessageContaining("-25308").hasMessageContaining("unlock-keychain");
    }
}
