package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.Imps;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code EKEventStoreChangedNotification} into debounced Java callbacks: EventKit posts a
 * burst of them when an account syncs, and one sync run afterwards is enough.
 *
 * <p>The observer is an Objective-C object of a Java-defined class (one per store: classes cannot
 * be removed, but there is one store per EventKit calendar). EventKit posts on the thread
 * that noticed the change (usually the main thread, whose run loop must be running — the menu-bar
 * app's is); listeners run on the debouncer's timer thread.
 */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
final class ChangeNotifications implements AutoCloseable {
    static final String NOTIFICATION = "EKEventStoreChangedNotification";
    private static final String OBSERVER_CLASS = "CalSyncEventStoreObserver";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final ObjC objc;
    private final Foundation ns;
    private final Debouncer debouncer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Pointer observer;

    /** @param debouncer merges a burst of notifications into one run of the listeners, which it owns */
    ChangeNotifications(Foundation ns, Pointer eventStore, Debouncer debouncer) {
        this.ns = ns;
        this.objc = ns.objc();
        this.debouncer = debouncer;
        // a class of its own per observer, so its IMP can call this object without any shared registry
        Imps.Void1 changed = (self, cmd, notification) -> changed();
        String className = OBSERVER_CLASS + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
        Pointer cls = objc.defineClass(className, "NSObject").method("eventStoreChanged:", "v@:@", changed).register();
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            observer = objc.send(objc.send(cls, "alloc"), "init");
            Pointer center = objc.send(objc.cls("NSNotificationCenter"), "defaultCenter");
            objc.sendVoid(center, "addObserver:selector:name:object:", observer, objc.sel("eventStoreChanged:"),
                    ns.string(NOTIFICATION), eventStore);
        }
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        debouncer.trigger(this::fire);
    }

    private void fire() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("a listener for macOS Calendar changes failed", e);
            }
        }
    }

    @Override
    public void close() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            objc.sendVoid(objc.send(objc.cls("NSNotificationCenter"), "defaultCenter"), "removeObserver:", observer);
        }
        objc.sendVoid(observer, "release");
        debouncer.close();
    }
}
