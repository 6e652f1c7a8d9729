package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.DeferredZoneClock;
import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command reads from the outside world, so commands run in-process in tests.
 *
 * @param out      the command's output
 * @param err      errors and hints
 * @param env      environment variables (CALSYNC_HOME, XDG_*, CALSYNC_PASSWORD_*)
 * @param clock    the time commands work with
 * @param os       the operating system, which picks the platform's folders, stores and login items
 * @param userHome what {@code ~} stands for
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, Os os, Path userHome) {

    /**
     * The real process: System.out/err (control characters escaped, see {@link TerminalWriter}), the
     * process environment, the system clock, {@code os.name}.
     * The only place that reads them; everything else gets them from here. The local zone is
     * looked up the first time a command asks for it ({@link DeferredZoneClock}).
     */
    public static CliEnvironment system() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(
                new PrintWriter(new TerminalWriter(new java.io.OutputStreamWriter(System.out, charset)), true),
                new PrintWriter(new TerminalWriter(new java.io.OutputStreamWriter(System.err, charset)), true),
                System.getenv(),
                new DeferredZoneClock(Clock.systemUTC(), () -> ZoneId.systemDefault()),
                Os.named(System.getProperty("os.name", "")),
                userHome(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * What {@code ~} is: {@code $HOME} when it is set to an absolute path (as every shell and the
     * XDG spec take it), else {@code user.home}, which Java reads from the password database and
     * so ignores a changed {@code $HOME}.
     */
    static Path userHome(Map<String, String> env, String userHomeProperty) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHomeProperty);
    }

    /**
     * The folder {@code --home} or CALSYNC_HOME puts everything in, when one does (for login items,
     * which must start CalSync on the same folder).
     */
    public Optional<Path> homeFolder(Optional<Path> homeOption) {
        Optional<String> variable = Optional.ofNullable(env.get(CalSyncPaths.HOME_VARIABLE)).filter(v -> !v.isBlank());
        return homeOption.isPresent() || variable.isPresent() ? Optional.of(paths(homeOption).configDir()) : Optional.empty();
    }

    /** CalSync's folders, with {@code --home} (when given) beating CALSYNC_HOME. */
    public CalSyncPaths paths(Optional<Path> homeOption) {
        return CalSyncPaths.resolve(homeOption, env, os, userHome);
    }
}
