package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.Block;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.NSErrorInfo;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.StoreException;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calendar permission: reads {@code authorizationStatusForEntityType:} and, when the user was
 * never asked, asks — {@code requestFullAccessToEventsWithCompletion:} on macOS 14 and later,
 * {@code requestAccessToEntityType:completion:} before.
 *
 * <p>One per process ({@link EventKitRuntime} holds it). The user may answer the prompt long after
 * the open that asked has stopped waiting, and EventKit then calls the completion block "on an
 * arbitrary queue" (Apple, {@code requestAccess(to:completion:)}). So every block handed to
 * EventKit, and the JNA callback inside it, stays referenced here for good (a freed callback would
 * be a jump into freed memory), and while a request is unanswered every further open waits for
 * that same request instead of sending another.
 */
final class EventKitAccess {
    static final long ENTITY_TYPE_EVENT = 0;
    static final String WHERE_TO_ALLOW = "System Settings › Privacy & Security › Calendars";

    /** EKAuthorizationStatus raw values. */
    static final long NOT_DETERMINED = 0;
    static final long RESTRICTED = 1;
    static final long DENIED = 2;
    static final long FULL_ACCESS = 3;
    static final long WRITE_ONLY = 4;
    private static final Logger log = LoggerFactory.getLogger(EventKitAccess.class);

    private final ObjC objc;
    private final Foundation ns;
    private final List<Runnable> grantListeners = new CopyOnWriteArrayList<>();
    private final List<Block> blocksGiven = new ArrayList<>(); // guarded by this; never emptied
    private CompletableFuture<Optional<NSErrorInfo>> pending; // guarded by this
    private int requestsSent; // guarded by this

    EventKitAccess(Foundation ns) {
        this.ns = ns;
        this.objc = ns.objc();
    }

    long status() {
        return objc.sendLong(objc.cls("EKEventStore"), "authorizationStatusForEntityType:", ENTITY_TYPE_EVENT);
    }

    /** Runs {@code listener} (on EventKit's thread) each time the user grants access to a request of ours. */
    void onGranted(Runnable listener) {
        grantListeners.add(listener);
    }

    /** How many requests went to EventKit in this process. */
    synchronized int requestsSent() {
        return requestsSent;
    }

    /**
     * Returns when CalSync may read and write events; otherwise says what the user has to do.
     *
     * @return true when access was granted just now, by an answer to a request: an
     *     {@code EKEventStore} made before the answer lists no calendars until it is reset
     */
    boolean ensure(Pointer eventStore, Duration timeout) {
        long status = status();
        if (status == FULL_ACCESS) {
            return false;
        }
        if (status != NOT_DETERMINED) {
            throw denied(status, Optional.empty());
        }
        CompletableFuture<Optional<NSErrorInfo>> answer = request(eventStore);
        Optional<NSErrorInfo> refusal;
        try {
            refusal = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("macOS has not yet answered CalSync's request for calendar access (waited "
                    + timeout.toSeconds() + " s). Answer the prompt, or allow CalSync in " + WHERE_TO_ALLOW
                    + "; CalSync syncs as soon as access is granted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for calendar access", e);
        } catch (ExecutionException e) {
            throw new StoreException("asking for calendar access failed: " + e.getCause().getMessage(), e.getCause());
        }
        if (refusal.isPresent()) {
            throw denied(DENIED, refusal);
        }
        return true;
    }

    /** The request still waiting for the user, or a new one. */
    private synchronized CompletableFuture<Optional<NSErrorInfo>> request(Pointer eventStore) {
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        CompletableFuture<Optional<NSErrorInfo>> answer = new CompletableFuture<>();
        Block.BoolErrorHandler handler = (block, granted, error) -> answered(answer, granted != 0, ns.error(error));
        Block block = Block.of(objc, handler);
        blocksGiven.add(block);
        pending = answer;
        requestsSent++;
        if (objc.respondsTo(eventStore, "requestFullAccessToEventsWithCompletion:")) {
            objc.sendVoid(eventStore, "requestFullAccessToEventsWithCompletion:", block.pointer());
        } else {
            objc.sendVoid(eventStore, "requestAccessToEntityType:completion:", ENTITY_TYPE_EVENT, block.pointer());
        }
        return answer;
    }

    private void answered(CompletableFuture<Optional<NSErrorInfo>> answer, boolean granted, Optional<NSErrorInfo> error) {
        if (!granted) {
            log.warn("calendar access was not granted{}; allow CalSync in {}", error.map(e -> " (" + e + ")").orElse(""),
                    WHERE_TO_ALLOW);
            answer.complete(Optional.of(error.orElse(new NSErrorInfo("EKErrorDomain", 0, "access was not granted"))));
            return;
        }
        log.info("calendar access granted");
        answer.complete(Optional.empty());
        for (Runnable listener : grantListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("a listener for granted calendar access failed", e);
            }
        }
    }

    static StoreException denied(long status, Optional<NSErrorInfo> error) {
        String why = status == RESTRICTED ? "calendar access is restricted on this Mac (by a profile or parental controls)"
                : status == WRITE_ONLY ? "CalSync may only add events, not read them (write-only access)"
                : "CalSync is not allowed to use your calendars";
        return new StoreException(why + error.map(e -> " (" + e + ")").orElse("") + ". Open " + WHERE_TO_ALLOW
                + ", turn CalSync on with Full Access, then run the sync again.");
    }
}
