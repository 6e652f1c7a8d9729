package com.calsync.secrets;

import com.calsync.platform.Os;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret stores of this machine, in lookup order: the platform's own (Keychain on macOS,
 * Secret Service elsewhere) when it can be used, then the 0600 file in the config folder.
 */
public final class PlatformSecretStores {
    private static final Logger log = LoggerFactory.getLogger(PlatformSecretStores.class);
    private final Optional<SecretStore> platform;
    private final FileSecretStore file;

    PlatformSecretStores(Optional<SecretStore> platform, FileSecretStore file) {
        this.platform = platform;
        this.file = file;
    }

    /** @param configDir where {@code secrets.json} goes when nothing better exists */
    public static PlatformSecretStores detect(Os os, Path configDir) {
        Supplier<SecretStore> platform = os.isMac() ? KeychainSecretStore::system : SecretServiceStore::load;
        Optional<SecretStore> store;
        try {
            SecretStore candidate = platform.get();
            store = answersSoon(candidate) ? Optional.of(candidate) : Optional.empty();
            if (store.isEmpty()) {
                log.info("{} does not answer; passwords go to the private file instead", candidate.describe());
            }
        } catch (SecretStoreException | UnsatisfiedLinkError e) {
            log.info("no platform secret store: {}", e.getMessage());
            store = Optional.empty();
        }
        return new PlatformSecretStores(store, new FileSecretStore(configDir.resolve("secrets.json")));
    }

    /**
     * Whether the store answers within a few seconds: a keyring daemon stuck on a dead D-Bus
     * session would otherwise hang every sync that needs a password.
     */
    private static boolean answersSoon(SecretStore candidate) {
        java.util.concurrent.FutureTask<Boolean> probe = new java.util.concurrent.FutureTask<>(candidate::isAvailable);
        Thread thread = new Thread(probe, "secret-store-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("{} did not answer within 5 s; passwords are looked up in the private file instead",
                    candidate.describe());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            log.info("{} cannot be used: {}", candidate.describe(), e.getCause().getMessage());
            return false;
        }
    }

    /** Every store, in the order passwords are looked up. */
    public List<SecretStore> lookupOrder() {
        List<SecretStore> all = new ArrayList<>();
        platform.ifPresent(all::add);
        all.add(file);
        return all;
    }

    /** Where a new password is stored: the platform's store when there is one, else the file. */
    public SecretStore forSaving() {
        return platform.orElse(file);
    }
}
