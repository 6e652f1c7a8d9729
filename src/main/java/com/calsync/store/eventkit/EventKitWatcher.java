package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.StoreException;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * A long-lived {@code EKEventStore} that listens for changes to the Calendar database while a
 * calendar is in use: what makes an edit in Calendar trigger a sync. The sync itself opens its own
 * {@link EventKitStore}; this one only listens, so keeping it open costs one object and an observer.
 *
 * <p>EventKit's notification does not say which calendar changed, so every watcher hears every
 * change; the calendar is chosen on open so a watcher on a calendar that is gone fails early.
 */
public final class EventKitWatcher implements AutoCloseable {
    private final ObjC objc;
    private final Pointer eventStore;
    private final ChangeNotifications changes;
    private final EventKitCalendar calendar;

    private EventKitWatcher(ObjC objc, Pointer eventStore, ChangeNotifications changes, EventKitCalendar calendar) {
        this.objc = objc;
        this.eventStore = eventStore;
        this.changes = changes;
        this.calendar = calendar;
    }

    static EventKitWatcher open(EventKitRuntime runtime, String title, Optional<String> source, Debouncer debouncer,
                                Runnable onChange) {
        ObjC objc = runtime.objc();
        long status = runtime.access().status();
        if (status != EventKitAccess.FULL_ACCESS) {
            debouncer.close();
            throw status == EventKitAccess.NOT_DETERMINED
                    ? new StoreException("CalSync has not been granted calendar access yet; the first sync asks for it")
                    : EventKitAccess.denied(status, Optional.empty());
        }
        Pointer eventStore = objc.send(objc.send(objc.cls("EKEventStore"), "alloc"), "init");
        try {
            CalendarChooser.Found chosen = new CalendarChooser(new com.calsync.platform.macos.objc.Foundation(objc))
                    .choose(eventStore, title, source);
            objc.sendVoid(chosen.object(), "release"); // only its description is kept
            ChangeNotifications changes = new ChangeNotifications(new com.calsync.platform.macos.objc.Foundation(objc),
                    eventStore, debouncer, onChange);
            return new EventKitWatcher(objc, eventStore, changes, chosen.calendar());
        } catch (RuntimeException e) {
            debouncer.close();
            objc.sendVoid(eventStore, "release");
            throw e;
        }
    }

    /** The calendar being watched. */
    public EventKitCalendar calendar() {
        return calendar;
    }

    @Override
    public void close() {
        changes.close();
        objc.sendVoid(eventStore, "release");
    }
}
