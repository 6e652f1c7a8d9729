package com.calsync.cli;

import com.calsync.config.LogSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code calsync logs}: the last lines of calsync.log (or calsync-error.log), optionally following
 * it. The JDK alone, so {@link FastPath} runs it too (the file names are compile-time constants,
 * so naming them loads nothing of Logback).
 */
final class LogView {
    private final CliEnvironment environment;

    LogView(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @param lines  how many of the last lines to print
     * @param follow keep printing what is added until interrupted
     * @param errors the error log instead of the full one
     */
    int show(Path logDir, int lines, boolean follow, boolean errors) throws IOException, InterruptedException {
        Path file = logDir.resolve(errors ? LogSetup.ERROR_FILE : LogSetup.LOG_FILE);
        PrintWriter out = environment.out();
        if (!Files.exists(file) && !follow) {
            environment.err().println("No log yet at " + file + "; CalSync writes it once `calsync start` (or `calsync sync`) has run.");
            return ExitCodes.PROBLEMS;
        }
        long position = 0;
        if (Files.exists(file)) {
            ServiceControl.tail(file, Math.max(0, lines)).forEach(out::println);
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
