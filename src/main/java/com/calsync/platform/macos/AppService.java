package com.calsync.platform.macos;

import com.calsync.platform.macos.objc.AppleRuntime;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * {@code SMAppService} (ServiceManagement, macOS 13+), called through the Objective-C runtime:
 * a LaunchAgent shipped inside the running .app ({@code agentServiceWithPlistName:}, whose plist
 * "must correspond to a property list in the calling app's Contents/Library/LaunchAgents
 * directory"), registered with launchd for this user.
 */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
public final class AppService {
    /** SMAppServiceStatus values. */
    public static final long NOT_REGISTERED = 0;
    public static final long ENABLED = 1;
    /** Registered, but runs only once the user allows it in System Settings › General › Login Items. */
    public static final long REQUIRES_APPROVAL = 2;
    /** No such service in the bundle (or no bundle: an app run from a jar, a translocated copy). */
    public static final long NOT_FOUND = 3;

    private final ObjC objc;
    private final Foundation ns;
    private final Pointer service;

    private AppService(ObjC objc, Pointer service) {
        this.objc = objc;
        this.ns = new Foundation(objc);
        this.service = service;
    }

    private static ObjC serviceManagement() {
        ObjC objc = new ObjC(AppleRuntime.load()); // ServiceManagement exists only beside Apple's runtime
        try {
            NativeLibrary.getInstance("ServiceManagement");
        } catch (UnsatisfiedLinkError e) {
            throw new ObjCUnavailableException("cannot load ServiceManagement: " + e.getMessage(), e);
        }
        return objc;
    }

    /**
     * The LaunchAgent {@code plistName} of the running app's bundle; empty on a macOS without
     * SMAppService (before 13).
     *
     * @throws ObjCUnavailableException where Apple's runtime or ServiceManagement cannot be loaded
     */
    public static Optional<AppService> agent(String plistName) {
        ObjC objc = serviceManagement();
        Optional<Pointer> cls = objc.findClass("SMAppService");
        if (cls.isEmpty() || !objc.respondsTo(cls.get(), "agentServiceWithPlistName:")) {
            return Optional.empty();
        }
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer service = objc.send(cls.get(), "agentServiceWithPlistName:", new Foundation(objc).string(plistName));
            return Optional.of(new AppService(objc, objc.send(service, "retain")));
        }
    }

    /**
     * Opens System Settings › General › Login Items ({@code +[SMAppService openSystemSettingsLoginItems]},
     * macOS 13+).
     *
     * @return false where that call does not exist
     */
    public static boolean openLoginItemsSettings() {
        ObjC objc = serviceManagement();
        Optional<Pointer> cls = objc.findClass("SMAppService");
        if (cls.isEmpty() || !objc.respondsTo(cls.get(), "openSystemSettingsLoginItems")) {
            return false;
        }
        objc.sendVoid(cls.get(), "openSystemSettingsLoginItems");
        return true;
    }

    /** An SMAppServiceStatus: {@link #ENABLED}, {@link #REQUIRES_APPROVAL}, {@link #NOT_REGISTERED}, {@link #NOT_FOUND}. */
    public long status() {
        return objc.sendLong(service, "status");
    }

    /** @throws RefusedException with macOS's reason when it did not register the agent */
    public void register() throws RefusedException {
        call("registerAndReturnError:");
    }

    /** @throws RefusedException with macOS's reason when it did not remove the agent */
    public void unregister() throws RefusedException {
        call("unregisterAndReturnError:");
    }

    private void call(String selector) throws RefusedException {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            PointerByReference error = ns.errorOut();
            if (!objc.sendBool(service, selector, error)) {
                throw new RefusedException(ns.error(error).map(Object::toString).orElse("no reason given"));
            }
        }
    }

    /** macOS said no; the message is its NSError ("Operation not permitted" for an unsigned app, …). */
    public static final class RefusedException extends Exception {
        public RefusedException(String reason) {
            super(reason);
        }
    }
}
