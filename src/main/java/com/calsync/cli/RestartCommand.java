package com.calsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync restart}: stop (when running), then start. */
@Command(name = "restart", description = "Stop CalSync if it runs, then start it again.")
final class RestartCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    RestartCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        ServiceControl control = new ServiceControl(environment, CalSyncCommand.root(spec));
        int stopped = control.stop();
        if (stopped != ExitCodes.OK) {
            return stopped;
        }
        return control.start(DetachedDaemonLauncher.forThisSession(environment));
    }
}
