package com.calsync.cli;

import com.calsync.autostart.LoginItem;
import com.calsync.autostart.LoginItemStatus;
import com.calsync.autostart.LoginItems;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code calsync autostart-status}: whether CalSync starts at login, how, and what it runs.
 * Exit code 0 when it does, 1 when it does not (so scripts can test it).
 */
@Command(name = "autostart-status", description = {"Tell whether CalSync starts at login, and how.",
        "Exit code 0 if it does, 1 if not, 3 if macOS waits for your approval (System Settings › General › Login Items)."})
final class AutostartStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    @Option(names = "--open-settings", description = "macOS: also open System Settings › General › Login Items, "
            + "where CalSync's login item is allowed or turned off.")
    boolean openSettings;

    AutostartStatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoginItems items = InstallCommand.loginItems(environment, CalSyncCommand.root(spec));
        List<LoginItem> all = items.all();
        boolean any = false;
        boolean waiting = false;
        for (LoginItem item : all) {
            LoginItemStatus status = item.status();
            environment.out().println(status.describe());
            if (status.installed()) {
                any = true;
                environment.out().println("  runs: " + String.join(" ", status.command()));
            }
            if (status.needsApproval()) {
                waiting = true;
                environment.out().println("  allow it in " + LoginItemStatus.MAC_LOGIN_ITEMS
                        + (openSettings ? "" : " (`calsync autostart-status --open-settings` opens it)"));
            }
            if (openSettings && !item.openSettings()) {
                environment.err().println("There is no settings page to open for " + status.kind() + ".");
            }
        }
        return waiting ? ExitCodes.ATTENTION : any ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
