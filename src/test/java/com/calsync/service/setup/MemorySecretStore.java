package com.calsync.service.setup;

import com.calsync.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Passwords in memory, for setup tests that need no keyring (SettingsWindowTest uses the real Secret Service). */
final class MemorySecretStore implements SecretStore {
    final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Override
    public String describe() {
        return "the test's memory";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<char[]> find(String account) {
        return Optional.ofNullable(passwords.get(account)).map(String::toCharArray);
    }

    @Override
    public void save(String account, char[] password) {
        passwords.put(account, new String(password));
    }

    @Override
    public boolean delete(String account) {
        return passwords.remove(account) != null;
    }
}
