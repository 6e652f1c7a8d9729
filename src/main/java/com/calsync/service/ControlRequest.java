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
 * @param pair   {@code sync} only: the pair to run (empty: every pair)
 * @param await  {@code sync} only: answer once the runs are done, with their results
 * @param report {@code sync} with {@code await} only: also answer the report {@code calsync sync}
 *               prints, as text or as its JSON ({@code "report":"text"})
 */
public record ControlRequest(ControlCommand command, Optional<String> pair, boolean await, ReportForm report) {

    /** The form of the report a waiting sync answers besides its results. */
    public enum ReportForm {
        /** Only the results ({@code last_result} fields per pair). */
        NONE,
        /** Also {@code "output"}: the lines {@code calsync sync} prints. */
        TEXT,
        /** Also {@code "output"}: what {@code calsync sync --json} prints. */
        JSON;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static ReportForm named(String name) {
            return switch (name) {
                case "" -> NONE;
                case "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("unknown report \"" + name + "\"; known: text, json");
            };
        }
    }

    public ControlRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(report, "report");
        if (command != ControlCommand.SYNC && (pair.isPresent() || await)) {
            throw new IllegalArgumentException("only sync takes a pair or waits; " + command.wireName() + " does not");
        }
        if (report != ReportForm.NONE && !await) {
            throw new IllegalArgumentException("a report comes only with a sync that waits (\"wait\":true)");
        }
    }

    public ControlRequest(ControlCommand command, Optional<String> pair, boolean await) {
        this(command, pair, await, ReportForm.NONE);
    }

    /** A command without arguments. */
    public static ControlRequest of(ControlCommand command) {
        return new ControlRequest(command, Optional.empty(), false);
    }

    public static ControlRequest sync(Optional<String> pair, boolean await) {
        return new ControlRequest(ControlCommand.SYNC, pair, await);
    }

    /** A sync of every pair (or {@code pair}) that waits and answers what {@code calsync sync} would print. */
    public static ControlRequest syncReporting(Optional<String> pair, ReportForm report) {
        return new ControlRequest(ControlCommand.SYNC, pair, true, report);
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
        return new ControlRequest(command, pair, request.path("wait").asBoolean(false),
                ReportForm.named(request.path("report").asText("")));
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
            if (report != ReportForm.NONE) {
                node.put("report", report.wireName());
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
            if (report != ReportForm.NONE) {
                node.put("report", report.wireName());
            }
        }
        return node;
    }
}
