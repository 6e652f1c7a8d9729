package com.calsync.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates folders (0700) and files (0600) that only the user can read: config, state and logs
 * describe someone's calendars. On file systems without POSIX permissions the defaults apply.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and missing parents; the folders created get 0700. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, asAttribute(DIR));
                Files.setPosixFilePermissions(absolute, DIR); // the umask may have cut the attribute
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return absolute;
    }

    /**
     * Writes a new 0600 file atomically (temp file + rename) and only if {@code file} does not
     * exist yet, so a file someone else just created is never overwritten; missing folders get 0700.
     *
     * @throws FileAlreadyExistsException when {@code file} exists
     */
    public static void writeNew(Path file, String text) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeNew(file, text, AtomicFiles.Access.OWNER_ONLY);
    }

    private static boolean posix(Path existing) throws IOException {
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
