package com.calsync.service;

import com.calsync.platform.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket: a Unix-domain socket in the state folder speaking line-delimited JSON, one
 * request per line, one response line each ({@code {"ok":true,...}} or
 * {@code {"ok":false,"error":"..."}}). Only the user can connect: the folder is 0700 and the
 * socket 0600 (the folder is what protects the moment between bind and chmod).
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

    /** Answers one request; runs on a connection thread, so it may block (e.g. waiting for a sync). */
    @FunctionalInterface
    public interface Handler {
        ObjectNode handle(JsonNode request) throws Exception;
    }

    private final Path socket;
    private final Handler handler;
    /** Work a handler asked to run once its answer is sent (see {@link #afterReply}), per connection thread. */
    private final ThreadLocal<java.util.List<Runnable>> afterReply = ThreadLocal.withInitial(java.util.ArrayList::new);
    private final ObjectMapper json = StatusFile.mapper();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "calsync-control-connection");
        t.setDaemon(true);
        return t;
    });
    private ServerSocketChannel server;

    public ControlServer(Path socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
    }

    public ControlServer start() throws IOException {
        PrivateFiles.createDirectories(socket.toAbsolutePath().getParent());
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot create the control socket " + socket + ": " + e.getMessage()
                    + (socket.toString().length() > 100 ? " (Unix socket paths are limited to about 104 bytes; use a shorter CALSYNC_HOME)" : ""), e);
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Thread accept = new Thread(this::acceptLoop, "calsync-control");
        accept.setDaemon(true);
        accept.start();
        return this;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("control socket: {}", e.getMessage());
                return;
            }
            connections.execute(() -> serve(client));
        }
    }

    private void serve(SocketChannel client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
             OutputStream out = Channels.newOutputStream(client)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode response;
                try {
                    response = handler.handle(json.readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    response = error("not a JSON request: " + e.getOriginalMessage());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    response = error(e.getMessage());
                } catch (Exception e) {
                    log.warn("control request {} failed", line, e);
                    response = error(e.toString());
                }
                try {
                    out.write((json.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } finally {
                    runAfterReply(); // also when the client is gone: a stop still stops
                }
            }
        } catch (IOException e) {
            log.debug("control connection ended: {}", e.getMessage());
        }
    }

    /**
     * Called from a {@link Handler}: runs {@code action} once the answer to the request being
     * handled has been sent — for a request like {@code stop}, whose work would end the
     * connection (or the process) before the answer got out.
     */
    public void afterReply(Runnable action) {
        afterReply.get().add(action);
    }

    private void runAfterReply() {
        java.util.List<Runnable> actions = new java.util.ArrayList<>(afterReply.get());
        afterReply.get().clear();
        actions.forEach(Runnable::run);
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("ok", false).put("error", message);
    }

    /** Stops accepting and removes the socket file. */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        connections.shutdownNow();
        Files.deleteIfExists(socket);
    }
}
