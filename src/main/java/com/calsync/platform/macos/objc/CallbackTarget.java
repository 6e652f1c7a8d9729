package com.calsync.platform.macos.objc;

import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * An Objective-C object that calls its own Java callback when it receives {@link #SELECTOR}
 * ({@code - (void)calsyncFire:(id)argument}): a target for notification centres.
 *
 * <p>Its class is defined once per process, not once per object: the runtime cannot remove a
 * class, so a class per observer would leak one each time a calendar or a window is opened. Each
 * object carries the address of its callback in an instance variable right after {@code isa};
 * the class's one method is a stateless constant that reads that address and calls it, so it does
 * not matter which {@link ObjC} defined the class or whether that one is still reachable.
 */
public final class CallbackTarget implements AutoCloseable {
    /** The message that runs the callback; pass it as the selector to {@code addObserver:selector:…}. */
    public static final String SELECTOR = "calsyncFire:";
    static final String CLASS_NAME = "CalSyncCallbackTarget";
    private static final String IVAR = "calsyncCallback";
    /** The instance variable sits right after isa: checked when the class is defined. */
    private static final long IVAR_OFFSET = Native.POINTER_SIZE;
    /** The class's method for every object: calls the callback stored in the object, if it still has one. */
    private static final Imps.Void1 DISPATCH = (self, cmd, argument) -> {
        Pointer callback = self.getPointer(IVAR_OFFSET);
        if (callback != null) {
            Function.getFunction(callback).invoke(void.class, new Object[] {self, cmd, argument});
        }
    };

    private final ObjC objc;
    private final Pointer object;

    private CallbackTarget(ObjC objc, Pointer object) {
        this.objc = objc;
        this.object = object;
    }

    /**
     * A new target whose {@link #SELECTOR} runs {@code callback} (on whichever thread sends it).
     * The callback stays reachable through {@code objc}: a notification already on its way may
     * still arrive after {@link #close()}.
     */
    public static CallbackTarget create(ObjC objc, Imps.Void1 callback) {
        Pointer cls = targetClass(objc);
        Pointer object = objc.send(objc.send(cls, "alloc"), "init");
        objc.keepAlive(callback);
        object.setPointer(IVAR_OFFSET, CallbackReference.getFunctionPointer(callback));
        return new CallbackTarget(objc, object);
    }

    private static Pointer targetClass(ObjC objc) {
        synchronized (ObjC.class) { // one definition per process, whichever ObjC gets here first
            Pointer cls = objc.findClass(CLASS_NAME).orElseGet(() -> objc.defineClass(CLASS_NAME, "NSObject")
                    .ivar(IVAR, Native.POINTER_SIZE, Integer.numberOfTrailingZeros(Native.POINTER_SIZE), "^v")
                    .method(SELECTOR, "v@:@", DISPATCH)
                    .register());
            long offset = objc.ivarOffset(cls, IVAR);
            if (offset != IVAR_OFFSET) {
                throw new IllegalStateException("Objective-C class " + CLASS_NAME + " keeps its callback at offset "
                        + offset + ", not " + IVAR_OFFSET + " (" + objc.sender().describe() + ")");
            }
            return cls;
        }
    }

    /** The Objective-C object, to pass as an observer. */
    public Pointer object() {
        return object;
    }

    /** Forgets the callback (a late message does nothing) and releases the object. Remove it from observers first. */
    @Override
    public void close() {
        object.setPointer(IVAR_OFFSET, null);
        objc.sendVoid(object, "release");
    }
}
