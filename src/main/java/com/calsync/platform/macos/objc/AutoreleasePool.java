package com.calsync.platform.macos.objc;

import com.sun.jna.Pointer;

/**
 * An {@code NSAutoreleasePool} for one batch of calls, drained on close. Objects the batch
 * returns "autoreleased" (most convenience constructors and getters) are valid until then, so
 * copy what you need into Java before closing. Pools nest per thread.
 */
public final class AutoreleasePool implements AutoCloseable {
    private final ObjC objc;
    private final Pointer pool;

    public AutoreleasePool(ObjC objc) {
        this.objc = objc;
        this.pool = objc.send(objc.send(objc.cls("NSAutoreleasePool"), "alloc"), "init");
    }

    @Override
    public void close() {
        objc.sendVoid(pool, "drain");
    }
}
