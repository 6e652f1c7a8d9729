package com.calsync.autostart;

import com.calsync.platform.macos.AppService;
import com.calsync.platform.macos.AppService.RefusedException;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS 13+ from the .app bundle: the LaunchAgent inside the bundle
 * ({@code Contents/Library/LaunchAgents/com.calsync.agent.plist}), registered with
 * {@code SMAppService.agent(plistName:)}. launchd starts it at login and again after a crash
 * ({@code KeepAlive {SuccessfulExit=false}}, which a login item registered with
 * {@code SMAppService.mainApp} does not do), and System Settings › General › Login Items lists
 * it under CalSync (AssociatedBundleIdentifiers).
 *
 * <p>When macOS refuses to register it — an unsigned or ad-hoc-signed copy, an app run from the
 * Downloads folder (translocated), "Operation not permitted" — it falls back to the user
 * LaunchAgent file ({@link LaunchAgentLoginItem}) instead of failing, and the status says which
 * one is active.
 */
public final class SmAppServiceLoginItem implements LoginItem {
    /** The agent's property list inside the bundle (packaging/macos/LaunchAgents). */
    public static final String AGENT_PLIST = "com.calsync.agent.plist";
    static final String KIND = "LaunchAgent inside CalSync.app (SMAppService)";
    private static final Logger log = LoggerFactory.getLogger(SmAppServiceLoginItem.class);

    /** What this item needs of SMAppService; the real one calls ServiceManagement, tests give a stand-in. */
    interface Agent {
        long status();

        void register() throws RefusedException;

        void unregister() throws RefusedException;
    }

    private final LaunchCommand launchCommand;
    private final LaunchAgentLoginItem fallback;
    private final Supplier<Optional<Agent>> agent;
    private final Supplier<Boolean> openSettings;

    public SmAppServiceLoginItem(LaunchCommand launchCommand, LaunchAgentLoginItem fallback) {
        this(launchCommand, fallback, SmAppServiceLoginItem::bundledAgent, SmAppServiceLoginItem::openLoginItems);
    }

    SmAppServiceLoginItem(LaunchCommand launchCommand, LaunchAgentLoginItem fallback, Supplier<Optional<Agent>> agent,
                          Supplier<Boolean> openSettings) {
        this.launchCommand = launchCommand;
        this.fallback = fallback;
        this.agent = agent;
        this.openSettings = openSettings;
    }

    private static Optional<Agent> bundledAgent() {
        try {
            return AppService.agent(AGENT_PLIST).map(s -> new Agent() {
                @Override
                public long status() {
                    return s.status();
                }

                @Override
                public void register() throws RefusedException {
                    s.register();
                }

                @Override
                public void unregister() throws RefusedException {
                    s.unregister();
                }
            });
        } catch (ObjCUnavailableException e) {
            log.warn("SMAppService is not available ({}); using the LaunchAgent file", e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean openLoginItems() {
        try {
            if (AppService.openLoginItemsSettings()) {
                return true;
            }
        } catch (ObjCUnavailableException e) {
            log.warn("cannot ask SMAppService to open the Login Items settings: {}", e.getMessage());
        }
        try {
            // the settings pane's URL; `open` is the documented way to hand a URL to Launch Services
            new ProcessBuilder("/usr/bin/open", "x-apple.systempreferences:com.apple.LoginItems-Settings.extension").start();
            return true;
        } catch (IOException e) {
            log.warn("cannot open {}: {}", LoginItemStatus.MAC_LOGIN_ITEMS, e.getMessage());
            return false;
        }
    }

    @Override
    public LoginItemStatus status() {
        Optional<Agent> a = agent.get();
        long status = a.map(Agent::status).orElse(AppService.NOT_FOUND);
        if (status == AppService.ENABLED || status == AppService.REQUIRES_APPROVAL) {
            return new LoginItemStatus(true, KIND, Optional.empty(), launchCommand.trayApp(),
                    status == AppService.REQUIRES_APPROVAL);
        }
        LoginItemStatus file = fallback.status();
        if (file.installed()) {
            return new LoginItemStatus(true, "LaunchAgent file, used because SMAppService "
                    + (a.isEmpty() ? "is not available" : "has no agent registered for this copy"), file.file(), file.command());
        }
        return new LoginItemStatus(false, KIND, Optional.empty(), List.of());
    }

    @Override
    public LoginItemStatus install() throws IOException {
        String bundle = launchCommand.trayApp().get(0);
        if (bundle.contains("/AppTranslocation/")) {
            // a translocated copy runs from a random read-only path that is gone after a restart
            throw new IOException("CalSync runs from a temporary copy that macOS made of the downloaded app (" + bundle
                    + "). Move CalSync.app into the Applications folder, open it from there, and turn on Open at login again.");
        }
        Optional<Agent> a = agent.get();
        if (a.isEmpty()) {
            fallback.install();
            return status();
        }
        try {
            a.get().register();
        } catch (RefusedException e) {
            log.warn("macOS did not register CalSync's LaunchAgent through SMAppService ({}); writing {} instead",
                    e.getMessage(), fallback.plistFile());
            fallback.install();
            return status();
        }
        fallback.uninstall(); // an agent file from an older install would start a second copy
        LoginItemStatus now = status();
        if (now.needsApproval()) {
            log.warn("CalSync is registered to start at login, but macOS waits for your approval in {}",
                    LoginItemStatus.MAC_LOGIN_ITEMS);
        }
        return now;
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        fallback.uninstall();
        Optional<Agent> a = agent.get();
        if (a.isPresent()) {
            long status = a.get().status();
            if (status == AppService.ENABLED || status == AppService.REQUIRES_APPROVAL) {
                try {
                    a.get().unregister();
                } catch (RefusedException e) {
                    throw new IOException("macOS did not remove CalSync from the login items: " + e.getMessage()
                            + ". Turn it off in " + LoginItemStatus.MAC_LOGIN_ITEMS + ".");
                }
            }
        }
        return status();
    }

    @Override
    public boolean openSettings() {
        return openSettings.get();
    }
}
