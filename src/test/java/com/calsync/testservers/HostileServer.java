package com.calsync.testservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A small HTTP server on loopback that plays a hostile CalDAV server or feed: each test gives it
 * the answers (redirects elsewhere, hrefs outside the collection, bodies that trickle or never
 * end, gzip bombs, odd etags), and it records every request it got, with its Authorization header,
 * so a test can assert what reached it.
 */
public final class HostileServer implements AutoCloseable {
    /** One request as received. */
    public record Seen(String method, String path, String authorization, Map<String, String> headers, String body) {
    }

    /** Answers one request; throwing ends the exchange without an answer. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, String body) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private volatile Handler fallback = (exchange, body) -> respond(exchange, 404, Map.of(), "not here");
    public final List<Seen> requests = new CopyOnWriteArrayList<>();

    public HostileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** http://127.0.0.1:PORT + path */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers requests for exactly {@code path} (any method) with {@code handler}. */
    public HostileServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers every path no {@link #on} names. */
    public HostileServer otherwise(Handler handler) {
        fallback = handler;
        return this;
    }

    public long count(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).count();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        String rawPath = exchange.getRequestURI().getRawPath();
        requests.add(new Seen(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders().getFirst("Authorization"),
                headers, body));
        try {
            handlers.getOrDefault(rawPath, fallback).handle(exchange, body);
        } catch (IOException | RuntimeException e) {
            // the client hung up (a cancelled download): nothing more to send
        } finally {
            exchange.close();
        }
    }

    /** Sends a whole answer. */
    public static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        respond(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect to {@code location}. */
    public static Handler redirect(int status, String location) {
        return (exchange, body) -> respond(exchange, status, Map.of("Location", location), "");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
