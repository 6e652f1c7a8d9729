package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.CallbackTarget;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.Imps;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code EKEventStoreChangedNotification} of one {@code EKEventStore} into a debounced Java
 * callback: EventKit posts a burst of them when an account syncs, and one sync run afterwards is
 * enough. Apple: the notification is posted for changes by another process, another event store
 * or this one, and "if access to events or reminders is changed by the user"; it does not say
 * which calendar changed.
 *
 * <p>The observer is a {@link CallbackTarget}, whose class exists once per process. EventKit posts
 * on the main actor (Apple, {@code EKEventStoreChanged}): the main thread's run loop must run — the
 * menu-bar app's does, and so does the first thread of a headless JVM on macOS, which the java
 * launcher parks in a CFRunLoop. The listener runs on the debouncer's timer thread.
 */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
final class ChangeNotifications implements AutoCloseable {
    static final String NOTIFICATION = "EKEventStoreChangedNotification";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final ObjC objc;
    private final Debouncer debouncer;
    private final Runnable listener;
    private final CallbackTarget observer;

    /**
     * @param debouncer merges a burst of notifications into one run of {@code listener}; closed with this
     * @param listener  what a (debounced) change runs
     */
    ChangeNotifications(Foundation ns, Pointer eventStore, Debouncer debouncer, Runnable listener) {
        this.objc = ns.objc();
        this.debouncer = debouncer;
        this.listener = listener;
        Imps.Void1 changed = (self, cmd, notification) -> debouncer.trigger(this::fire);
        observer = CallbackTarget.create(objc, changed);
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer center = objc.send(objc.cls("NSNotificationCenter"), "defaultCenter");
            objc.sendVoid(center, "addObserver:selector:name:object:", observer.object(), objc.sel(CallbackTarget.SELECTOR),
                    ns.string(NOTIFICATION), eventStore);
        }
    }

    private void fire() {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("a listener for macOS Calendar changes failed", e);
        }
    }

    @Override
    public void close() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            objc.sendVoid(objc.send(objc.cls("NSNotificationCenter"), "defaultCenter"), "removeObserver:", observer.object());
        }
        observer.close();
        debouncer.close();
    }
}
