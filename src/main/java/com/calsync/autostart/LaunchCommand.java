package com.calsync.autostart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start this very CalSync again from a login item: the packaged app's own launcher
 * (so macOS attributes calendar permission to the app) or, when run from a jar, {@code java -jar}.
 *
 * @param program     the executable and the arguments that precede a CalSync command
 * @param packagedApp true when {@code program} is the jpackage launcher of an installed app
 * @param home        the CALSYNC_HOME / {@code --home} folder this CalSync runs with, passed on as
 *                    {@code --home}: a login item must read the same config, whatever its environment
 */
public record LaunchCommand(List<String> program, boolean packagedApp, Optional<Path> home) {

    public LaunchCommand {
        program = List.copyOf(program);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("a launch command needs a program");
        }
        home = home.map(h -> h.toAbsolutePath().normalize());
    }

    /** With the platform's default folders. */
    public LaunchCommand(List<String> program, boolean packagedApp) {
        this(program, packagedApp, Optional.empty());
    }

    /** The same program, started with {@code --home home} (empty: the default folders). */
    public LaunchCommand withHome(Optional<Path> folder) {
        return new LaunchCommand(program, packagedApp, folder);
    }

    /** The command that opens the tray app (no CalSync command: the app decides by the display). */
    public List<String> trayApp() {
        List<String> argv = new ArrayList<>(program);
        home.ifPresent(h -> argv.addAll(List.of("--home", h.toString())));
        return List.copyOf(argv);
    }

    /** The command that runs the background service in the foreground, for launchd or systemd. */
    public List<String> daemon() {
        List<String> argv = new ArrayList<>(trayApp());
        argv.add("daemon");
        return List.copyOf(argv);
    }

    /**
     * The running process's own command. jpackage launchers set {@code jpackage.app-path};
     * otherwise the JVM's java binary with this jar (or, from a classes folder, the class path).
     *
     * @param appPath   {@code System.getProperty("jpackage.app-path")}, or null
     * @param javaHome  {@code System.getProperty("java.home")}
     * @param codeSource where {@code com.calsync.App} was loaded from (a jar or a classes folder)
     * @param classPath {@code System.getProperty("java.class.path")}
     */
    public static LaunchCommand of(String appPath, Path javaHome, Path codeSource, String classPath) {
        if (appPath != null && !appPath.isBlank()) {
            return new LaunchCommand(List.of(appPath), true);
        }
        String java = javaHome.resolve("bin").resolve("java").toString();
        if (Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar")) {
            return new LaunchCommand(List.of(java, "-jar", codeSource.toAbsolutePath().toString()), false);
        }
        return new LaunchCommand(List.of(java, "-cp", classPath, "com.calsync.App"), false);
    }

    /** {@link #of} for the running JVM. */
    public static LaunchCommand current() {
        Path codeSource = Optional.ofNullable(LaunchCommand.class.getProtectionDomain().getCodeSource())
                .map(cs -> {
                    try {
                        return Path.of(cs.getLocation().toURI());
                    } catch (Exception e) {
                        return null;
                    }
                })
                .orElse(Path.of("."));
        return of(System.getProperty("jpackage.app-path"), Path.of(System.getProperty("java.home")), codeSource,
                System.getProperty("java.class.path", ""));
    }
}
