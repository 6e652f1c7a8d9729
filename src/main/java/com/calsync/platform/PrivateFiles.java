package com.calsync.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates folders (0700) and files (0600) that only the user can read: config, state and logs
 * describe someone's calendars. On file systems without POSIX permissions the defaults apply.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

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

    /**
     * Makes {@code root} and every folder below it 0700 and every file 0600, fixing what an older
     * version, a restore or a umask left open. Symbolic links are neither followed nor changed.
     * Nothing happens on file systems without POSIX permissions or when {@code root} is missing.
     *
     * @return what was changed, for one line in the log
     */
    public static List<Path> makePrivate(Path root) throws IOException {
        List<Path> changed = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
            return changed;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                tighten(dir, DIR, changed);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isSymbolicLink()) {
                    tighten(file, FILE, changed);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished meanwhile (a rolled log): nothing to protect
            }
        });
        return changed;
    }

    /**
     * The permissions of {@code dir} as {@code ls} shows them ({@code rwxr-xr-x}) when group or
     * others may use it; empty when it is private, missing or not on a POSIX file system.
     */
    public static Optional<String> openToOthers(Path dir) {
        try {
            if (!Files.isDirectory(dir) || !posix(dir)) {
                return Optional.empty();
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            return perms.stream().anyMatch(OTHERS::contains) ? Optional.of(PosixFilePermissions.toString(perms))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted, List<Path> changed) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> kept = new java.util.HashSet<>(now);
        kept.removeAll(OTHERS);
        // keep the owner's own bits (an executable stays executable), only take others' away,
        // and make sure the owner can still use it
        kept.addAll(wanted);
        if (!kept.equals(now)) {
            Files.setPosixFilePermissions(path, kept);
            changed.add(path);
        }
    }

    private static boolean posix(Path existing) throws IOException {
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
