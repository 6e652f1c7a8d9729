package com.calsync;

import com.calsync.cli.CalSyncCommand;
import com.calsync.cli.CliEnvironment;
import com.calsync.cli.FastPath;
import java.util.OptionalInt;

/**
 * Entry point of the jar and the packaged app. A plain class (not a JavaFX Application) so the
 * launcher can set up the process — macOS Dock hiding, headless checks — before any UI loads.
 */
public final class App {
    private App() {
    }

    /** Quick commands first (the JDK alone, see FastPath), then picocli with only the subcommand asked for. */
    public static void main(String[] args) {
        CliEnvironment environment = CliEnvironment.system();
        OptionalInt quick = FastPath.run(args, environment);
        System.exit(quick.isPresent() ? quick.getAsInt() : CalSyncCommand.commandLine(environment, args).execute(args));
    }
}
