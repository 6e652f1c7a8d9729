package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.ui.TrayLauncher;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync}: the root command. Subcommands are listed in {@link #SUBCOMMANDS}; each lives in
 * its own class with a constructor taking a {@link CliEnvironment}. Exit codes: {@link ExitCodes}.
 *
 * <p>picocli reads a command's annotations by reflection when the command is added, which for all
 * eighteen costs more than most commands' own work; {@link #commandLine(CliEnvironment, String[])}
 * adds only the one the arguments name (all of them when usage may be printed).
 */
@Command(name = "calsync",
        mixinStandardHelpOptions = true,
        // every subcommand takes --help (and --version) too: `calsync sync --help` is no unknown option
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Keeps calendars in sync in the background.")
public final class CalSyncCommand implements Callable<Integer> {
    /** Every subcommand by its name, in the order usage lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("help", CommandLine.HelpCommand.class);
        all.put("config", ConfigCommand.class);
        all.put("sync", SyncCommand.class);
        all.put("calendars", CalendarsCommand.class);
        all.put("restore", RestoreCommand.class);
        all.put("daemon", DaemonCommand.class);
        all.put("start", StartCommand.class);
        all.put("stop", StopCommand.class);
        all.put("restart", RestartCommand.class);
        all.put("status", StatusCommand.class);
        all.put("logs", LogsCommand.class);
        all.put("pause", PauseCommand.class);
        all.put("resume", ResumeCommand.class);
        all.put("test", TestCommand.class);
        all.put("account", AccountCommand.class);
        all.put("install", InstallCommand.class);
        all.put("uninstall", UninstallCommand.class);
        all.put("autostart-status", AutostartStatusCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Keep config, state and logs in this folder (overrides CALSYNC_HOME).")
    Path home;

    public CalSyncCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** A ready command line with every subcommand, writing to the environment's out/err, with CalSync's exit codes. */
    public static CommandLine commandLine(CliEnvironment environment) {
        return build(environment, new CliFactory(environment), List.copyOf(SUBCOMMANDS.keySet()));
    }

    /** Every subcommand, created by {@code factory} (tests hand a command its collaborators this way). */
    static CommandLine commandLine(CliEnvironment environment, CommandLine.IFactory factory) {
        return build(environment, factory, List.copyOf(SUBCOMMANDS.keySet()));
    }

    /**
     * A command line for {@code args} only: with just the subcommand they name, none when they
     * name none and ask for no usage (the menu-bar app, {@code --version}), and all of them
     * whenever usage or picocli's "did you mean" may be printed.
     */
    public static CommandLine commandLine(CliEnvironment environment, String[] args) {
        return build(environment, new CliFactory(environment), subcommandsNeededFor(args));
    }

    /** The subcommands {@code args} need, by name (see {@link #commandLine(CliEnvironment, String[])}). */
    static List<String> subcommandsNeededFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--home")) {
                i++;
            } else if (arg.startsWith("--home=") || arg.equals("-V") || arg.equals("--version")) {
                continue;
            } else if (SUBCOMMANDS.containsKey(arg) && !arg.equals("help")) {
                return List.of(arg);
            } else {
                return List.copyOf(SUBCOMMANDS.keySet());
            }
        }
        return List.of();
    }

    private static void addSubcommands(CommandLine cl, List<String> names) {
        CommandLine.IFactory factory = cl.getFactory();
        for (String name : names) {
            if (!cl.getSubcommands().containsKey(name)) {
                cl.addSubcommand(name, new CommandLine(SUBCOMMANDS.get(name), factory));
            }
        }
    }

    /** The subcommands first: picocli hands out, err and the exception handler only to those already added. */
    private static CommandLine build(CliEnvironment environment, CommandLine.IFactory factory, List<String> subcommands) {
        CommandLine cl = new CommandLine(CalSyncCommand.class, factory);
        addSubcommands(cl, subcommands);
        cl.setOut(environment.out());
        cl.setErr(environment.err());
        // the message is meant for the user; the stack trace only helps when reporting a bug
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> FastPath.unexpected(e, environment));
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
        addSubcommands(spec.commandLine(), List.copyOf(SUBCOMMANDS.keySet()));
        environment.err().println("calsync: no command given, and no desktop to show the menu-bar app on "
                + (environment.os().isMac() ? "(java.awt.headless is set)" : "(neither DISPLAY nor WAYLAND_DISPLAY is set)")
                + ". Run `calsync start` for the background service, `calsync sync` to sync once, or a command below.");
        spec.commandLine().usage(environment.err());
        return ExitCodes.USAGE;
    }
}
