package com.calsync.service;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.AtomicFiles;
import com.calsync.platform.PrivateFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service per CALSYNC_HOME: an OS file lock on {@code state/calsync.lock} (released by the
 * kernel when the process dies, even by {@code kill -9}) plus a pid file for people and
 * commands. Whoever gets the lock knows any pid file or socket already there is stale, and
 * removes them.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InstanceLock.class);

    private final FileChannel channel;
    private final FileLock lock;
    private final Path pidFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
        this.channel = channel;
        this.lock = lock;
        this.pidFile = pidFile;
    }

    public static Path lockFile(CalSyncPaths paths) {
        return paths.stateDir().resolve("calsync.lock");
    }

    /**
     * Takes the lock, cleans up what a killed service left, and writes this process's pid.
     *
     * @throws AlreadyRunningException when a live service holds the lock
     */
    public static InstanceLock acquire(CalSyncPaths paths, long pid) throws IOException, AlreadyRunningException {
        PrivateFiles.createDirectories(paths.stateDir());
        Path lockFile = lockFile(paths);
        FileChannel channel = Files.exists(lockFile)
                ? FileChannel.open(lockFile, StandardOpenOption.WRITE)
                : FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already holds it (a second service in one process)
        }
        if (lock == null) {
            channel.close();
            throw new AlreadyRunningException(paths.stateDir(), readPid(paths.pidFile()));
        }
        InstanceLock acquired = new InstanceLock(channel, lock, paths.pidFile());
        try {
            acquired.cleanUpAfterKilledService(paths);
            AtomicFiles.write(paths.pidFile(), pid + "\n", AtomicFiles.Access.OWNER_ONLY);
        } catch (IOException | AlreadyRunningException e) {
            acquired.close();
            throw e;
        }
        return acquired;
    }

    private void cleanUpAfterKilledService(CalSyncPaths paths) throws IOException, AlreadyRunningException {
        Path socket = paths.controlSocket();
        if (Files.exists(socket)) {
            if (answers(socket)) {
                // someone serves this socket without holding the lock: not ours to remove
                throw new AlreadyRunningException(paths.stateDir(), readPid(paths.pidFile()));
            }
            log.info("removing the stale control socket {}", socket);
            Files.deleteIfExists(socket);
        }
        OptionalLong stalePid = readPid(paths.pidFile());
        if (stalePid.isPresent()) {
            log.info("removing the pid file of a CalSync that ended without cleaning up (pid {}, {})", stalePid.getAsLong(),
                    ProcessHandle.of(stalePid.getAsLong()).map(p -> p.isAlive() ? "pid now reused" : "gone").orElse("gone"));
            Files.deleteIfExists(paths.pidFile());
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid in a pid file, if it holds one ({@link PidFile#read}). */
    public static OptionalLong readPid(Path pidFile) {
        return PidFile.read(pidFile);
    }

    /** Removes the pid file and releases the lock (the lock file stays: deleting it would race). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(pidFile);
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        }
    }
}
