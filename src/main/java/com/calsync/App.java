package com.calsync;

import com.calsync.cli.CalSyncCommand;
import com.calsync.cli.CliEnvironment;

/**
 * Entry point of the jar and the packaged app. A plain class (not a JavaFX Application) so the
 * launcher can set up the process — macOS Dock hiding, headless checks — before any UI loads.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        int exitCode = CalSyncCommand.commandLine(CliEnvironment.system()).execute(args);
        System.exit(exitCode);
    }
}
