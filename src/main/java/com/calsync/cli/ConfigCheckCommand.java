package com.calsync.cli;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.ConfigLoadResult;
import com.calsync.config.ConfigLoader;
import com.calsync.config.ConfigProblem;
import com.calsync.config.PairConfig;
import com.calsync.sync.SyncMode;
import com.calsync.config.SyncSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calsync config check [FILE]}: prints every problem as {@code file:line:col: path:
 * message} (warnings too), then a summary. Exit 0 when the config is valid, 1 when it has
 * errors or does not exist.
 */
@Command(name = "check",
        description = "Check config.json and print every problem as file:line:col: path: message.")
final class ConfigCheckCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to check (default: the config.json CalSync uses).")
    Path file;

    ConfigCheckCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = environment.out();
        Path config = file != null ? file : CalSyncCommand.root(spec).paths().configFile();
        if (!Files.exists(config)) {
            if (file == null) {
                out.println("No config file at " + config + " yet.");
                out.println("`calsync sync` (or starting CalSync) writes a commented default there, with a demo pair.");
            } else {
                out.println(config + ": no such file");
            }
            return ExitCodes.PROBLEMS;
        }
        ConfigLoadResult result = new ConfigLoader(environment.userHome()).load(config);
        result.problems().stream()
                .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                .forEach(out::println);
        if (!result.isValid()) {
            out.println(config + ": " + count(result.errors().size(), "error") + ", "
                    + count(result.warnings().size(), "warning") + "; CalSync will not sync until the errors are fixed.");
            return ExitCodes.PROBLEMS;
        }
        CalSyncConfig c = result.config().orElseThrow();
        out.println(config + ": valid (" + count(c.pairs().size(), "pair") + ", " + count(c.calendars().size(), "calendar")
                + ", " + count(c.accounts().size(), "account")
                + (result.warnings().isEmpty() ? "" : ", " + count(result.warnings().size(), "warning")) + ")");
        if (c.pairs().isEmpty()) {
            out.println("No pairs configured: nothing will be synced until you add one under \"pairs\".");
        }
        for (PairConfig pair : c.pairs()) {
            SyncSettings s = c.settingsFor(pair);
            out.println("  " + pair.name() + ": " + pair.source() + (pair.mode() == SyncMode.MIRROR ? " → " : " ↔ ")
                    + pair.target() + " (" + pair.mode().jsonName()
                    + (pair.mode() == SyncMode.TWO_WAY ? ", " + pair.conflict().jsonName() : "")
                    + ", every " + s.intervalMinutes() + " min" + (pair.enabled() ? "" : ", disabled") + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
