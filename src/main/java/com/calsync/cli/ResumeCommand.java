package com.calsync.cli;

import com.calsync.service.ControlCommand;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync resume}: lets scheduled syncs run again; pairs that fell due meanwhile run now. */
@Command(name = "resume", description = "Resume scheduled syncs after `calsync pause`.")
final class ResumeCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    ResumeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        return new ServiceControl(environment, CalSyncCommand.root(spec)).pauseOrResume(ControlCommand.RESUME);
    }
}
