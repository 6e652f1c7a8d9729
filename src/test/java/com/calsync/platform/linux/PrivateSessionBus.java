package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A D-Bus session of its own for a test: a real {@code dbus-daemon} with a hermetic config (no
 * service folders, so nothing of this machine can be activated on it), and — when asked — a small
 * desktop on it ({@code fake_desktop.py}: a notification server, a settings portal) written in
 * Python with dbus-python, a D-Bus implementation other than GDBus. Close it to end both.
 */
final class PrivateSessionBus implements AutoCloseable {
    static final String INSTALL_HINT = "apt-get install -y --no-install-recommends dbus-daemon python3-dbus python3-gi";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Process daemon;
    private final String address;
    private final List<Process> desktops = new ArrayList<>();
    private final BlockingQueue<JsonNode> calls = new LinkedBlockingQueue<>();
    private Writer desktopInput;

    private PrivateSessionBus(Path dir, Process daemon, String address) {
        this.dir = dir;
        this.daemon = daemon;
        this.address = address;
    }

    /** Starts the bus with its socket in {@code dir}; skips the test where dbus-daemon is not installed. */
    static PrivateSessionBus start(Path dir) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dbus-daemon")), "needs dbus-daemon: " + INSTALL_HINT);
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:dir=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir));
        Process daemon = new ProcessBuilder("/usr/bin/dbus-daemon", "--config-file=" + config, "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(address).as("the bus's address").startsWith("unix:");
        return new PrivateSessionBus(dir, daemon, address.strip());
    }

    String address() {
        return address;
    }

    /** The environment of a program on this bus (and nothing else of this machine's). */
    Map<String, String> env() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address);
    }

    /**
     * Starts the fake desktop with {@code options} (see fake_desktop.py) and waits until it owns its
     * names; skips the test where dbus-python or PyGObject is missing.
     */
    PrivateSessionBus withDesktop(String... options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON) && canImportDbus(), "needs python3 with dbus and gi: " + INSTALL_HINT);
        Path script = dir.resolve("fake_desktop.py");
        try (InputStream in = PrivateSessionBus.class.getResourceAsStream("fake_desktop.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(List.of(options));
        Path errors = dir.resolve("fake_desktop.err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        Process desktop = pb.start();
        desktops.add(desktop);
        desktopInput = new OutputStreamWriter(desktop.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(desktop.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    calls.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                // the desktop ended
            }
        }, "fake-desktop-output");
        reader.setDaemon(true);
        reader.start();
        JsonNode ready = calls.poll(20, TimeUnit.SECONDS);
        assertThat(ready).as("the fake desktop started; its errors: " + errors).isNotNull();
        assertThat(ready.path("call").asText()).isEqualTo("ready");
        return this;
    }

    /** The next call the fake desktop saw (waits up to 10 s; fails without one). */
    JsonNode nextCall() throws InterruptedException {
        JsonNode call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a call reached the fake desktop").isNotNull();
        return call;
    }

    /** Tells the fake desktop to switch to colour scheme {@code value} (1 dark, 2 light, 0 none). */
    void switchScheme(int value) throws IOException {
        desktopInput.write("scheme " + value + "\n");
        desktopInput.flush();
    }

    private static boolean canImportDbus() {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import dbus, dbus.mainloop.glib; from gi.repository import GLib")
                    .redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : desktops) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        daemon.destroy();
        if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }
}
