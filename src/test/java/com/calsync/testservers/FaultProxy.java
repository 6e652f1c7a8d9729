package com.calsync.testservers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 proxy on a loopback port in front of a real server, which answers each
 * request with the next scripted {@link Fault} (pass through when the script is empty): a
 * connection reset in the middle of the answer, a 5xx, a 429 with Retry-After, a stall past the
 * client's timeout, or a truncated body. Faults marked "after forward" let the server carry the
 * request out first, which is the case where a client cannot know whether its write happened.
 *
 * <p>Requests are forwarded with {@code Connection: close}, and the upstream answer is read to
 * its end; the client side may keep its connection alive.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with one request. */
    public enum Kind { PASS, STRIP_HEADER, STATUS, RESET, TRUNCATE, STALL, STALL_MID_BODY, REDIRECT, DELAY }

    /**
     * One scripted fault.
     *
     * @param kind       what happens
     * @param forward    the request reaches the real server first (its answer is then replaced or cut)
     * @param status     for STATUS: the status code sent back
     * @param retryAfter for STATUS: the Retry-After header in seconds, or -1 for none
     * @param stall      for STALL: how long to hold the connection before closing it; for DELAY: how long
     *                   to hold the server's answer back
     * @param detail     for REDIRECT: the Location to send the client to; for STRIP_HEADER: the header's name
     */
    public record Fault(Kind kind, boolean forward, int status, long retryAfter, Duration stall, String detail) {
        public Fault(Kind kind, boolean forward, int status, long retryAfter, Duration stall) {
            this(kind, forward, status, retryAfter, stall, null);
        }

        /** Answers {@code status} (301, 302, 307, 308) with a Location header, as a server that moved would. */
        public static Fault redirect(int status, URI location) {
            return new Fault(Kind.REDIRECT, false, status, -1, Duration.ZERO, location.toString());
        }

        public static Fault pass() {
            return new Fault(Kind.PASS, true, 0, -1, Duration.ZERO);
        }

        /** Passes the server's answer on without the header {@code name} (e.g. a server that sends no ETag). */
        public static Fault stripHeader(String name) {
            return new Fault(Kind.STRIP_HEADER, true, 0, -1, Duration.ZERO, name);
        }

        /** Passes the server's answer on after {@code delay}: a server far away (the bench's round trip). */
        public static Fault delay(Duration delay) {
            return new Fault(Kind.DELAY, true, 0, -1, delay);
        }

        /** Answers {@code status} without asking the server. */
        public static Fault status(int status) {
            return new Fault(Kind.STATUS, false, status, -1, Duration.ZERO);
        }

        /** Lets the server do the work, then answers {@code status} instead of its answer. */
        public static Fault statusAfterForward(int status) {
            return new Fault(Kind.STATUS, true, status, -1, Duration.ZERO);
        }

        public static Fault retryAfter(int status, long seconds) {
            return new Fault(Kind.STATUS, false, status, seconds, Duration.ZERO);
        }

        /** The server does the work; its answer is cut in the middle and the connection reset. */
        public static Fault resetMidAnswer() {
            return new Fault(Kind.RESET, true, 0, -1, Duration.ZERO);
        }

        /** The server does the work; the answer's body is cut short and the connection closed. */
        public static Fault truncateBody() {
            return new Fault(Kind.TRUNCATE, true, 0, -1, Duration.ZERO);
        }

        /** Holds the connection without answering (and without asking the server), then closes it. */
        public static Fault stall(Duration duration) {
            return new Fault(Kind.STALL, false, 0, -1, duration);
        }

        /** Sends the answer's headers and half its body, then stops sending for {@code duration}. */
        public static Fault stallMidBody(Duration duration) {
            return new Fault(Kind.STALL_MID_BODY, true, 0, -1, duration);
        }

        /** Lets the server do the work, then holds the answer back until the client gave up. */
        public static Fault stallAfterForward(Duration duration) {
            return new Fault(Kind.STALL, true, 0, -1, duration);
        }
    }

    private final URI upstream;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Fault> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Fault> standing = new ConcurrentHashMap<>();
    private final Map<String, Fault> once = new ConcurrentHashMap<>();
    private volatile Fault otherwise = Fault.pass();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** Starts a proxy in front of {@code upstream} (http://host:port/). */
    public static FaultProxy start(URI upstream) {
        try {
            return new FaultProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the fault proxy", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** The same path on the proxy as {@code serverUrl} has on the real server. */
    public URI via(URI serverUrl) {
        return baseUrl().resolve(serverUrl.getRawPath());
    }

    /** Appends faults to the script; each request takes the next one. */
    public void enqueue(Fault... faults) {
        Collections.addAll(script, faults);
    }

    /** Answers every request for {@code path} with {@code fault}, ahead of the script, until {@link #clearStanding()}. */
    public void always(String path, Fault fault) {
        standing.put(path, fault);
    }

    /** What requests without a fault of their own get (instead of passing straight through). */
    public void otherwise(Fault fault) {
        otherwise = fault;
    }

    /** Answers the next request for {@code path} with {@code fault}, ahead of the script; later ones pass. */
    public void once(String path, Fault fault) {
        once.put(path, fault);
    }

    public void clearStanding() {
        standing.clear();
        once.clear();
    }

    public int pendingFaults() {
        return script.size();
    }

    /** One line per request: "METHOD path -> what happened". */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    log.add("accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (!closed) {
                Request request = readRequest(in);
                if (request == null) {
                    return;
                }
                Fault fault = once.remove(request.path);
                if (fault == null) {
                    fault = standing.get(request.path);
                }
                if (fault == null) {
                    fault = script.poll();
                }
                if (fault == null) {
                    fault = otherwise;
                }
                log.add(request.method + " " + request.path + " -> " + describe(fault));
                if (!handle(fault, request, client, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } finally {
            open.remove(client);
        }
    }

    /** Carries out one fault; false when the client connection is finished. */
    private boolean handle(Fault fault, Request request, Socket client, OutputStream out) throws IOException {
        byte[] answer = fault.forward() ? forward(request) : null;
        switch (fault.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(fault.stall().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                out.write(answer);
                out.flush();
                return !answerSaysClose(answer);
            }
            case PASS -> {
                out.write(answer);
                out.flush();
                return !answerSaysClose(answer);
            }
            case STATUS -> {
                String body = "fault proxy: HTTP " + fault.status() + "\n";
                StringBuilder head = new StringBuilder("HTTP/1.1 " + fault.status() + " Injected\r\n")
                        .append("Content-Type: text/plain\r\nContent-Length: ").append(body.length()).append("\r\n");
                if (fault.retryAfter() >= 0) {
                    head.append("Retry-After: ").append(fault.retryAfter()).append("\r\n");
                }
                out.write((head + "\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
            case STRIP_HEADER -> {
                String header = fault.detail().toLowerCase(Locale.ROOT) + ":";
                int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String head = new String(answer, 0, headEnd, StandardCharsets.ISO_8859_1);
                StringBuilder kept = new StringBuilder();
                for (String line : head.split("\r\n")) {
                    if (!line.toLowerCase(Locale.ROOT).startsWith(header)) {
                        kept.append(line).append("\r\n");
                    }
                }
                out.write(kept.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(answer, headEnd + 2, answer.length - headEnd - 2);
                out.flush();
                return !answerSaysClose(answer);
            }
            case REDIRECT -> {
                out.write(("HTTP/1.1 " + fault.status() + " Moved\r\nLocation: " + fault.detail()
                        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
            case RESET -> {
                byte[] part = answer == null ? new byte[0] : java.util.Arrays.copyOf(answer, Math.max(1, answer.length / 2));
                out.write(part);
                out.flush();
                // Let the client read the part before the RST, which would otherwise discard it.
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                client.setSoLinger(true, 0); // close with RST, not FIN
                return false;
            }
            case TRUNCATE -> {
                int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
                int bodyLength = answer.length - headEnd;
                out.write(answer, 0, headEnd + bodyLength / 2);
                out.flush();
                return false;
            }
            case STALL_MID_BODY -> {
                int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
                out.write(answer, 0, headEnd + (answer.length - headEnd) / 2);
                out.flush();
                try {
                    Thread.sleep(fault.stall().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case STALL -> {
                try {
                    Thread.sleep(fault.stall().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            default -> throw new IllegalStateException(fault.kind().toString());
        }
    }

    private byte[] forward(Request request) throws IOException {
        try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            server.setSoTimeout(30_000);
            OutputStream up = server.getOutputStream();
            up.write(request.head);
            up.write(request.body);
            up.flush();
            return server.getInputStream().readAllBytes();
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        int contentLength = 0;
        StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
            if (!lower.startsWith("connection:") && !line.isEmpty()) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        byte[] body = in.readNBytes(contentLength);
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "?",
                rewritten.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static boolean answerSaysClose(byte[] answer) {
        int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = new String(answer, 0, Math.max(0, headEnd), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("\r\nconnection: close") || !head.contains("content-length:");
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return data.length;
    }

    private static String describe(Fault fault) {
        List<String> parts = new ArrayList<>();
        parts.add(fault.kind().toString());
        if (fault.kind() == Kind.STATUS) {
            parts.add(Integer.toString(fault.status()));
        }
        if (fault.retryAfter() >= 0) {
            parts.add("retry-after " + fault.retryAfter());
        }
        if (fault.forward() && fault.kind() != Kind.PASS) {
            parts.add("after forward");
        }
        return String.join(" ", parts);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private record Request(String method, String path, byte[] head, byte[] body) {}
}
