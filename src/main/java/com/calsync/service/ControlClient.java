package com.calsync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
    public static final Duration ANSWER_TIMEOUT = ControlConnection.ANSWER_TIMEOUT;

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
        Optional<String> answer = ControlConnection.exchange(socket, json.writeValueAsString(request), String.valueOf(request.get("cmd")), timeout);
        return answer.isEmpty() ? Optional.empty() : Optional.of(json.readTree(answer.get()));
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
