package com.calsync.secrets;

import com.calsync.platform.macos.keychain.KeychainApi;
import com.calsync.platform.macos.keychain.KeychainApi.Value;
import com.calsync.platform.macos.keychain.SecurityFramework;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Passwords as generic-password items of the login Keychain, service {@value #SERVICE}, one
 * account each, through Security.framework's SecItem calls.
 */
public final class KeychainSecretStore implements SecretStore {
    public static final String SERVICE = "com.calsync.app";
    private final KeychainApi keychain;

    public KeychainSecretStore(KeychainApi keychain) {
        this.keychain = keychain;
    }

    /** The store over the real Security.framework (macOS only). */
    public static KeychainSecretStore system() {
        try {
            return new KeychainSecretStore(new SecurityFramework());
        } catch (UnsatisfiedLinkError e) {
            throw new SecretStoreException("the macOS Keychain is not available here (Security.framework: "
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        return "the macOS Keychain";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    Map<String, Value> itemQuery(String account) {
        Map<String, Value> q = new LinkedHashMap<>();
        q.put("kSecClass", new Value.Constant("kSecClassGenericPassword"));
        q.put("kSecAttrService", new Value.Text(SERVICE));
        q.put("kSecAttrAccount", new Value.Text(account));
        return q;
    }

    @Override
    public Optional<char[]> find(String account) {
        Map<String, Value> q = itemQuery(account);
        q.put("kSecReturnData", new Value.Flag(true));
        q.put("kSecMatchLimit", new Value.Constant("kSecMatchLimitOne"));
        byte[][] found = new byte[1][];
        int status = keychain.copyMatching(q, data -> found[0] = data);
        if (status == KeychainApi.ERR_SEC_ITEM_NOT_FOUND) {
            return Optional.empty();
        }
        check(status, "read the password of account " + account + " from");
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(found[0]));
            return Optional.of(Arrays.copyOf(chars.array(), chars.limit()));
        } finally {
            Arrays.fill(found[0], (byte) 0);
        }
    }

    @Override
    public void save(String account, char[] password) {
        byte[] bytes = utf8(password);
        try {
            Map<String, Value> attributes = itemQuery(account);
            attributes.put("kSecAttrLabel", new Value.Text("CalSync: " + account));
            attributes.put("kSecValueData", new Value.Data(bytes));
            int status = keychain.add(attributes);
            if (status == KeychainApi.ERR_SEC_DUPLICATE_ITEM) {
                status = keychain.update(itemQuery(account), Map.of("kSecValueData", new Value.Data(bytes)));
            }
            check(status, "store the password of account " + account + " in");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean delete(String account) {
        int status = keychain.delete(itemQuery(account));
        if (status == KeychainApi.ERR_SEC_ITEM_NOT_FOUND) {
            return false;
        }
        check(status, "delete the password of account " + account + " from");
        return true;
    }

    private void check(int status, String what) {
        if (status == KeychainApi.ERR_SEC_SUCCESS) {
            return;
        }
        String reason = keychain.describe(status).orElse("OSStatus " + status);
        String hint = status == KeychainApi.ERR_SEC_INTERACTION_NOT_ALLOWED
                ? "; the Keychain is locked or cannot ask right now (log in to the Mac's desktop, or unlock it with"
                        + " `security unlock-keychain`)"
                : status == KeychainApi.ERR_SEC_AUTH_FAILED ? "; access was refused in the Keychain prompt" : "";
        throw new SecretStoreException("could not " + what + " the macOS Keychain: " + reason + " (" + status + ")" + hint);
    }

    static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
