package com.calsync.testservers;

import com.sun.jna.NativeLibrary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real gnome-keyring-daemon on a private D-Bus session (dbus-run-session, keyring unlocked from
 * stdin, HOME in a temp folder), with this JVM's libsecret pointed at it: the Secret Service the
 * app uses on Linux, without touching the user's own keyring. Close it to end the session.
 */
public final class PrivateKeyring implements AutoCloseable {
    /** What to install when it is missing. */
    public static final String INSTALL_HINT = "apt-get install -y --no-install-recommends gnome-keyring libsecret-1-0 dbus-daemon";

    private final Process session;

    private PrivateKeyring(Process session) {
        this.session = session;
    }

    /** Whether gnome-keyring and dbus-run-session are installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/gnome-keyring-daemon")) && Files.isExecutable(Path.of("/usr/bin/dbus-run-session"));
    }

    /** Starts the session with its keyring files under {@code home}. */
    public static PrivateKeyring start(Path home) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c",
                "echo -n calsync-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;"
                        + " echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process session = pb.start();
        String address = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || !address.startsWith("unix:")) {
            session.destroy();
            throw new IllegalStateException("the private D-Bus session did not start (address: " + address + ")");
        }
        // GLib reads the address when it first connects: point this JVM's libsecret at the private session
        NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {"DBUS_SESSION_BUS_ADDRESS", address, 1});
        return new PrivateKeyring(session);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        // later tests in this JVM must not talk to a bus that is about to go away
        NativeLibrary.getInstance("c").getFunction("unsetenv").invokeInt(new Object[] {"DBUS_SESSION_BUS_ADDRESS"});
        session.getOutputStream().close(); // `cat` ends, and dbus-run-session takes the daemons with it
        if (!session.waitFor(30, TimeUnit.SECONDS)) {
            session.destroy();
        }
    }
}
