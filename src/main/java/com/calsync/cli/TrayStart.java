package com.calsync.cli;

import com.calsync.autostart.LoginItem;
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
import com.calsync.ui.settings.Desktop;
import com.calsync.ui.settings.SettingsLauncher;
import java.io.IOException;

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

    int run(CalSyncPaths paths) throws IOException, InterruptedException {
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
        LoginItem loginItem = InstallCommand.loginItems(environment).forPlatform();
        SettingsLauncher settings = new SettingsLauncher(SetupService.standard(paths, environment.env(), environment.os(),
                environment.userHome(), environment.clock(), SyncTrigger.of(service)), loginItem, Desktop.system(environment.os()));
        TrayApp app = new TrayApp(new InProcessService(service, recent), loginItem,
                DesktopOpener.system(environment.os()), paths.configFile(), paths.logDir(), environment.clock(),
                environment.os().isMac(), settings::show);
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
