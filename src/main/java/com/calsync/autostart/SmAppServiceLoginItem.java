package com.calsync.autostart;

import com.calsync.platform.Os;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS 13+ from the .app bundle: the app itself as a login item, {@code SMAppService.mainAppService}
 * (System Settings › General › Login Items lists it by name and icon; no plist to manage).
 * Called through the Objective-C runtime; if ServiceManagement cannot be loaded it falls back to
 * the {@link LaunchAgentLoginItem}. Only a Mac can run this; Linux tests cover the choice of it.
 */
public final class SmAppServiceLoginItem implements LoginItem {
    private static final Logger log = LoggerFactory.getLogger(SmAppServiceLoginItem.class);
    private static final String KIND = "login item (SMAppService)";
    // SMAppServiceStatus
    private static final long ENABLED = 1;
    private static final long REQUIRES_APPROVAL = 2;

    private final LaunchCommand launchCommand;
    private final LaunchAgentLoginItem fallback;

    public SmAppServiceLoginItem(LaunchCommand launchCommand, LaunchAgentLoginItem fallback) {
        this.launchCommand = launchCommand;
        this.fallback = fallback;
    }

    /** The runtime and {@code SMAppService.mainAppService}, or empty where ServiceManagement is missing. */
    private Optional<Bridge> bridge() {
        try {
            ObjC objc = ObjC.forOs(Os.MACOS); // LoginItems picks this item on macOS only
            NativeLibrary.getInstance("ServiceManagement");
            Optional<Pointer> cls = objc.findClass("SMAppService");
            if (cls.isEmpty() || !objc.respondsTo(cls.get(), "mainAppService")) {
                return Optional.empty();
            }
            return Optional.of(new Bridge(objc, new Foundation(objc), objc.send(cls.get(), "mainAppService")));
        } catch (ObjCUnavailableException | UnsatisfiedLinkError e) {
            log.warn("SMAppService is not available ({}); using the LaunchAgent", e.getMessage());
            return Optional.empty();
        }
    }

    private record Bridge(ObjC objc, Foundation ns, Pointer service) {
        long status() {
            return objc.sendLong(service, "status");
        }
    }

    @Override
    public LoginItemStatus status() {
        Optional<Bridge> b = bridge();
        if (b.isEmpty()) {
            return fallback.status();
        }
        long status = b.get().status();
        String kind = status == REQUIRES_APPROVAL
                ? KIND + ", waiting for your approval in System Settings › General › Login Items" : KIND;
        boolean installed = status == ENABLED || status == REQUIRES_APPROVAL;
        return new LoginItemStatus(installed, kind, Optional.empty(), installed ? launchCommand.trayApp() : List.of());
    }

    @Override
    public LoginItemStatus install() throws IOException {
        Optional<Bridge> b = bridge();
        if (b.isEmpty()) {
            return fallback.install();
        }
        PointerByReference error = b.get().ns().errorOut();
        if (!b.get().objc().sendBool(b.get().service(), "registerAndReturnError:", error)) {
            throw new IOException("macOS did not add CalSync to the login items: "
                    + b.get().ns().error(error).map(Object::toString).orElse("no reason given")
                    + ". Add it by hand in System Settings › General › Login Items.");
        }
        // an agent from an older install would start a second copy
        fallback.uninstall();
        return status();
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        Optional<Bridge> b = bridge();
        fallback.uninstall();
        if (b.isEmpty()) {
            return fallback.status();
        }
        if (b.get().status() == ENABLED || b.get().status() == REQUIRES_APPROVAL) {
            PointerByReference error = b.get().ns().errorOut();
            if (!b.get().objc().sendBool(b.get().service(), "unregisterAndReturnError:", error)) {
                throw new IOException("macOS did not remove CalSync from the login items: "
                        + b.get().ns().error(error).map(Object::toString).orElse("no reason given")
                        + ". Remove it by hand in System Settings › General › Login Items.");
            }
        }
        return status();
    }
}
