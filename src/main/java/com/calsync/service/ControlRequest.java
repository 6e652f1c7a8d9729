package com.calsync.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One request line of the control socket: {@code {"cmd":"sync","pair":"work","wait":true}}.
 * Built and written by {@link ControlClient}, read by the service; the JSON is the documented
 * wire format (line-delimited, one object per request).
 *
 * @param pair  {@code sync} only: the pair to run (empty: every pair)
 * @param await {@code sync} only: answer once the runs are done, with their results
 */
public record ControlRequest(ControlCommand command, Optional<String> pair, boolean await) {

    public ControlRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(pair, "pair");
        if (command != ControlCommand.SYNC && (pair.isPresent() || await)) {
            throw new IllegalArgumentException("only sync takes a pair or waits; " + command.wireName() + " does not");
        }
    }

    /** A command without arguments. */
    public static ControlRequest of(ControlCommand command) {
        return new ControlRequest(command, Optional.empty(), false);
    }

    public static ControlRequest sync(Optional<String> pair, boolean await) {
        return new ControlRequest(ControlCommand.SYNC, pair, await);
    }

    /**
     * Reads a request line's object. Fields a command does not take are ignored, as are unknown ones.
     *
     * @throws IllegalArgumentException when {@code cmd} is missing or names no command
     */
    public static ControlRequest parse(JsonNode request) {
        ControlCommand command = ControlCommand.named(request.path("cmd").asText(""));
        if (command != ControlCommand.SYNC) {
            return of(command);
        }
        Optional<String> pair = request.hasNonNull("pair") ? Optional.of(request.get("pair").asText()) : Optional.empty();
        return sync(pair, request.path("wait").asBoolean(false));
    }

    /**
     * Reads one line of the control socket as the service does: JSON, then {@link #parse}.
     *
     * @throws JsonProcessingException when the line is not JSON
     * @throws IllegalArgumentException when it is JSON but no request
     */
    public static ControlRequest parseLine(ObjectMapper json, String line) throws JsonProcessingException {
        JsonNode node = json.readTree(line);
        if (node == null) {
            throw new IllegalArgumentException("an empty line is no request");
        }
        return parse(node);
    }

    /** The request line as it goes on the wire, written with the JDK alone (the command line's quick path). */
    public String toLine() {
        java.util.Map<String, Object> node = new java.util.LinkedHashMap<>();
        node.put("cmd", command.wireName());
        if (command == ControlCommand.SYNC) {
            node.put("pair", pair.orElse(null));
            if (await) {
                node.put("wait", true);
            }
        }
        return com.calsync.platform.JsonText.write(node);
    }

    /** The request as it goes on the wire. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("cmd", command.wireName());
        if (command == ControlCommand.SYNC) {
            node.put("pair", pair.orElse(null));
            if (await) {
                node.put("wait", true);
            }
        }
        return node;
    }
}
