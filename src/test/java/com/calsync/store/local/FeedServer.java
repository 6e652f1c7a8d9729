package com.calsync.store.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 for feed tests: serves bodies by path with an ETag and
 * Last-Modified, answers 304 to matching conditional requests, and records every request.
 */
final class FeedServer implements AutoCloseable {
    /** One canned answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a request asked for. */
    record Seen(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

    static final String LAST_MODIFIED = "Wed, 25 Nov 2026 10:00:00 GMT";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger notModified = new java.util.concurrent.atomic.AtomicInteger();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code body} as a calendar at {@code path}, with an ETag derived from it. */
    void feed(String path, String body) {
        answers.remove(path);
        feeds.put(path, body);
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var headers = exchange.getRequestHeaders();
        requests.add(new Seen(path, headers.getFirst("If-None-Match"), headers.getFirst("If-Modified-Since"),
                headers.getFirst("User-Agent")));
        try (exchange) {
            Answer canned = answers.get(path);
            if (canned != null) {
                canned.headers().forEach(exchange.getResponseHeaders()::add);
                send(exchange, canned.status(), canned.body());
                return;
            }
            String body = feeds.get(path);
            if (body == null) {
                send(exchange, 404, "not here");
                return;
            }
            String etag = "\"" + ItemFileName.sha256Hex(body).substring(0, 12) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            if (etag.equals(headers.getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            send(exchange, 200, body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
