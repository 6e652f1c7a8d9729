package com.calsync.store.eventkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.calsync.platform.Os;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.CalendarStore;
import com.calsync.store.CalendarStoreContract;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * The store contract against the real EventKit, on a Mac where CalSync's test runner already has
 * Full Access to calendars (System Settings › Privacy & Security › Calendars). Each test gets a
 * new local calendar "CalSync contract …", removed afterwards. Skipped, with the reason, when
 * access was not granted — a CI runner cannot click the permission prompt.
 */
@Tag("macos")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class EventKitMacContractTest extends CalendarStoreContract {
    private ObjC objc;
    private Pointer eventStore;
    private Pointer calendar;

    @Override
    protected CalendarStore newEmptyStore() {
        objc = ObjC.forOs(Os.MACOS);
        NativeLibrary.getInstance("EventKit");
        Foundation ns = new Foundation(objc);
        long status = new EventKitAccess(ns).status();
        assumeTrue(status == EventKitAccess.FULL_ACCESS,
                "needs Full Access to calendars for the process running the tests (status " + status + ")");
        String title = "CalSync contract " + run;
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            eventStore = objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
            Pointer source = null;
            for (Pointer s : ns.list(objc.send(eventStore, "sources"))) {
                if (objc.sendLong(s, "sourceType") == 0 /* EKSourceTypeLocal */) {
                    source = s;
                }
            }
            if (source == null) {
                source = objc.send(objc.send(eventStore, "defaultCalendarForNewEvents"), "source");
            }
            calendar = objc.send(objc.send(objc.cls("EKCalendar"), "calendarForEntityType:eventStore:", 0L, eventStore), "retain");
            objc.sendVoid(calendar, "setTitle:", ns.string(title));
            objc.sendVoid(calendar, "setSource:", source);
            PointerByReference error = ns.errorOut();
            if (!objc.sendBool(eventStore, "saveCalendar:commit:error:", calendar, true, error)) {
                throw new IllegalStateException("cannot create the test calendar: " + ns.error(error));
            }
        }
        return EventKitStore.open(new EventKitRuntime(objc), title, Optional.empty(), UidLinksFile.inMemory(), Clock.systemUTC(),
                ZoneId.systemDefault(), Duration.ofSeconds(30));
    }

    @Override
    protected int manyItems() {
        return 50;
    }

    @AfterEach
    void removeCalendar() {
        if (calendar != null) {
            try (AutoreleasePool pool = new AutoreleasePool(objc)) {
                Foundation ns = new Foundation(objc);
                objc.sendBool(eventStore, "removeCalendar:commit:error:", calendar, true, ns.errorOut());
            }
            objc.sendVoid(calendar, "release");
            objc.sendVoid(eventStore, "release");
        }
    }
}
