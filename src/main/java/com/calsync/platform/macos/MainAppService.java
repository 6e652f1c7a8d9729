package com.calsync.platform.macos;

import com.calsync.platform.macos.objc.AppleRuntime;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * {@code SMAppService.mainAppService} (ServiceManagement, macOS 13+): the running .app bundle
 * itself as a login item, called through the Objective-C runtime.
 */
public final class MainAppService {
    /** SMAppServiceStatus values. */
    public static final long NOT_REGISTERED = 0;
    public static final long ENABLED = 1;
    public static final long REQUIRES_APPROVAL = 2;

    private final ObjC objc;
    private final Foundation ns;
    private final Pointer service;

    private MainAppService(ObjC objc, Foundation ns, Pointer service) {
        this.objc = objc;
        this.ns = ns;
        this.service = service;
    }

    /**
     * The main app service; empty on a macOS without SMAppService (before 13).
     *
     * @throws ObjCUnavailableException where Apple's runtime or ServiceManagement cannot be loaded
     */
    public static Optional<MainAppService> find() {
        ObjC objc = new ObjC(AppleRuntime.load()); // ServiceManagement exists only beside Apple's runtime
        try {
            NativeLibrary.getInstance("ServiceManagement");
        } catch (UnsatisfiedLinkError e) {
            throw new ObjCUnavailableException("cannot load ServiceManagement: " + e.getMessage(), e);
        }
        Optional<Pointer> cls = objc.findClass("SMAppService");
        if (cls.isEmpty() || !objc.respondsTo(cls.get(), "mainAppService")) {
            return Optional.empty();
        }
        return Optional.of(new MainAppService(objc, new Foundation(objc), objc.send(cls.get(), "mainAppService")));
    }

    /** An SMAppServiceStatus: {@link #ENABLED}, {@link #REQUIRES_APPROVAL}, {@link #NOT_REGISTERED}… */
    public long status() {
        return objc.sendLong(service, "status");
    }

    /** @throws RefusedException with macOS's reason when it did not add the app */
    public void register() throws RefusedException {
        call("registerAndReturnError:");
    }

    /** @throws RefusedException with macOS's reason when it did not remove the app */
    public void unregister() throws RefusedException {
        call("unregisterAndReturnError:");
    }

    private void call(String selector) throws RefusedException {
        PointerByReference error = ns.errorOut();
        if (!objc.sendBool(service, selector, error)) {
            throw new RefusedException(ns.error(error).map(Object::toString).orElse("no reason given"));
        }
    }

    /** macOS said no; the message is its NSError, or "no reason given". */
    public static final class RefusedException extends Exception {
        RefusedException(String reason) {
            super(reason);
        }
    }
}
