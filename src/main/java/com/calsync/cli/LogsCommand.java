package com.calsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calsync logs}: the last lines of calsync.log (or calsync-error.log), optionally following it. */
@Command(name = "logs", description = "Show the last lines of the log; -f follows it.")
final class LogsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", paramLabel = "N", defaultValue = "50", description = "How many lines (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Option(names = "--errors", description = "The error log (warnings and errors only).")
    boolean errors;

    LogsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (lines < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "calsync logs: -n takes a number of lines, 0 or more (got " + lines + ")");
        }
        return new LogView(environment).show(CalSyncCommand.root(spec).paths().logDir(), lines, follow, errors);
    }
}
