package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlRequestTest {
    private final ObjectMapper json = StatusFile.mapper();

    private String line(ControlRequest request) throws Exception {
        return json.writeValueAsString(request.toJson(json));
    }

    private ControlRequest parse(String line) throws Exception {
        return ControlRequest.parse(json.readTree(line));
    }

    @Test
    void writesTheDocumentedWireFormat() throws Exception {
        assertThat(line(ControlRequest.of(ControlCommand.PING))).isEqualTo("{\"cmd\":\"ping\"}");
        assertThat(line(ControlRequest.of(ControlCommand.STATUS))).isEqualTo("{\"cmd\":\"status\"}");
        assertThat(line(ControlRequest.sync(Optional.empty(), false))).isEqualTo("{\"cmd\":\"sync\",\"pair\":null}");
        assertThat(line(ControlRequest.sync(Optional.of("work"), true)))
                .isEqualTo("{\"cmd\":\"sync\",\"pair\":\"work\",\"wait\":true}");
    }

    @Test
    void everyCommandRoundTrips() throws Exception {
        for (ControlCommand command : ControlCommand.values()) {
            ControlRequest request = command == ControlCommand.SYNC ? ControlRequest.sync(Optional.of("work"), true)
                    : ControlRequest.of(command);
            assertThat(parse(line(request))).isEqualTo(request);
        }
        assertThat(ControlCommand.values()).extracting(ControlCommand::wireName)
                .containsExactly("ping", "status", "sync", "pause", "resume", "cancel", "reload", "stop");
    }

    @Test
    void readsWhatEarlierClientsSent() throws Exception {
        assertThat(parse("{\"cmd\":\"sync\"}")).isEqualTo(ControlRequest.sync(Optional.empty(), false));
        assertThat(parse("{\"cmd\":\"sync\",\"pair\":null,\"wait\":true}")).isEqualTo(ControlRequest.sync(Optional.empty(), true));
        assertThat(parse("{\"cmd\":\"pause\",\"pair\":\"work\",\"extra\":1}")).as("fields a command does not take are ignored")
                .isEqualTo(ControlRequest.of(ControlCommand.PAUSE));
    }

    @Test
    void anUnknownOrMissingCommandIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> parse("{\"cmd\":\"dance\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown command \"dance\"; known: ping, status, sync, pause, resume, cancel, reload, stop");
        assertThatThrownBy(() -> parse("{\"pair\":\"work\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown command \"\"");
        assertThatThrownBy(() -> parse("{\"cmd\":\"PING\"}")).as("names are lower case on the wire")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySyncTakesArguments() {
        assertThatThrownBy(() -> new ControlRequest(ControlCommand.STOP, Optional.of("work"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ControlRequest(ControlCommand.STATUS, Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWaitingSyncMayAskForTheReportTheCommandLinePrints() throws Exception {
        ControlRequest text = ControlRequest.syncReporting(Optional.of("work"), ControlRequest.ReportForm.TEXT);
        assertThat(line(text)).isEqualTo("{\"cmd\":\"sync\",\"pair\":\"work\",\"wait\":true,\"report\":\"text\"}");
        assertThat(text.toLine()).isEqualTo(line(text));
        assertThat(parse(line(text))).isEqualTo(text);
        assertThat(parse("{\"cmd\":\"sync\",\"wait\":true,\"report\":\"json\"}").report())
                .isEqualTo(ControlRequest.ReportForm.JSON);
        assertThatThrownBy(() -> parse("{\"cmd\":\"sync\",\"wait\":true,\"report\":\"xml\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown report \"xml\"; known: text, json");
        assertThatThrownBy(() -> parse("{\"cmd\":\"sync\",\"report\":\"text\"}")).as("a report needs the runs to end")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"wait\":true");
    }
}
