package com.calsync.cli;

import com.calsync.service.ControlCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The commands that only talk to a running service, or only read a file, run here before
 * picocli, Jackson or Logback is loaded: {@code --version}, {@code status [--json]},
 * {@code stop}, {@code pause}, {@code resume}, {@code logs [-n N] [-f] [--errors]}, and
 * {@code test [--pair P]} and {@code sync [--pair P] [--json]} while a service runs. A JVM that loads only the JDK and a few CalSync
 * classes answers in a fraction of the time the full command line takes to start.
 *
 * <p>Only exactly these forms are taken, with {@code --home PATH} before or after the command;
 * anything else (help, a typo, an option this does not know, {@code test} with no service to
 * run it) goes to picocli, which prints its usual usage and errors. The work itself is the same
 * code the picocli commands call ({@link ServiceControl}, {@link LogView}, {@link VersionText}).
 */
public final class FastPath {
    private FastPath() {
    }

    /**
     * Runs {@code args} when they are one of the quick forms.
     *
     * @return the exit code, or empty when the full command line must handle them
     */
    public static OptionalInt run(String[] args, CliEnvironment environment) {
        Optional<Parsed> parsed = Parsed.of(args);
        if (parsed.isEmpty()) {
            return OptionalInt.empty();
        }
        Parsed p = parsed.get();
        try {
            Optional<Integer> code = execute(p, environment);
            return code.map(OptionalInt::of).orElseGet(OptionalInt::empty);
        } catch (Exception e) {
            return OptionalInt.of(unexpected(e, environment));
        }
    }

    private static Optional<Integer> execute(Parsed p, CliEnvironment environment) throws Exception {
        if (p.command().equals("--version")) {
            for (String line : VersionText.lines(environment)) {
                environment.out().println(line);
            }
            environment.out().flush();
            return Optional.of(ExitCodes.OK);
        }
        ServiceControl control = new ServiceControl(environment, environment.paths(p.home()), p.home());
        return switch (p.command()) {
            case "status" -> Optional.of(control.printStatus(p.flag("--json")));
            case "stop" -> Optional.of(control.stop());
            case "pause" -> Optional.of(control.pauseOrResume(ControlCommand.PAUSE));
            case "resume" -> Optional.of(control.pauseOrResume(ControlCommand.RESUME));
            case "logs" -> Optional.of(new LogView(environment).show(control.paths().logDir(),
                    p.value("-n").map(Integer::parseInt).orElse(50), p.flag("-f"), p.flag("--errors")));
            case "test" -> control.testThroughService(p.value("--pair"));
            case "sync" -> p.value("--pair").filter(name -> name.contains("/")).isPresent() ? Optional.empty()
                    : control.syncThroughService(p.value("--pair"), p.flag("--json"));
            default -> Optional.empty();
        };
    }

    /**
     * An exception no command handled: its message for the user, the stack trace with
     * CALSYNC_DEBUG set; exit code 70. The picocli command line reports the same way.
     */
    static int unexpected(Exception e, CliEnvironment environment) {
        environment.err().println("calsync: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (environment.env().containsKey("CALSYNC_DEBUG")) {
            e.printStackTrace(environment.err());
        }
        environment.err().flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /**
     * A quick form: the command, its flags and option values, and {@code --home}.
     *
     * @param flags  options without a value that were given
     * @param values options with a value, by their canonical name
     */
    record Parsed(String command, Optional<Path> home, List<String> flags, Map<String, String> values) {
        /** The options each quick command takes: flags, and (ending in "=") options with a value. */
        private static final Map<String, List<String>> OPTIONS = Map.of(
                "status", List.of("--json"),
                "stop", List.of(),
                "pause", List.of(),
                "resume", List.of(),
                "logs", List.of("-n=", "-f", "--follow", "--errors"),
                "test", List.of("--pair="),
                "sync", List.of("--pair=", "--json"));

        boolean flag(String name) {
            return flags.contains(name);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        static Optional<Parsed> of(String[] args) {
            String command = null;
            String home = null;
            List<String> flags = new ArrayList<>();
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String option = arg.contains("=") && arg.startsWith("-") ? arg.substring(0, arg.indexOf('=')) : arg;
                String attached = option.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
                if (option.equals("--home")) {
                    if (home != null || (attached == null && i + 1 >= args.length)) {
                        return Optional.empty();
                    }
                    home = attached != null ? attached : args[++i];
                } else if (command == null && attached == null && (arg.equals("--version") || arg.equals("-V"))) {
                    command = "--version";
                } else if (command == null && OPTIONS.containsKey(arg)) {
                    command = arg;
                } else if (command == null || command.equals("--version")) {
                    return Optional.empty();
                } else if (OPTIONS.get(command).contains(option) && attached == null) {
                    String canonical = option.equals("--follow") ? "-f" : option;
                    if (flags.contains(canonical)) {
                        return Optional.empty(); // given twice: picocli says so
                    }
                    flags.add(canonical);
                } else if (OPTIONS.get(command).contains(option + "=")) {
                    String value = attached != null ? attached : i + 1 < args.length ? args[++i] : null;
                    if (value == null || values.containsKey(option) || (option.equals("-n") && !isInt(value))) {
                        return Optional.empty();
                    }
                    values.put(option, value);
                } else {
                    return Optional.empty();
                }
            }
            if (command == null || (home != null && home.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(command, Optional.ofNullable(home).map(Path::of), List.copyOf(flags), Map.copyOf(values)));
        }

        /** A count of lines: a negative one goes to picocli, which refuses it with exit code 2. */
        private static boolean isInt(String s) {
            try {
                return Integer.parseInt(s) >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
