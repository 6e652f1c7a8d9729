package com.calsync.cli;

import com.calsync.config.LogSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path dir = CalSyncCommand.root(spec).paths().logDir();
        Path file = dir.resolve(errors ? LogSetup.ERROR_FILE : LogSetup.LOG_FILE);
        PrintWriter out = environment.out();
        if (!Files.exists(file) && !follow) {
            environment.err().println("No log yet at " + file + "; CalSync writes it once `calsync start` (or `calsync sync`) has run.");
            return ExitCodes.PROBLEMS;
        }
        long position = 0;
        if (Files.exists(file)) {
            ServiceControl.tail(file, lines).forEach(out::println);
            position = Files.size(file);
        }
        out.flush();
        while (follow) {
            Thread.sleep(500);
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < position) {
                position = 0; // rolled over: the file started again
            }
            if (size > position) {
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                    f.seek(position);
                    byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
                    f.readFully(bytes);
                    position += bytes.length;
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
        return ExitCodes.OK;
    }
}
