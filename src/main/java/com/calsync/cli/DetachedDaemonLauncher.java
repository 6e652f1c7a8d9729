package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.Os;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launches {@code calsync daemon --detached} as a new process with this process's Java and class
 * path (or, under a jpackage launcher, the launcher itself), in its own session where
 * {@code setsid} exists so closing the terminal does not hang it up.
 */
final class DetachedDaemonLauncher implements DaemonLauncher {
    /**
     * The serial collector and a heap that starts small and gives memory back keep an idle daemon
     * near 80 MB resident instead of ~135 MB (measured with DaemonFootprint).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms16m",
            "-Xmx512m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /** The entry point, by name: App wires cli, so cli referring to App's class would be a package cycle. */
    static final String MAIN_CLASS = "com.calsync.App";
    /** Extra JVM options for the daemon, whitespace-separated. */
    static final String JAVA_OPTS_VARIABLE = "CALSYNC_DAEMON_JAVA_OPTS";

    /** JavaFX on Linux: software rendering from the start, a 10 Hz pulse (see packaging/build.sh). */
    static final List<String> TRAY_LINUX_JVM_OPTIONS = List.of("-Dprism.order=sw", "-Djavafx.animation.pulse=10");

    private final Map<String, String> env;
    private final boolean tray;
    /** JavaFX outside macOS starts with {@link #TRAY_LINUX_JVM_OPTIONS}. */
    private final boolean trayOutsideMac;

    /** The headless daemon. */
    DetachedDaemonLauncher(Map<String, String> env) {
        this(env, false, false);
    }

    private DetachedDaemonLauncher(Map<String, String> env, boolean tray, boolean trayOutsideMac) {
        this.env = env;
        this.tray = tray;
        this.trayOutsideMac = trayOutsideMac;
    }

    /** The menu-bar app (no command), for {@code calsync start} on a desktop. */
    static DetachedDaemonLauncher tray(Map<String, String> env, Os os) {
        return new DetachedDaemonLauncher(env, true, !os.isMac());
    }

    /** The tray app when there is a desktop to show it on, else the headless daemon. */
    static DetachedDaemonLauncher forThisSession(CliEnvironment environment) {
        return com.calsync.ui.TrayLauncher.desktopAvailable(environment.env(), environment.os(),
                System.getProperty("java.awt.headless")) ? tray(environment.env(), environment.os())
                : new DetachedDaemonLauncher(environment.env());
    }

    @Override
    public Process launch(CalSyncPaths paths, Optional<Path> home, Path consoleFile) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(home));
        File console = consoleFile.toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(console));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(console));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    List<String> command(Optional<Path> home) {
        String self = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(self);
        String name = Path.of(self).getFileName().toString();
        if (name.equals("java") || name.equals("java.exe")) {
            cmd.addAll(JVM_OPTIONS);
            if (trayOutsideMac) {
                cmd.addAll(TRAY_LINUX_JVM_OPTIONS);
            }
            String extra = env.getOrDefault(JAVA_OPTS_VARIABLE, "").trim();
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split("\\s+")));
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(MAIN_CLASS);
        }
        if (!tray) {
            cmd.add("daemon");
            cmd.add("--detached");
        }
        home.ifPresent(h -> {
            cmd.add("--home");
            cmd.add(h.toAbsolutePath().toString());
        });
        return cmd;
    }
}
