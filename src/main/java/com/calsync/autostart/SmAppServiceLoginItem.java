package com.calsync.autostart;

import com.calsync.platform.macos.MainAppService;
import com.calsync.platform.macos.MainAppService.RefusedException;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
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

    private final LaunchCommand launchCommand;
    private final LaunchAgentLoginItem fallback;

    public SmAppServiceLoginItem(LaunchCommand launchCommand, LaunchAgentLoginItem fallback) {
        this.launchCommand = launchCommand;
        this.fallback = fallback;
    }

    /** {@code SMAppService.mainAppService}, or empty where ServiceManagement is missing. */
    private Optional<MainAppService> service() {
        try {
            return MainAppService.find();
        } catch (ObjCUnavailableException e) {
            log.warn("SMAppService is not available ({}); using the LaunchAgent", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public LoginItemStatus status() {
        Optional<MainAppService> s = service();
        if (s.isEmpty()) {
            return fallback.status();
        }
        long status = s.get().status();
        String kind = status == MainAppService.REQUIRES_APPROVAL
                ? KIND + ", waiting for your approval in System Settings › General › Login Items" : KIND;
        boolean installed = status == MainAppService.ENABLED || status == MainAppService.REQUIRES_APPROVAL;
        return new LoginItemStatus(installed, kind, Optional.empty(), installed ? launchCommand.trayApp() : List.of());
    }

    @Override
    public LoginItemStatus install() throws IOException {
        Optional<MainAppService> s = service();
        if (s.isEmpty()) {
            return fallback.install();
        }
        try {
            s.get().register();
        } catch (RefusedException e) {
            throw new IOException("macOS did not add CalSync to the login items: " + e.getMessage()
                    + ". Add it by hand in System Settings › General › Login Items.");
        }
        // an agent from an older install would start a second copy
        fallback.uninstall();
        return status();
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        Optional<MainAppService> s = service();
        fallback.uninstall();
        if (s.isEmpty()) {
            return fallback.status();
        }
        if (s.get().status() == MainAppService.ENABLED || s.get().status() == MainAppService.REQUIRES_APPROVAL) {
            try {
                s.get().unregister();
            } catch (RefusedException e) {
                throw new IOException("macOS did not remove CalSync from the login items: " + e.getMessage()
                        + ". Remove it by hand in System Settings › General › Login Items.");
            }
        }
        return status();
    }
}
