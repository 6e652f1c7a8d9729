package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordLookupTest {
    @TempDir
    Path dir;

    /** A platform store whose keyring is locked. */
    private static final SecretStore LOCKED = new SecretStore() {
        public String describe() {
            return "a locked keyring";
        }

        public boolean isAvailable() {
            return true;
        }

        public Optional<char[]> find(String account) {
            throw new SecretStoreException("could not read the password of account " + account + ": locked");
        }

        public void save(String account, char[] password) {
            throw new SecretStoreException("locked");
        }

        public boolean delete(String account) {
            return false;
        }
    };

    @Test
    void theEnvironmentVariableComesFirstThenEachStoreInOrder() {
        FileSecretStore first = new FileSecretStore(dir.resolve("a.json"));
        FileSecretStore second = new FileSecretStore(dir.resolve("b.json"));
        first.save("icloud", "from-first".toCharArray());
        second.save("icloud", "from-second".toCharArray());
        second.save("work", "work-from-second".toCharArray());

        PasswordLookup lookup = new PasswordLookup(Map.of("CALSYNC_PASSWORD_WORK_2", "from-env"), List.of(first, second));
        second.save("work-2", "shadowed".toCharArray());

        assertThat(lookup.find("work-2").map(String::new)).contains("from-env");
        assertThat(lookup.find("icloud").map(String::new)).contains("from-first");
        assertThat(lookup.find("work").map(String::new)).contains("work-from-second");
        assertThat(lookup.find("nobody")).isEmpty();
    }

    @Test
    void aFailingStoreDoesNotHideTheNextOne() {
        FileSecretStore file = new FileSecretStore(dir.resolve("s.json"));
        file.save("icloud", "pw".toCharArray());
        assertThat(new PasswordLookup(Map.of(), List.of(LOCKED, file)).find("icloud").map(String::new)).contains("pw");
    }

    @Test
    void theEnvOnlyLookupStillWorksAndTheHintNamesBothWays() {
        assertThat(new PasswordLookup(Map.of("CALSYNC_PASSWORD_ICLOUD", "x")).find("icloud").map(String::new)).contains("x");
        assertThat(PasswordLookup.howToSet("icloud")).contains("calsync account add icloud", "CALSYNC_PASSWORD_ICLOUD");
    }
}
