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
        // the tray app's launcher goes here once it exists: chosen when a display is available
        return new ServiceControl(environment, CalSyncCommand.root(spec)).start(new DetachedDaemonLauncher(environment.env()));
    }
}
