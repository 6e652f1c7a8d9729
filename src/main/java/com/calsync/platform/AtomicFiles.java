package com.calsync.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: the content goes to a dot-prefixed temp file in the same
 * folder, which is then renamed onto the file ({@code ATOMIC_MOVE}), so a reader — or CalSync
 * after a crash — finds the old content or the new, never half of it. The folder must exist.
 *
 * <p>Like the hand-written copies this replaced, it does not fsync: the rename is atomic against a
 * crash of the process, and a power cut may lose the newest write but leaves no torn file.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    /** Keeps temp names well below the usual 255-byte limit for a name. */
    private static final int MAX_NAME_IN_TEMP = 100;

    private AtomicFiles() {
    }

    /** Who may read a file written here. */
    public enum Access {
        /** 0600 where the file system has POSIX permissions: config, state, secrets, login items. */
        OWNER_ONLY,
        /** What any new file gets (0666 less the umask): files other tools share, such as a vdir folder. */
        DEFAULT
    }

    /** Replaces (or creates) {@code file} with {@code content}. */
    public static void write(Path file, byte[] content, Access access) throws IOException {
        Path temp = writeTemp(file, content, access);
        try {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces (or creates) {@code file} with {@code text} in UTF-8. */
    public static void write(Path file, String text, Access access) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), access);
    }

    /**
     * Creates {@code file} with {@code text} in UTF-8, only if no file has that name yet: a file
     * someone else just created is never overwritten. The name is taken with a hard link, which
     * fails atomically when it exists (on case-insensitive file systems also in another case);
     * where the file system has no hard links, a check before the rename has to do.
     *
     * @throws FileAlreadyExistsException when {@code file} exists
     */
    public static void writeNew(Path file, String text, Access access) throws IOException {
        Path temp = writeTemp(file, text.getBytes(StandardCharsets.UTF_8), access);
        try {
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                moveIntoPlaceIfAbsent(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlaceIfAbsent(Path temp, Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }

    private static Path writeTemp(Path file, byte[] content, Access access) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        String base = "." + (name.length() > MAX_NAME_IN_TEMP ? name.substring(0, MAX_NAME_IN_TEMP) : name) + ".";
        boolean ownerOnly = access == Access.OWNER_ONLY && Files.getFileStore(dir).supportsFileAttributeView("posix");
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        ownerOnly ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                                : new FileAttribute<?>[0]);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue; // another writer's temp file: pick another name
                }
                throw e;
            }
            try (channel) {
                if (ownerOnly) {
                    Files.setPosixFilePermissions(temp, OWNER_READ_WRITE); // the umask may have cut the attribute
                }
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return temp;
        }
    }
}
