package com.calsync.service;

import com.calsync.platform.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One sync of a pair at a time, across processes: an OS lock on a file beside the pair's state
 * database, holding the pid of the process that syncs it. Two runs of one pair at once would
 * each take the other's writes for edits made while they wrote (hundreds of "changed while
 * CalSync was writing it"); the second run waits for the first, and after a while says which
 * process holds the pair. The kernel releases the lock when the holder dies, even by kill -9.
 */
public final class PairRunLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;

    private PairRunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another run in this one) syncs the pair and did not finish in time. */
    public static final class PairBusyException extends Exception {
        private final OptionalLong holder;

        PairBusyException(String message, OptionalLong holder) {
            super(message);
            this.holder = holder;
        }

        /** The pid of the process syncing the pair, when it wrote one. */
        public OptionalLong holder() {
            return holder;
        }
    }

    /**
     * Takes the pair's lock, waiting up to {@code wait} while another run holds it.
     *
     * @param pair     the pair's name, for the message
     * @param lockFile where the lock lives (created 0600 when missing)
     * @param pid      this process's pid, written into the file for whoever waits next
     * @throws PairBusyException when the lock stayed taken for all of {@code wait}
     */
    public static PairRunLock acquire(String pair, Path lockFile, long pid, Duration wait)
            throws IOException, PairBusyException {
        PrivateFiles.createDirectories(lockFile.toAbsolutePath().getParent());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileChannel channel = open(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a run in this very process holds it
            }
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(false);
                return new PairRunLock(channel, lock);
            }
            channel.close();
            if (System.nanoTime() - deadline >= 0) {
                OptionalLong holder = holder(lockFile);
                throw new PairBusyException("pair \"" + pair + "\" is being synced by "
                        + (holder.isPresent() ? "another CalSync process (pid " + holder.getAsLong() + ")"
                                : "another CalSync run") + " and was still busy after " + wait.toSeconds()
                        + " s; this run leaves it alone. Try again when that one has finished"
                        + " (calsync status shows what the background service is doing)", holder);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PairBusyException("interrupted while waiting for pair \"" + pair + "\"", holder(lockFile));
            }
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        if (Files.exists(lockFile)) {
            return FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** The pid the holder wrote, if it is there (POSIX locks are advisory: the file stays readable). */
    static OptionalLong holder(Path lockFile) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(lockFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Releases the lock; the file stays (deleting it would let two runs lock two different files). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
