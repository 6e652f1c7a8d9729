package com.calsync.platform.macos.objc;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Pointer;

/**
 * The GNUstep runtime for tests, loaded once per JVM: the Objective-C runtime is process-wide
 * (a class name can be registered only once), so a holder is the honest shape here.
 *
 * <p>Missing libraries fail the test with the install command instead of skipping: CI installs them.
 */
public final class GnuStep {
    private static final Object LOCK = new Object();
    private static ObjC runtime;

    private GnuStep() {}

    public static ObjC objc() {
        synchronized (LOCK) {
            if (runtime == null) {
                ObjC objc;
                try {
                    objc = new ObjC(GnuRuntime.load());
                } catch (ObjCUnavailableException | UnsatisfiedLinkError e) {
                    return fail("GNUstep is needed for this test: " + GnuRuntime.INSTALL_HINT + " (" + e.getMessage() + ")", e);
                }
                // Java's main thread is not the process's first thread, so GNUstep thinks no main thread
                // exists and +[NSThread exit] would call exit(0) and end the JVM: make it do nothing.
                Imps.Void0 noExit = (self, cmd) -> {};
                objc.replaceClassMethod("NSThread", "exit", "v@:", noExit);
                runtime = objc;
            }
            return runtime;
        }
    }

    /** Whether an object pointer is nil. */
    static boolean isNil(Pointer p) {
        return p == null;
    }
}
