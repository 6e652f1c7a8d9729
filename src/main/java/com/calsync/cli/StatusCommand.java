package com.calsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync status}: live from the running service, else the last status.json marked not
 * running. Exit 0 when running, 1 when not (so scripts can test it), as the seed's status did.
 * {@link FastPath} runs it without picocli; both call {@link ServiceControl#printStatus}.
 */
@Command(name = "status", description = "Show whether CalSync runs, its last and next sync, counts and each pair's last result.")
final class StatusCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print status.json's fields as JSON (format in the README).")
    boolean json;

    StatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        return new ServiceControl(environment, CalSyncCommand.root(spec)).printStatus(json);
    }
}
