package com.calsync.service;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A control-socket line is read as the server reads it; its only failures are the ones the
 * server answers as {@code {"ok":false,…}}: not JSON, or not a request.
 * Replays {@code ControlRequestFuzzTestInputs/} in every build; src/docs/fuzzing.md fuzzes it.
 */
class ControlRequestFuzzTest {
    private final ObjectMapper json = StatusFile.mapper();

    @FuzzTest(maxDuration = "24h")
    void line(@NotNull String line) {
        try {
            ControlRequest request = ControlRequest.parseLine(json, line);
            request.toJson(json);
        } catch (JsonProcessingException | IllegalArgumentException expected) {
            // answered {"ok":false,"error":…}
        }
    }
}
