package com.calsync.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.AtomicFiles.Access;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writeCreatesThenReplacesAndLeavesNoTempFileBehind() throws IOException {
        Path file = dir.resolve("status.json");
        AtomicFiles.write(file, "one — 一", Access.DEFAULT);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("one — 一");

        AtomicFiles.write(file, new byte[] {'t', 'w', 'o'}, Access.DEFAULT);
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(names()).containsExactly("status.json");
    }

    @Test
    void ownerOnlyFilesAre0600EvenWhenTheyReplaceAWiderOne() throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.write(file, "new", Access.OWNER_ONLY);

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void defaultFilesGetWhatAnyNewFileGets() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.ics"));
        Path file = dir.resolve("item.ics");

        AtomicFiles.write(file, "BEGIN:VCALENDAR", Access.DEFAULT);

        assertThat(permissions(file)).isEqualTo(permissions(plain));
    }

    @Test
    void writeNewNeverReplacesAFile() throws IOException {
        Path file = dir.resolve("config.json");
        AtomicFiles.writeNew(file, "{}", Access.OWNER_ONLY);
        assertThat(Files.readString(file)).isEqualTo("{}");
        assertThat(permissions(file)).isEqualTo("rw-------");

        assertThatThrownBy(() -> AtomicFiles.writeNew(file, "{ \"other\": 1 }", Access.OWNER_ONLY))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("{}");
        assertThat(names()).containsExactly("config.json");
    }

    @Test
    void aNameNearTheFileSystemsLimitStillGetsATempFile() throws IOException {
        Path file = dir.resolve("x".repeat(240) + ".ics");
        AtomicFiles.write(file, "a", Access.DEFAULT);
        AtomicFiles.write(file, "b", Access.DEFAULT);
        assertThat(Files.readString(file)).isEqualTo("b");
        assertThat(names()).containsExactly(file.getFileName().toString());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(folder.resolve("inside"), "x");
        // a non-empty folder cannot be replaced by a file: the rename fails after the temp file is written
        assertThatThrownBy(() -> AtomicFiles.write(folder, "text", Access.DEFAULT)).isInstanceOf(IOException.class);
        assertThat(names()).containsExactly("taken");
    }

    @Test
    void privateFilesWriteNewMakesItsFoldersPrivateToo() throws IOException {
        Path file = dir.resolve("a/b/config.json");
        PrivateFiles.writeNew(file, "{}");
        assertThat(permissions(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }
}
