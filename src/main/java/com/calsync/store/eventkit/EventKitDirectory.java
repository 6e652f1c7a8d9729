package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.List;

/**
 * The event calendars of macOS Calendar, for a person to pick from (the Settings window's
 * "Calendars on this Mac"). Asks for calendar access first when CalSync was never asked, the same
 * way opening an EventKit calendar does ({@link EventKitAccess}); the caller explains why before.
 */
public final class EventKitDirectory {
    /** How long a person may take to answer macOS's prompt. */
    static final Duration ACCESS_TIMEOUT = Duration.ofMinutes(5);

    private EventKitDirectory() {
    }

    /**
     * Every event calendar on this Mac, in EventKit's order, through the process's kept runtime (its
     * permission request outlives a prompt answered late; see {@link EventKitRuntime}).
     *
     * @throws com.calsync.store.StoreException when access is refused (the message says where to allow it)
     */
    static List<EventKitCalendar> list(EventKitRuntime runtime, Duration accessTimeout) {
        ObjC objc = runtime.objc();
        Foundation ns = new Foundation(objc);
        Pointer eventStore = objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
        try {
            if (runtime.access().ensure(eventStore, accessTimeout)) {
                // a store made before the grant lists nothing until it is reset (issue 12)
                eventStore = EventKitStore.refreshedAfterGrant(objc, ns, eventStore);
            }
            return new CalendarChooser(ns).calendars(eventStore);
        } finally {
            objc.sendVoid(eventStore, "release");
        }
    }

    /** Lists through any runtime with EventKit's classes (the tests' GNUstep stand-in). */
    static List<EventKitCalendar> list(ObjC objc, Duration accessTimeout) {
        return list(new EventKitRuntime(objc), accessTimeout);
    }
}
