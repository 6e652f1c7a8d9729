package com.calsync.platform.macos.objc;

import com.calsync.platform.Os;
import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Objective-C runtime as Java sees it: classes, selectors, typed sends and class
 * registration, over a {@link MessageSender} picked for the operating system.
 *
 * <p>An uncaught Objective-C exception ends the process without a Java stack trace, so callers
 * check {@link #respondsTo} before any API that may be missing on an older system.
 */
public final class ObjC {
    private final MessageSender sender;
    private final RuntimeFunctions functions;
    private final Map<String, Pointer> selectors = new ConcurrentHashMap<>();
    // JNA frees a callback's native trampoline when the Java object is collected: keep them all
    private final List<Object> keptAlive = Collections.synchronizedList(new ArrayList<>());
    private volatile Pointer blockIsa;

    public ObjC(MessageSender sender) {
        this.sender = sender;
        this.functions = Native.load(sender.runtime().getName(), RuntimeFunctions.class);
    }

    /** The runtime of {@code os}: Apple's on macOS, GNUstep's elsewhere. */
    public static ObjC forOs(Os os) {
        return new ObjC(os.isMac() ? AppleRuntime.load() : GnuRuntime.load());
    }

    /** Whether this is Apple's runtime, where Apple's other frameworks (CoreGraphics…) can be loaded too. */
    public boolean isAppleRuntime() {
        return sender instanceof AppleRuntime;
    }

    public MessageSender sender() {
        return sender;
    }

    /** The class named {@code name}; fails when no loaded library defines it. */
    public Pointer cls(String name) {
        return findClass(name).orElseThrow(() -> new IllegalStateException(
                "Objective-C class " + name + " is not loaded (" + sender.describe() + ")"));
    }

    public Optional<Pointer> findClass(String name) {
        return Optional.ofNullable(functions.objc_getClass(name));
    }

    public Pointer sel(String name) {
        return selectors.computeIfAbsent(name, functions::sel_registerName);
    }

    /** Sends a message returning an object (or any pointer). */
    public Pointer send(Pointer receiver, String selector, Object... args) {
        return (Pointer) sender.send(Pointer.class, receiver, sel(selector), box(args));
    }

    /** Sends a message returning NSInteger / NSUInteger. */
    public long sendLong(Pointer receiver, String selector, Object... args) {
        return (Long) sender.send(long.class, receiver, sel(selector), box(args));
    }

    public double sendDouble(Pointer receiver, String selector, Object... args) {
        return (Double) sender.send(double.class, receiver, sel(selector), box(args));
    }

    /** Sends a message returning BOOL (one byte on every runtime CalSync meets). */
    public boolean sendBool(Pointer receiver, String selector, Object... args) {
        return (Byte) sender.send(byte.class, receiver, sel(selector), box(args)) != 0;
    }

    public void sendVoid(Pointer receiver, String selector, Object... args) {
        sender.send(void.class, receiver, sel(selector), box(args));
    }

    /** Sends a message returning a struct by value (NSRange, NSRect…). */
    public <T extends Structure> T sendStruct(Class<T> type, Pointer receiver, String selector, Object... args) {
        return type.cast(sender.send(type, receiver, sel(selector), box(args)));
    }

    /** Whether {@code object} (an instance or a class) answers {@code selector}; false for nil. */
    public boolean respondsTo(Pointer object, String selector) {
        return object != null && sendBool(object, "respondsToSelector:", sel(selector));
    }

    /** The name of an object's class. */
    public String className(Pointer object) {
        return object == null ? "nil" : functions.class_getName(send(object, "class"));
    }

    /** Starts a new class; add methods, then {@link ClassBuilder#register()}. */
    public ClassBuilder defineClass(String name, String superclass) {
        Pointer cls = functions.objc_allocateClassPair(cls(superclass), name, 0);
        if (cls == null) {
            throw new IllegalStateException("cannot define Objective-C class " + name + ": the name is taken");
        }
        return new ClassBuilder(this, functions, name, cls, keptAlive);
    }

    /** Where instance variable {@code ivarName} of class {@code cls} sits in its objects, in bytes; -1 when it has none. */
    public long ivarOffset(Pointer cls, String ivarName) {
        Pointer ivar = functions.class_getInstanceVariable(cls, ivarName);
        return ivar == null ? -1 : functions.ivar_getOffset(ivar);
    }

    /** Replaces (or adds) a class method of an existing class; returns the old IMP, if any. */
    public Pointer replaceClassMethod(String className, String selector, String types, Callback imp) {
        keptAlive.add(imp);
        cls(className);
        return functions.class_replaceMethod(functions.objc_getMetaClass(className), sel(selector), imp, types);
    }

    /** Keeps {@code o} (a callback, a block's memory) reachable for the life of this runtime object. */
    public void keepAlive(Object o) {
        keptAlive.add(o);
    }

    /** The isa for {@link Block}s: the global-block class on macOS, a Java-registered class on GNUstep. */
    Pointer blockIsa() {
        Pointer isa = blockIsa;
        if (isa == null) {
            synchronized (this) {
                if (blockIsa == null) {
                    blockIsa = sender.globalBlockIsa().orElseGet(this::defineBlockClass);
                }
                isa = blockIsa;
            }
        }
        return isa;
    }

    private Pointer defineBlockClass() {
        // a block that is copied, retained or released must survive: it lives as long as its owner
        Imps.Id0 self = (s, cmd) -> s;
        Imps.Void0 nothing = (s, cmd) -> {};
        String name = "CalSyncJavaBlock";
        return findClass(name).orElseGet(() -> defineClass(name, "NSObject")
                .method("copy", "@@:", self)
                .method("retain", "@@:", self)
                .method("autorelease", "@@:", self)
                .method("release", "v@:", nothing)
                .register());
    }

    private static Object[] box(Object[] args) {
        Object[] boxed = args.clone();
        for (int i = 0; i < boxed.length; i++) {
            if (boxed[i] instanceof Boolean b) {
                boxed[i] = (byte) (b ? 1 : 0); // JNA would pass a Java boolean as a 4-byte int
            }
        }
        return boxed;
    }
}
