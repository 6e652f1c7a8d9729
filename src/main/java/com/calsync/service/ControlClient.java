package com.calsync.service;

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
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Talks to a running service over its control socket (see {@link ControlServer}). */
public final class ControlClient {
    private final Path socket;
    private final ObjectMapper json = StatusFile.mapper();
    private final Duration answerTimeout;

    public ControlClient(Path socket) {
        this(socket, ANSWER_TIMEOUT);
    }

    /** @param answerTimeout how long a request (other than a waiting sync) may wait for its answer */
    public ControlClient(Path socket, Duration answerTimeout) {
        this.socket = socket;
        this.answerTimeout = answerTimeout;
    }

    /**
     * A raw request object {@code {"cmd": cmd}}, for speaking to the socket outside the
     * protocol's own commands (its tests); the app sends {@link ControlRequest}s.
     */
    public ObjectNode request(String cmd) {
        return json.createObjectNode().put("cmd", cmd);
    }

    /** How long a request may wait for its answer by default, unless it asks to wait for a sync. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Sends one request and reads its response: within {@link #ANSWER_TIMEOUT}, or without a
     * limit when the request waits for a sync ({@code "wait": true}).
     *
     * @return empty when no service answers (no socket, or a stale one that refuses connections)
     * @throws IOException when the service accepted but the exchange broke or took too long
     */
    public Optional<JsonNode> send(ControlRequest request) throws IOException {
        return send(request.toJson(json));
    }

    /** Sends a raw request object; see {@link #send(ControlRequest)}. */
    public Optional<JsonNode> send(ObjectNode request) throws IOException {
        if (request.path("wait").asBoolean(false)) {
            return exchange(request, null);
        }
        return exchange(request, answerTimeout);
    }

    private Optional<JsonNode> exchange(ObjectNode request, Duration timeout) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty();
        }
        // Unix channels have no read timeout; a timer closes the channel instead, which ends the blocked read
        java.util.concurrent.ScheduledFuture<?> closer = timeout == null ? null
                : timer.schedule(() -> closeQuietly(channel), timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (channel;
             OutputStream out = Channels.newOutputStream(channel);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the service closed the connection without answering " + request.get("cmd"));
            }
            return Optional.of(json.readTree(line));
        } catch (java.nio.channels.ClosedChannelException e) {
            throw new IOException("CalSync accepted the connection on " + socket + " but did not answer "
                    + request.get("cmd") + " within " + timeout.toSeconds() + " s; it may be stuck (`calsync logs`)", e);
        } finally {
            if (closer != null) {
                closer.cancel(false);
            }
        }
    }

    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "calsync-control-timeout");
                t.setDaemon(true);
                return t;
            });

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /** Whether a service answers a ping. */
    public boolean answers() {
        try {
            return send(ControlRequest.of(ControlCommand.PING)).map(r -> r.path("ok").asBoolean()).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
