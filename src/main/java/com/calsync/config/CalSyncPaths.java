package com.calsync.config;

import com.calsync.platform.Os;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where CalSync keeps its files (DESIGN.md, "Files"). {@code CALSYNC_HOME} (or {@code --home})
 * puts everything under one folder, which is what tests and portable installs use.
 *
 * @param configDir  folder of config.json
 * @param configFile config.json
 * @param stateDir   sync DB, status.json, pid, socket, journal
 * @param logDir     calsync.log, calsync-error.log and their rolled files
 * @param journalDir copies of overwritten and deleted items (.ics), kept 30 days
 * @param dbDir      the sync state database(s)
 * @param demoDir    the first-run demo: the sample feed and the folder it is mirrored into
 */
public record CalSyncPaths(
        Path configDir,
        Path configFile,
        Path stateDir,
        Path logDir,
        Path journalDir,
        Path dbDir,
        Path demoDir) {

    public static final String HOME_VARIABLE = "CALSYNC_HOME";

    public Path statusFile() {
        return stateDir.resolve("status.json");
    }

    public Path pidFile() {
        return stateDir.resolve("calsync.pid");
    }

    public Path controlSocket() {
        return stateDir.resolve("calsync.sock");
    }

    /**
     * Resolves the paths for this user and platform; pure, so tests pass any environment.
     *
     * @param homeOption {@code --home}, which beats {@code CALSYNC_HOME}
     * @param env        the process environment
     * @param os         the system CalSync runs on
     * @param userHome   {@code System.getProperty("user.home")}
     */
    public static CalSyncPaths resolve(Optional<Path> homeOption, Map<String, String> env, Os os, Path userHome) {
        Optional<Path> base = homeOption.or(() -> nonBlank(env.get(HOME_VARIABLE)).map(Path::of))
                .map(p -> expandTilde(p, userHome).toAbsolutePath().normalize());
        if (base.isPresent()) {
            Path b = base.get();
            return of(b, b.resolve("state"), b.resolve("logs"));
        }
        if (os.isMac()) {
            Path support = userHome.resolve("Library/Application Support/CalSync");
            return of(support, support, userHome.resolve("Library/Logs/CalSync"));
        }
        // Linux and other Unixes: XDG base directories; the spec says relative values are ignored
        Path config = xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("calsync");
        Path state = xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state")).resolve("calsync");
        return of(config, state, state.resolve("logs"));
    }

    private static CalSyncPaths of(Path configDir, Path stateDir, Path logDir) {
        return new CalSyncPaths(configDir, configDir.resolve("config.json"), stateDir, logDir,
                stateDir.resolve("journal"), stateDir.resolve("db"), stateDir.resolve("demo"));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        return nonBlank(env.get(variable)).map(Path::of).filter(Path::isAbsolute).orElse(fallback);
    }

    private static Path expandTilde(Path p, Path userHome) {
        String s = p.toString();
        if (s.equals("~")) {
            return userHome;
        }
        return s.startsWith("~/") ? userHome.resolve(s.substring(2)) : p;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
