package com.calsync.secrets;

import com.calsync.platform.Os;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an account's password without it ever being written in config.json: first the
 * environment variable {@code CALSYNC_PASSWORD_<ACCOUNT>} (for headless use and CI), then each
 * {@link SecretStore} in turn — the platform's (Keychain on macOS, Secret Service on Linux), then
 * the 0600 file ({@link PlatformSecretStores}).
 */
public final class PasswordLookup {
    private static final Logger log = LoggerFactory.getLogger(PasswordLookup.class);
    private final Map<String, String> env;
    private final java.util.function.Supplier<List<SecretStore>> stores;
    private List<SecretStore> resolved;

    /** Only the environment variable. */
    public PasswordLookup(Map<String, String> env) {
        this(env, List.of());
    }

    /** The environment variable, then {@code stores} in order. */
    public PasswordLookup(Map<String, String> env, List<SecretStore> stores) {
        this(env, () -> List.copyOf(stores));
    }

    /** The stores are found on first need: probing a keyring costs time and may prompt. */
    private PasswordLookup(Map<String, String> env, java.util.function.Supplier<List<SecretStore>> stores) {
        this.env = env;
        this.stores = stores;
    }

    /**
     * The lookup for this machine: the environment, then the Keychain (macOS) or Secret Service
     * (Linux) when usable, then {@code secrets.json} in {@code configDir}.
     */
    public static PasswordLookup forThisMachine(Map<String, String> env, Os os, java.nio.file.Path configDir) {
        return new PasswordLookup(env, () -> PlatformSecretStores.detect(os, configDir).lookupOrder());
    }

    /** The variable that holds {@code account}'s password. */
    public static String variableFor(String account) {
        return "CALSYNC_PASSWORD_" + account.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<char[]> find(String account) {
        Optional<char[]> fromEnv = Optional.ofNullable(env.get(variableFor(account))).filter(v -> !v.isEmpty())
                .map(String::toCharArray);
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        for (SecretStore store : stores()) {
            try {
                Optional<char[]> found = store.find(account);
                if (found.isPresent()) {
                    return found;
                }
            } catch (SecretStoreException e) {
                // a locked keyring must not hide a password the next store has
                log.warn("{}; trying the next place", e.getMessage());
            }
        }
        return Optional.empty();
    }

    private synchronized List<SecretStore> stores() {
        if (resolved == null) {
            resolved = stores.get();
        }
        return resolved;
    }

    /** Where a user should put the password when none was found. */
    public static String howToSet(String account) {
        return "run `calsync account add " + account + "` to store it (Keychain / Secret Service), or set the"
                + " environment variable " + variableFor(account) + " to the account's password";
    }
}
