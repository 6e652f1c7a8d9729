package com.calsync.cli;

import com.calsync.service.ControlCommand;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code calsync pause}: holds scheduled syncs (a run in progress finishes; `calsync test` still syncs). */
@Command(name = "pause", description = "Pause scheduled syncs until `calsync resume`.")
final class PauseCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    PauseCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        return new ServiceControl(environment, CalSyncCommand.root(spec)).pauseOrResume(ControlCommand.PAUSE);
    }
}
