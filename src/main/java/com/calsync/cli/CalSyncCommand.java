package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.ui.TrayLauncher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync}: the root command. Subcommands are listed in {@code subcommands}; each lives in
 * its own class with a constructor taking a {@link CliEnvironment}. Exit codes: {@link ExitCodes}.
 */
@Command(name = "calsync",
        mixinStandardHelpOptions = true,
        // every subcommand takes --help (and --version) too: `calsync sync --help` is no unknown option
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Keeps calendars in sync in the background.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ConfigCommand.class,
            SyncCommand.class,
            CalendarsCommand.class,
            RestoreCommand.class,
            DaemonCommand.class,
            StartCommand.class,
            StopCommand.class,
            RestartCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            TestCommand.class,
            AccountCommand.class,
            InstallCommand.class,
            UninstallCommand.class,
            AutostartStatusCommand.class,
        })
public final class CalSyncCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Keep config, state and logs in this folder (overrides CALSYNC_HOME).")
    Path home;

    public CalSyncCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** A ready command line writing to the environment's out/err, with CalSync's exit codes. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cl = new CommandLine(CalSyncCommand.class, new CliFactory(environment));
        cl.setOut(environment.out());
        cl.setErr(environment.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // the message is meant for the user; the stack trace only helps when reporting a bug
            commandLine.getErr().println("calsync: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (environment.env().containsKey("CALSYNC_DEBUG")) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }

    /** The folders for this run; every subcommand resolves them here so --home means the same everywhere. */
    public CalSyncPaths paths() {
        return environment.paths(Optional.ofNullable(home));
    }

    /** The root command object of the command line {@code spec} belongs to. */
    static CalSyncCommand root(CommandSpec spec) {
        return (CalSyncCommand) spec.root().userObject();
    }

    @Override
    public Integer call() throws Exception {
        // no command: the menu-bar app when there is a desktop to show it on, else usage
        if (TrayLauncher.desktopAvailable(environment.env(), environment.os(), System.getProperty("java.awt.headless"))) {
            return new TrayStart(environment).run(paths(), InstallCommand.loginItems(environment, this));
        }
        // no desktop and no command: say why nothing opened, and what to run instead
        environment.err().println("calsync: no command given, and no desktop to show the menu-bar app on "
                + (environment.os().isMac() ? "(java.awt.headless is set)" : "(neither DISPLAY nor WAYLAND_DISPLAY is set)")
                + ". Run `calsync start` for the background service, `calsync sync` to sync once, or a command below.");
        spec.commandLine().usage(environment.err());
        return ExitCodes.USAGE;
    }
}
