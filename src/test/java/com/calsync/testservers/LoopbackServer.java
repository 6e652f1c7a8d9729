package com.calsync.testservers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What both server launchers share: finding the binary, a temp data folder, a free port, the
 * process, waiting until it answers HTTP, raw requests, and stopping it.
 */
abstract class LoopbackServer implements LocalCalDavServer {
    static final String INSTALL_HINT = "apt-get install -y radicale python3-passlib xandikos";

    /** Generous: on a loaded 2-core machine Xandikos has taken over 15 s to answer. */
    private static final int STARTUP_SECONDS = 60;

    private final AtomicInteger calendars = new AtomicInteger();
    protected final Path dataDir;
    protected final int port;
    private final HttpClient http;
    /** Null for plain http; else the context (trusting the test CA) this launcher's own requests use. */
    private final javax.net.ssl.SSLContext tls;
    private Process process;
    private Thread shutdownHook;

    protected LoopbackServer(String prefix) {
        this(prefix, null);
    }

    /** A server speaking https when {@code tls} is set; its certificate must name {@code localhost}. */
    protected LoopbackServer(String prefix, javax.net.ssl.SSLContext tls) {
        this.tls = tls;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        try {
            this.dataDir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
    }

    /** The executable on PATH, or a failure that says how to install it. */
    static Path requireBinary(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not installed (not found on PATH); install the test servers with: "
                + INSTALL_HINT);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Starts {@code command} with its output in DATA_DIR/server.log, and waits until {@code probe} answers. */
    protected void startProcess(List<String> command, URI probe) {
        if (answers(probe)) {
            throw new PortTakenException("port " + port + " on 127.0.0.1 is already in use");
        }
        Path log = dataDir.resolve("server.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            // A test JVM that ends without closing us (Ctrl-C, a crash) must not leave the server running.
            Process started = process;
            shutdownHook = new Thread(started::destroyForcibly, "stop-" + name());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + " (" + e.getMessage() + "); install with: "
                    + INSTALL_HINT, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (deadline - System.nanoTime() > 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited during start-up (exit " + process.exitValue() + "):\n"
                        + tail(log));
            }
            try {
                http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (!process.isAlive()) {
                    // Someone else took the port between our check and the server's bind.
                    throw new PortTakenException(name() + " exited while port " + port + " answered:\n" + tail(log));
                }
                return;
            } catch (IOException notYet) {
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while starting " + name(), e);
            }
        }
        close();
        throw new IllegalStateException(name() + " did not answer on " + probe + " within " + STARTUP_SECONDS + " s:\n" + tail(log));
    }

    /** Starts a server, on a new port when the first one turned out to be taken (other test runs share the machine). */
    static <T extends LoopbackServer> T startOnFreePort(java.util.function.Supplier<T> attempt) {
        PortTakenException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return attempt.get();
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private boolean answers(URI probe) {
        try {
            http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create(tls == null ? "http://127.0.0.1:" + port + "/" : "https://localhost:" + port + "/");
    }

    @Override
    public URI newCalendar(String displayName, List<String> components) {
        URI url = calendarHome().resolve("cal-" + calendars.incrementAndGet() + "-" + System.nanoTime() % 100000 + "/");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop>"
                + "<D:displayname>" + displayName + "</D:displayname>"
                + "<C:supported-calendar-component-set>"
                + components.stream().map(c -> "<C:comp name=\"" + c + "\"/>").collect(java.util.stream.Collectors.joining())
                + "</C:supported-calendar-component-set>"
                + "</D:prop></D:set></C:mkcalendar>";
        HttpResponse<String> answer = send("MKCALENDAR", url, Map.of("Content-Type", "application/xml"), body);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR " + url + " on " + name() + " answered " + answer.statusCode()
                    + ": " + answer.body());
        }
        return url;
    }

    @Override
    public HttpResponse<String> send(String method, URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        if (username() != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username() + ":" + password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request = b.build();
        IOException last = null;
        // Radicale closes every connection (HTTP/1.0) but the JDK pools it: a request may meet a dead socket.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new UncheckedIOException(method + " " + url + " on " + name() + " failed", last);
    }

    @Override
    public void close() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        deleteTree(dataDir);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is not worth failing a test run for
        }
    }
}
