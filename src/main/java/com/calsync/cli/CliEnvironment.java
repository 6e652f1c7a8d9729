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
     * The real process: System.out/err, the process environment, the system clock, {@code os.name}.
     * The only place that reads them; everything else gets them from here. The local zone is
     * looked up the first time a command asks for it ({@link DeferredZoneClock}).
     */
    public static CliEnvironment system() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                System.getenv(),
                new DeferredZoneClock(Clock.systemUTC(), () -> ZoneId.systemDefault()),
                Os.named(System.getProperty("os.name", "")),
                Path.of(System.getProperty("user.home")));
    }

    /** CalSync's folders, with {@code --home} (when given) beating CALSYNC_HOME. */
    public CalSyncPaths paths(Optional<Path> homeOption) {
        return CalSyncPaths.resolve(homeOption, env, os, userHome);
    }
}
