package com.calsync.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * Finds an account's password without it ever being written in config.json: first the
 * environment variable {@code CALSYNC_PASSWORD_<ACCOUNT>} (for headless use and CI). The
 * Keychain, Secret Service and the 0600 file come next in the lookup order (DESIGN.md) once
 * they are built; until then the variable is the only place.
 */
public final class PasswordLookup {
    private final Map<String, String> env;

    public PasswordLookup(Map<String, String> env) {
        this.env = env;
    }

    /** The variable that holds {@code account}'s password. */
    public static String variableFor(String account) {
        return "CALSYNC_PASSWORD_" + account.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<char[]> find(String account) {
        return Optional.ofNullable(env.get(variableFor(account))).filter(v -> !v.isEmpty()).map(String::toCharArray);
    }

    /** Where a user should put the password when none was found. */
    public static String howToSet(String account) {
        return "set the environment variable " + variableFor(account) + " to the account's password";
    }
}
