package com.calsync.store.eventkit;

import com.calsync.platform.Os;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.calsync.store.StoreException;
import com.sun.jna.NativeLibrary;
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
     * Every event calendar on this Mac, in EventKit's order.
     *
     * @throws StoreException when this is not a Mac, EventKit cannot be loaded, or access is refused
     *                        (the message says where to allow it)
     */
    public static List<EventKitCalendar> onThisMac(Os os) {
        if (!os.isMac()) {
            throw new StoreException("macOS Calendar (EventKit) exists only on macOS, and this is " + os.name());
        }
        ObjC objc;
        try {
            objc = ObjC.forOs(os);
            NativeLibrary.getInstance("EventKit");
        } catch (ObjCUnavailableException | UnsatisfiedLinkError e) {
            throw new StoreException("cannot load EventKit to list the calendars on this Mac: " + e.getMessage(), e);
        }
        return list(objc, ACCESS_TIMEOUT);
    }

    /** Lists through any runtime with EventKit's classes (the real one, or the tests' stand-in). */
    static List<EventKitCalendar> list(ObjC objc, Duration accessTimeout) {
        Foundation ns = new Foundation(objc);
        Pointer eventStore = objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
        try {
            new EventKitAccess(ns).ensure(eventStore, accessTimeout);
            return new CalendarChooser(ns).calendars(eventStore);
        } finally {
            objc.sendVoid(eventStore, "release");
        }
    }
}
