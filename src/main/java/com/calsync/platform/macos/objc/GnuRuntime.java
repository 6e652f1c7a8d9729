package com.calsync.platform.macos.objc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * GCC's Objective-C runtime ({@code libobjc.so.4}) with GNUstep's Foundation on top: what the
 * bridge's tests run against on Linux. The runtime has no {@code objc_msgSend}; a send looks the
 * method up with {@code objc_msg_lookup(receiver, sel)} and calls the IMP it returns with
 * {@code (receiver, sel, args…)}, which handles every return type, structs included.
 */
public final class GnuRuntime implements MessageSender {
    /** What a user (or CI) runs when the libraries are missing. */
    public static final String INSTALL_HINT = "apt-get install -y --no-install-recommends libgnustep-base1.28";

    private final NativeLibrary objc;
    private final Function lookup;
    private final Function registerThread;
    // GNUstep keeps autorelease pools per NSThread; a thread it never saw shares one with others
    private final ThreadLocal<Boolean> threadRegistered = ThreadLocal.withInitial(() -> false);

    private GnuRuntime(NativeLibrary objc, NativeLibrary foundation) {
        this.objc = objc;
        this.lookup = objc.getFunction("objc_msg_lookup");
        this.registerThread = foundation.getFunction("GSRegisterCurrentThread");
    }

    /** Loads libobjc.so.4 and GNUstep Foundation (whose classes register themselves on load). */
    public static GnuRuntime load() {
        try {
            NativeLibrary objc = NativeLibrary.getInstance("libobjc.so.4");
            NativeLibrary foundation = NativeLibrary.getInstance("libgnustep-base.so.1.28");
            return new GnuRuntime(objc, foundation);
        } catch (UnsatisfiedLinkError e) {
            throw new ObjCUnavailableException("cannot load the GNU Objective-C runtime and GNUstep Foundation"
                    + " (libobjc.so.4, libgnustep-base.so.1.28): " + e.getMessage() + "; install them with: "
                    + INSTALL_HINT, e);
        }
    }

    @Override
    public Object send(Class<?> returnType, Pointer receiver, Pointer selector, Object... args) {
        if (receiver == null) {
            return NilResults.zeroOf(returnType);
        }
        if (!threadRegistered.get()) {
            registerThread.invokeInt(new Object[0]);
            threadRegistered.set(true);
        }
        Pointer imp = lookup.invokePointer(new Object[] {receiver, selector});
        Object[] all = new Object[args.length + 2];
        all[0] = receiver;
        all[1] = selector;
        System.arraycopy(args, 0, all, 2, args.length);
        return Function.getFunction(imp).invoke(returnType, all);
    }

    @Override
    public NativeLibrary runtime() {
        return objc;
    }

    @Override
    public Optional<Pointer> globalBlockIsa() {
        // GNUstep has no _NSConcreteGlobalBlock and its _NSConcreteStackBlock is a stub class
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "GNU Objective-C runtime (libobjc.so.4) with GNUstep Foundation";
    }
}
