package com.calsync.cli;

import com.calsync.autostart.LoginItem;
import com.calsync.autostart.LoginItems;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync uninstall}: stop starting CalSync at login, whichever way it was installed. */
@Command(name = "uninstall", description = "Stop starting CalSync when you log in (removes the LaunchAgent, "
        + "autostart entry or systemd user unit). Config and calendars are left alone.")
final class UninstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    UninstallCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        LoginItems items = InstallCommand.loginItems(environment, CalSyncCommand.root(spec));
        List<LoginItem> all = items.all();
        boolean removed = false;
        for (LoginItem item : all) {
            if (item.status().installed() || item.status().file().map(java.nio.file.Files::exists).orElse(false)) {
                item.uninstall();
                removed = true;
                environment.out().println("Removed " + item.status().kind() + ": " + item.status().file().map(Object::toString).orElse(""));
            }
        }
        if (!removed) {
            environment.out().println("CalSync was not set to start at login; nothing to remove.");
        }
        return ExitCodes.OK;
    }
}
