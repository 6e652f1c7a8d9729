package com.calsync.platform.macos.objc;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.util.List;

/**
 * Defines a new Objective-C class whose methods are Java callbacks: for notification observers,
 * block classes on GNUstep, and the stand-in EventKit classes of the tests. Type encodings follow
 * the runtime's notation ({@code "@@:@"}: returns id, takes self, _cmd and one id).
 */
public final class ClassBuilder {
    private final RuntimeFunctions functions;
    private final ObjC objc;
    private final String name;
    private final Pointer cls;
    private final List<Object> keptAlive;
    private final List<Runnable> pendingClassMethods = new java.util.ArrayList<>();
    private boolean registered;

    ClassBuilder(ObjC objc, RuntimeFunctions functions, String name, Pointer cls, List<Object> keptAlive) {
        this.objc = objc;
        this.functions = functions;
        this.name = name;
        this.cls = cls;
        this.keptAlive = keptAlive;
    }

    /**
     * Adds an instance variable (before {@link #register()} only).
     *
     * @param size          its size in bytes
     * @param alignmentLog2 log2 of its alignment (3 for a pointer on 64-bit systems)
     * @param types         its type encoding ({@code "^v"}: a pointer)
     */
    public ClassBuilder ivar(String ivarName, long size, int alignmentLog2, String types) {
        if (registered || functions.class_addIvar(cls, ivarName, size, (byte) alignmentLog2, types) == 0) {
            throw new IllegalStateException("could not add instance variable " + ivarName + " to Objective-C class " + name);
        }
        return this;
    }

    /** Adds an instance method. */
    public ClassBuilder method(String selector, String types, Callback imp) {
        add(cls, selector, types, imp);
        return this;
    }

    /** Adds a class method (on the meta-class, once the class is registered). */
    public ClassBuilder classMethod(String selector, String types, Callback imp) {
        // objc_getMetaClass finds only registered classes, so class methods wait for register()
        pendingClassMethods.add(() -> add(functions.objc_getMetaClass(name), selector, types, imp));
        if (registered) {
            pendingClassMethods.remove(0).run();
        }
        return this;
    }

    private void add(Pointer target, String selector, String types, Callback imp) {
        keptAlive.add(imp);
        if (functions.class_addMethod(target, objc.sel(selector), imp, types) == 0) {
            throw new IllegalStateException("could not add " + selector + " to Objective-C class " + name
                    + " (already defined?)");
        }
    }

    /** Registers the class with the runtime; it can be used (and no longer extended with ivars) from now on. */
    public Pointer register() {
        if (!registered) {
            functions.objc_registerClassPair(cls);
            registered = true;
            pendingClassMethods.forEach(Runnable::run);
            pendingClassMethods.clear();
        }
        return cls;
    }
}
