package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status.json is documented (README) and read back after an update: its names and values stay
 * those of the version that kept state, mode and outcome as strings.
 */
class StatusFileCompatibilityTest {
    /** Written by StatusFile before state, mode and outcome became enums. */
    private static final String OLD_STATUS = "/status/written-before-typed-state.json";

    @TempDir
    Path dir;

    private final ObjectMapper json = StatusFile.mapper();

    @Test
    void aStatusFileWrittenByThePreviousVersionIsReadWithItsTypedValues() throws Exception {
        Path file = dir.resolve("status.json");
        Files.write(file, oldStatus());

        ServiceSnapshot s = new StatusFile(file).read().orElseThrow();

        assertThat(s.state()).isEqualTo(ServiceState.PAUSED);
        assertThat(s.pair("work").mode()).isEqualTo(SyncMode.MIRROR);
        assertThat(s.pair("home").mode()).isEqualTo(SyncMode.TWO_WAY);
        assertThat(s.pair("work").lastResult().outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(s.pair("work").lastResult().guardNote()).contains("calsync sync --approve-deletions work");
        assertThat(s.pair("home").lastResult().outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(s.history()).extracting(ServiceSnapshot.RunRecord::outcome)
                .containsExactly(SyncOutcome.OK, SyncOutcome.FAILED, SyncOutcome.PARTIAL);
        assertThat(StatusBook.continuing(Optional.of(s)).syncCount()).isEqualTo(7);
    }

    @Test
    void writingItBackGivesTheSameJsonNamesAndValues() throws Exception {
        Path file = dir.resolve("status.json");
        Files.write(file, oldStatus());
        StatusFile status = new StatusFile(file);

        status.write(status.read().orElseThrow());

        // every old field keeps its name and value; fields added since (held_reason, held_titles) may appear
        com.fasterxml.jackson.databind.JsonNode written = json.readTree(Files.readAllBytes(file));
        written.get("pairs").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p.get("last_result"))
                .remove(java.util.List.of("held_reason", "held_titles")));
        assertThat(written).isEqualTo(json.readTree(oldStatus()));
    }

    @Test
    void enumsUseTheirDocumentedJsonNames() throws Exception {
        assertThat(Arrays.stream(ServiceState.values()).map(this::write))
                .containsExactly("\"idle\"", "\"syncing\"", "\"paused\"", "\"stopped\"");
        assertThat(Arrays.stream(SyncOutcome.values()).map(this::write))
                .containsExactly("\"ok\"", "\"partial\"", "\"failed\"");
        assertThat(Arrays.stream(SyncMode.values()).map(this::write)).containsExactly("\"mirror\"", "\"two-way\"");
        for (ServiceState state : ServiceState.values()) {
            assertThat(json.readValue(write(state), ServiceState.class)).isEqualTo(state);
        }
        for (SyncOutcome outcome : SyncOutcome.values()) {
            assertThat(json.readValue(write(outcome), SyncOutcome.class)).isEqualTo(outcome);
        }
        for (SyncMode mode : SyncMode.values()) {
            assertThat(json.readValue(write(mode), SyncMode.class)).isEqualTo(mode);
        }
    }

    @Test
    void anUnknownStateMakesTheFileUnreadableRatherThanGuessed() throws Exception {
        Path file = dir.resolve("status.json");
        JsonNode tree = json.readTree(oldStatus());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("state", "dancing");
        Files.writeString(file, json.writeValueAsString(tree));

        assertThat(new StatusFile(file).read()).as("counters start from zero, as for any unreadable file").isEmpty();
    }

    private byte[] oldStatus() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(OLD_STATUS)) {
            return in.readAllBytes();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
