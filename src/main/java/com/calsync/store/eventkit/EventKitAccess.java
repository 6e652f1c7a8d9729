package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.Block;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.NSErrorInfo;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.StoreException;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calendar permission: reads {@code authorizationStatusForEntityType:} and, when the user was
 * never asked, asks — {@code requestFullAccessToEventsWithCompletion:} on macOS 14 and later,
 * {@code requestAccessToEntityType:completion:} before. The completion handler may run on any
 * thread; the caller waits for it.
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

    private final ObjC objc;
    private final Foundation ns;

    EventKitAccess(Foundation ns) {
        this.ns = ns;
        this.objc = ns.objc();
    }

    long status() {
        return objc.sendLong(objc.cls("EKEventStore"), "authorizationStatusForEntityType:", ENTITY_TYPE_EVENT);
    }

    /** Returns when CalSync may read and write events; otherwise says what the user has to do. */
    void ensure(Pointer eventStore, Duration timeout) {
        long status = status();
        if (status == FULL_ACCESS) {
            return;
        }
        if (status != NOT_DETERMINED) {
            throw denied(status, Optional.empty());
        }
        CompletableFuture<Optional<NSErrorInfo>> answer = new CompletableFuture<>();
        Block.BoolErrorHandler handler = (block, granted, error) -> {
            Optional<NSErrorInfo> info = ns.error(error);
            if (granted != 0) {
                answer.complete(Optional.empty());
            } else {
                answer.complete(Optional.of(info.orElse(new NSErrorInfo("EKErrorDomain", 0, "access was not granted"))));
            }
        };
        Block block = Block.of(objc, handler);
        if (objc.respondsTo(eventStore, "requestFullAccessToEventsWithCompletion:")) {
            objc.sendVoid(eventStore, "requestFullAccessToEventsWithCompletion:", block.pointer());
        } else {
            objc.sendVoid(eventStore, "requestAccessToEntityType:completion:", ENTITY_TYPE_EVENT, block.pointer());
        }
        Optional<NSErrorInfo> refusal;
        try {
            refusal = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("macOS did not answer CalSync's request for calendar access within "
                    + timeout.toSeconds() + " s; allow CalSync in " + WHERE_TO_ALLOW + " and start the sync again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for calendar access", e);
        } catch (ExecutionException e) {
            throw new StoreException("asking for calendar access failed: " + e.getCause().getMessage(), e.getCause());
        }
        if (refusal.isPresent()) {
            throw denied(DENIED, refusal);
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
