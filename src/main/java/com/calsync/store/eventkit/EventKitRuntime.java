package com.calsync.store.eventkit;

import com.calsync.platform.Os;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.calsync.store.StoreException;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * EventKit for the whole process: the Objective-C runtime with EventKit loaded, and the calendar
 * permission request, whose completion block EventKit may call long after the open that asked
 * stopped waiting. Make one per process and keep it as long as the process runs (the service's
 * {@code StoreOpener} does): stores and watchers are opened through it.
 */
public final class EventKitRuntime {
    /** How long an open waits for the user to answer the permission prompt. */
    static final Duration ACCESS_TIMEOUT = Duration.ofMinutes(5);
    /** How long Calendar must be quiet after a change before a watcher reports it. */
    public static final Duration CHANGE_QUIET = Duration.ofSeconds(2);

    private final ObjC objc;
    private final Foundation ns;
    private final EventKitAccess access;

    EventKitRuntime(ObjC objc) {
        this.objc = objc;
        this.ns = new Foundation(objc);
        this.access = new EventKitAccess(ns);
    }

    /**
     * Apple's runtime with EventKit.framework.
     *
     * @throws StoreException off macOS, or when EventKit cannot be loaded
     */
    public static EventKitRuntime load(Os os) {
        if (!os.isMac()) {
            throw new StoreException("EventKit calendars exist only on macOS, and this is " + os.name());
        }
        try {
            ObjC objc = ObjC.forOs(os);
            NativeLibrary.getInstance("EventKit");
            return new EventKitRuntime(objc);
        } catch (ObjCUnavailableException | UnsatisfiedLinkError e) {
            throw new StoreException("cannot load EventKit: " + e.getMessage(), e);
        }
    }

    ObjC objc() {
        return objc;
    }

    EventKitAccess access() {
        return access;
    }

    /**
     * Runs {@code listener} (on EventKit's thread) when the user grants calendar access in answer to
     * CalSync's request, even long after the open that asked gave up waiting: time to sync the
     * EventKit pairs that failed for lack of it.
     */
    public void onAccessGranted(Runnable listener) {
        access.onGranted(listener);
    }

    /**
     * Opens the calendar titled {@code title} (in account {@code source} when several share the
     * title), asking for calendar access the first time.
     *
     * @param linksFile where this calendar's UID links live (CalSync's state folder)
     * @param clock     the time, and in its zone the user's: where all-day and floating events sit
     */
    public EventKitStore open(String title, Optional<String> source, Path linksFile, Clock clock) {
        return EventKitStore.open(this, title, source, UidLinksFile.at(linksFile), clock, clock.getZone(), ACCESS_TIMEOUT);
    }

    /**
     * Watches the calendar titled {@code title} for changes with an event store of its own that
     * stays open until the watcher is closed. It never asks for access (opening a store does).
     *
     * @param onChange runs on a timer thread once Calendar has been quiet for {@link #CHANGE_QUIET} after a change
     * @throws StoreException when CalSync has no access yet, or the calendar is not there
     */
    public EventKitWatcher watch(String title, Optional<String> source, Runnable onChange) {
        return EventKitWatcher.open(this, title, source,
                new Debouncer(CHANGE_QUIET, Debouncer.Scheduler.onThread("eventkit-changes " + title)), onChange);
    }

    /**
     * Every event calendar on this Mac, for a person to pick from (the Settings window), asking for
     * calendar access the first time.
     *
     * @throws StoreException when access is refused (the message says where to allow it)
     */
    public List<EventKitCalendar> calendars() {
        return EventKitDirectory.list(this, ACCESS_TIMEOUT);
    }
}
