package com.calsync.sync;

import com.calsync.store.StoreUnavailableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The target side's read, either on a thread of its own while this one reads the source
 * ({@link #beside}), or on this thread afterwards ({@link #after}). Whatever the target's read
 * throws comes out of {@link #target()} as it was thrown; an interrupt of the run (its deadline)
 * reaches the read on the other thread too.
 */
final class SideReads {
    private final Callable<SideSnapshot> read;
    private final FutureTask<SideSnapshot> beside;

    private SideReads(Callable<SideSnapshot> read, FutureTask<SideSnapshot> beside) {
        this.read = read;
        this.beside = beside;
    }

    /** Starts {@code read} now on a thread of its own. */
    static SideReads beside(Callable<SideSnapshot> read, String pair) {
        FutureTask<SideSnapshot> task = new FutureTask<>(read);
        Thread thread = new Thread(task, "calsync-read-target-" + pair);
        thread.setDaemon(true);
        thread.start();
        return new SideReads(read, task);
    }

    /** Runs {@code read} when {@link #target()} is asked for. */
    static SideReads after(Callable<SideSnapshot> read) {
        return new SideReads(read, null);
    }

    /** The source's read failed: the target's is not needed any more. */
    void cancel() {
        if (beside != null) {
            beside.cancel(true);
        }
    }

    /** The target's snapshot, waiting for its read when it runs beside. */
    SideSnapshot target() {
        try {
            return beside == null ? read.call() : beside.get();
        } catch (InterruptedException e) {
            beside.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("the run was stopped while reading the target", null, e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (CancellationException e) {
            throw new StoreUnavailableException("the target's read was cancelled", null, e);
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        // reader.read throws no checked exception; keep anything else with its cause
        return new IllegalStateException("reading the target failed: " + cause, cause);
    }
}
