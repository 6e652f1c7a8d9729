package com.calsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync stop}: asks the running service to stop gracefully and waits until it has exited. */
@Command(name = "stop", description = "Stop CalSync gracefully (the current item finishes) and wait for it to exit.")
final class StopCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    StopCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        return new ServiceControl(environment, CalSyncCommand.root(spec)).stop();
    }
}
