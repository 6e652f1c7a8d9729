package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoadResult;
import com.calsync.config.ConfigLoader;
import com.calsync.config.ConfigProblem;
import com.calsync.config.DefaultConfigWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Loads config.json for a command, writing the commented default on first run, and prints its problems. */
final class ConfigAccess {
    private final CliEnvironment environment;

    ConfigAccess(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The valid config, or empty after printing why there is none.
     *
     * @param firstRun write the default config (with its demo pair) when there is none yet
     */
    Optional<CalSyncConfig> load(CalSyncPaths paths, boolean firstRun) {
        return load(paths, firstRun, environment.out());
    }

    /** As {@link #load(CalSyncPaths, boolean)}, telling about a first run on {@code notes} (stderr keeps JSON clean). */
    Optional<CalSyncConfig> load(CalSyncPaths paths, boolean firstRun, PrintWriter notes) {
        PrintWriter err = environment.err();
        if (firstRun) {
            try {
                new DefaultConfigWriter(environment.clock(), environment.userHome()).writeIfMissing(paths)
                        .ifPresent(run -> notes.println(run.describe()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the default config to " + paths.configFile() + ": "
                        + e.getMessage(), e);
            }
        } else if (!java.nio.file.Files.exists(paths.configFile())) {
            err.println("No config file at " + paths.configFile()
                    + "; `calsync sync` writes a commented default with a demo pair.");
            return Optional.empty();
        }
        ConfigLoadResult result = new ConfigLoader(environment.userHome()).load(paths.configFile());
        result.warnings().forEach(w -> err.println("warning: " + w));
        if (!result.isValid()) {
            result.errors().stream()
                    .sorted(java.util.Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                    .forEach(err::println);
            err.println(paths.configFile() + " has " + result.errors().size() + " error(s); fix them and run again"
                    + " (`calsync config check` lists them too).");
            err.flush();
            return Optional.empty();
        }
        err.flush();
        return result.config();
    }
}
