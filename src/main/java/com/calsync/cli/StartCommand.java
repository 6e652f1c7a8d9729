package com.calsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync start}: starts the service in the background and returns once it answers. */
@Command(name = "start", description = "Start CalSync in the background; returns once it answers.")
final class StartCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    StartCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        // on a desktop the tray app (it runs the same service), else the headless daemon
        return new ServiceControl(environment, CalSyncCommand.root(spec)).start(DetachedDaemonLauncher.forThisSession(environment));
    }
}
