package com.calsync.cli;

import com.calsync.autostart.LoginItem;
import com.calsync.autostart.LoginItems;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.DefaultConfigWriter;
import com.calsync.config.LogSetup;
import com.calsync.service.AlreadyRunningException;
import com.calsync.service.CalSyncService;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SyncTrigger;
import com.calsync.ui.DesktopOpener;
import com.calsync.ui.InProcessService;
import com.calsync.ui.RecentLog;
import com.calsync.ui.TrayApp;
import com.calsync.ui.TrayLauncher;
import com.calsync.platform.ColorSchemeSource;
import com.calsync.platform.DesktopNotifier;
import com.calsync.platform.macos.AppleScriptNotifier;
import com.calsync.platform.macos.MacAppearance;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.calsync.platform.linux.FreedesktopColorScheme;
import com.calsync.platform.linux.FreedesktopNotifier;
import com.calsync.platform.linux.ProcessEnvironment;
import com.calsync.ui.settings.Desktop;
import com.calsync.ui.settings.SettingsLauncher;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code calsync} without a command on a desktop: the background service in this process with
 * the menu-bar app over it, until Quit (or SIGTERM, which stops the service just as cleanly).
 */
final class TrayStart {
    /** How many log lines the popover keeps. */
    private static final int LOG_LINES = 200;

    private final CliEnvironment environment;

    TrayStart(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The Mac's light/dark setting; light when the Objective-C runtime or AppKit cannot be reached. */
    private static ColorSchemeSource macAppearance() {
        try {
            return MacAppearance.system();
        } catch (ObjCUnavailableException e) {
            LoggerFactory.getLogger(TrayStart.class).warn("cannot read the Mac's appearance ({}); the popover stays light",
                    e.getMessage());
            return new FixedColorScheme();
        }
    }

    /** Light, always: where the desktop's setting cannot be read. */
    private static final class FixedColorScheme implements ColorSchemeSource {
        @Override
        public Scheme current() {
            return Scheme.LIGHT;
        }

        @Override
        public void onChange(java.util.function.Consumer<Scheme> listener) {
        }
    }

    /**
     * Linux with JavaFX's software renderer (the package's {@code -Dprism.order=sw}): GTK 3 still
     * opens its OpenGL visuals when JavaFX starts it (GDK's X11 backend at display open: Mesa, and
     * LLVM for llvmpipe, about 50 MB resident here, see src/docs/performance.md), which nothing
     * then draws with. GTK's {@code GDK_GL=disable} keeps them out. Set first, long before the
     * first click loads GTK; a value the user set is kept.
     */
    private void noGlForSoftwareRendering() {
        if (environment.os().isMac() || !"sw".equals(System.getProperty("prism.order"))) {
            return;
        }
        try {
            ProcessEnvironment.current().setIfUnset("GDK_GL", "disable");
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(TrayStart.class).debug("cannot set GDK_GL ({}); GTK loads its OpenGL visuals", e.toString());
        }
    }

    int run(CalSyncPaths paths, LoginItems loginItems) throws IOException, InterruptedException {
        noGlForSoftwareRendering();
        new DefaultConfigWriter(environment.clock(), environment.userHome()).writeIfMissing(paths)
                .ifPresent(run -> environment.out().println(run.describe()));
        LogSetup logs = new LogSetup(paths.logDir()).start();
        RecentLog recent = new RecentLog(LOG_LINES).attachToRoot();
        CalSyncService service = CalSyncService.standard(paths, environment.env(), environment.os(), environment.userHome(), environment.clock());
        service.onConfig(config -> logs.applyLevel(config.app().logLevel()));
        try {
            service.start();
        } catch (AlreadyRunningException e) {
            // exit 0: a login item (KeepAlive on failure) must not restart us while the daemon runs
            environment.err().println(e.getMessage() + "; the menu-bar app does not start a second service. "
                    + "Stop it (calsync stop) and start CalSync again to get the tray icon.");
            recent.detach();
            logs.close();
            return ExitCodes.OK;
        }
        Thread hook = new Thread(service::stop, "calsync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean mac = environment.os().isMac();
        ColorSchemeSource scheme = mac ? macAppearance() : FreedesktopColorScheme.forSession(environment.env(),
                environment.userHome());
        Optional<DesktopNotifier> notifier = mac ? Optional.of(AppleScriptNotifier.system())
                : FreedesktopNotifier.connect(environment.env(), "CalSync", "calsync");
        LoginItem loginItem = loginItems.forPlatform();
        SettingsLauncher settings = new SettingsLauncher(SetupService.standard(paths, environment.env(), environment.os(),
                environment.userHome(), environment.clock(), SyncTrigger.of(service)), loginItem, Desktop.system(environment.os()));
        TrayApp app = new TrayApp(new InProcessService(service, recent), loginItem,
                DesktopOpener.system(environment.os()), paths.configFile(), paths.logDir(), environment.clock(), mac,
                scheme, notifier, settings::show);
        int code = TrayLauncher.launch(app);
        service.stop();
        service.awaitStopped();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (a signal); the hook stops the service
        }
        recent.detach();
        logs.close();
        return code;
    }
}
