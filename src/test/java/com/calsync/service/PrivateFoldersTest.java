package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFoldersTest {
    @TempDir
    Path home;

    @Test
    void aStateFolderLeftOpenIsMadePrivateOnStartAndStatusWarnsBefore() throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.named("Linux"), home);
        Path db = write(paths.dbDir().resolve("work.db"));
        Path journal = write(paths.journalDir().resolve("work/2026-11-26/event.ics"));
        Path log = write(paths.logDir().resolve("calsync.log"));
        Path link = paths.stateDir().resolve("link-to-elsewhere");
        Path outside = write(home.resolve("not-ours.txt"));
        Files.createSymbolicLink(link, outside);
        for (Path dir : new Path[] {paths.stateDir(), paths.dbDir(), paths.journalDir(), paths.logDir()}) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        assertThat(PrivateFolders.warnings(paths)).hasSize(3)
                .allSatisfy(w -> assertThat(w).contains("can be read by other users (rwxr-xr-x)", "chmod -R go-rwx"));

        assertThat(PrivateFolders.secure(paths)).isGreaterThanOrEqualTo(7);

        for (Path dir : new Path[] {paths.stateDir(), paths.dbDir(), paths.journalDir(), paths.logDir()}) {
            assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
        for (Path file : new Path[] {db, journal, log}) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(outside)).as("a symlink's target is not ours to change").isEqualTo("rw-r--r--");
        assertThat(PrivateFolders.warnings(paths)).isEmpty();
        assertThat(PrivateFolders.secure(paths)).as("nothing left to fix").isZero();
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "private");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
