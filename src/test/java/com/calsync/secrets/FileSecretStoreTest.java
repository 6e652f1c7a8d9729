package com.calsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void passwordsRoundTripInAFileOnlyTheUserCanRead() throws Exception {
        Path file = dir.resolve("config/secrets.json");
        new FileSecretStore(file).save("icloud", "pä$$wörd 密码 🔑".toCharArray());
        new FileSecretStore(file).save("work", "second".toCharArray());

        FileSecretStore reopened = new FileSecretStore(file);
        assertThat(reopened.find("icloud")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("pä$$wörd 密码 🔑"));
        assertThat(reopened.find("nobody")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(reopened.delete("icloud")).isTrue();
        assertThat(reopened.delete("icloud")).isFalse();
        assertThat(reopened.find("icloud")).isEmpty();
        assertThat(reopened.find("work")).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
