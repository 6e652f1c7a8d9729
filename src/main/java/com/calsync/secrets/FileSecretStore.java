package com.calsync.secrets;

import com.calsync.platform.AtomicFiles;
import com.calsync.platform.PrivateFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwords in a JSON file only the user can read (0600), for machines with neither Keychain nor
 * Secret Service (a headless server). Anyone with the user's file access can read them, so saving
 * warns each time.
 */
public final class FileSecretStore implements SecretStore {
    private static final Logger log = LoggerFactory.getLogger(FileSecretStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public FileSecretStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "the private file " + file;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public synchronized Optional<char[]> find(String account) {
        return Optional.ofNullable(read().get(account)).map(String::toCharArray);
    }

    @Override
    public synchronized void save(String account, char[] password) {
        Map<String, String> all = read();
        all.put(account, new String(password));
        write(all);
        log.warn("The password of account {} is stored in the plain file {} (readable only by you), because no"
                + " Keychain or Secret Service is available on this machine.", account, file);
    }

    @Override
    public synchronized boolean delete(String account) {
        Map<String, String> all = read();
        if (all.remove(account) == null) {
            return false;
        }
        write(all);
        return true;
    }

    private Map<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (IOException e) {
            throw new SecretStoreException("cannot read passwords from " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Map<String, String> all) {
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(all), AtomicFiles.Access.OWNER_ONLY);
        } catch (IOException e) {
            throw new SecretStoreException("cannot write passwords to " + file + ": " + e.getMessage(), e);
        }
    }
}
