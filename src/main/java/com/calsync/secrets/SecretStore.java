package com.calsync.secrets;

import java.util.Optional;

/**
 * Where account passwords live, by account name (the key under {@code accounts} in config.json):
 * the macOS Keychain, the Secret Service on Linux, or a private file as the last resort.
 * Implementations never log passwords; callers clear the arrays they get when done.
 */
public interface SecretStore {
    /** A short description for messages: "the macOS Keychain". */
    String describe();

    /** Whether this store can be used on this machine right now (library present, service running). */
    boolean isAvailable();

    Optional<char[]> find(String account);

    /** Stores (or replaces) the password of {@code account}. */
    void save(String account, char[] password);

    /** Removes the password; false when there was none. */
    boolean delete(String account);
}
