package com.calsync.secrets;

import com.calsync.platform.linux.LibSecret;
import com.calsync.platform.linux.LibSecret.LibSecretException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passwords in the freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret
 * ({@link LibSecret}), under the schema {@value #SCHEMA} with attributes {@code service} and
 * {@code account}.
 */
public final class SecretServiceStore implements SecretStore {
    public static final String SCHEMA = "com.calsync.Password";

    private final LibSecret secret;

    private SecretServiceStore(LibSecret secret) {
        this.secret = secret;
    }

    /** Loads libsecret; fails with what to install when it is missing. */
    public static SecretServiceStore load() {
        try {
            return new SecretServiceStore(LibSecret.load(SCHEMA, List.of("service", "account")));
        } catch (UnsatisfiedLinkError e) {
            throw new SecretStoreException("libsecret is not installed (" + e.getMessage()
                    + "); install it with `apt-get install libsecret-1-0` (or your distribution's libsecret package)", e);
        }
    }

    @Override
    public String describe() {
        return "the Secret Service (GNOME Keyring / KWallet)";
    }

    /** Whether a Secret Service answers on the session bus (a lookup that finds nothing counts). */
    @Override
    public boolean isAvailable() {
        try {
            find("calsync-availability-probe");
            return true;
        } catch (SecretStoreException e) {
            return false;
        }
    }

    @Override
    public Optional<char[]> find(String account) {
        Optional<byte[]> found;
        try {
            found = secret.lookup(attributes(account));
        } catch (LibSecretException e) {
            throw failed(e, "read the password of account " + account + " from");
        }
        return found.map(bytes -> {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            return Arrays.copyOf(chars.array(), chars.limit());
        });
    }

    @Override
    public void save(String account, char[] password) {
        byte[] bytes = KeychainSecretStore.utf8(password);
        try {
            secret.store(attributes(account), "CalSync: " + account, bytes);
        } catch (LibSecretException e) {
            throw failed(e, "store the password of account " + account + " in");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean delete(String account) {
        try {
            return secret.clear(attributes(account));
        } catch (LibSecretException e) {
            throw failed(e, "delete the password of account " + account + " from");
        }
    }

    private static Map<String, String> attributes(String account) {
        return Map.of("service", KeychainSecretStore.SERVICE, "account", account);
    }

    private static SecretStoreException failed(LibSecretException e, String what) {
        return new SecretStoreException("could not " + what + " the Secret Service: " + e.getMessage()
                + " (is a keyring such as gnome-keyring running and unlocked in this session?)");
    }
}
