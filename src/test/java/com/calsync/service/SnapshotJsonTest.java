package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.calsync.platform.JsonText;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunRecord;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JDK-only mapping of ServiceSnapshot (the command line's quick path) against Jackson's
 * (status.json, the control socket): the same text out, the same snapshot in.
 */
class SnapshotJsonTest {
    private final ObjectMapper jackson = StatusFile.mapper();
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    private static ServiceSnapshot snapshot(String text, long n, int i) {
        RunResult result = new RunResult(SyncOutcome.values()[i % 3], T.plusMillis(n % 100_000), n, new SideCounts(n, 0, i),
                new SideCounts(0, i, n), i, i % 4, i % 2 == 0 ? null : "held: " + text, i, i % 3 == 2 ? text : null,
                i % 2 == 0 ? null : text, i % 2 == 0 ? java.util.List.of() : java.util.List.of(text, "t" + i));
        PairStatus pair = new PairStatus(text, "src " + text, "dst", SyncMode.values()[i % 2], i, i % 2 == 0,
                i % 5 == 0 ? null : T.plusSeconds(i), n, i, i % 7, i % 6 == 0 ? null : result, i % 4 == 0 ? null : text,
                i % 3 == 0 ? null : "parent " + text, i % 5 == 1 ? null : "busy copy (\"" + text + "\")");
        return new ServiceSnapshot(i % 2 == 1, n, T, i % 3 == 0 ? null : T.plusNanos(123_456_789L), ServiceState.values()[i % 4],
                i % 2 == 0 ? null : text, T.minusSeconds(n % 1000), null, n, i, i % 3 == 0 ? null : n, "/c/" + text + "/config.json",
                i % 4 == 0 ? text : null, i % 5 == 0 ? List.of() : List.of(pair, pair),
                List.of(new RunRecord(text, T, n, i, SyncOutcome.OK)), i % 2 == 0 ? null : new ServiceSnapshot.Progress(i, n));
    }

    @Test
    void writesWhatJacksonsPrettyPrinterWritesAndReadsBackWhatJacksonReads() {
        qt().withExamples(200).forAll(strings().allPossible().ofLengthBetween(0, 30), longs().between(0, Long.MAX_VALUE / 2),
                integers().between(0, 1000)).checkAssert((text, n, i) -> {
                    ServiceSnapshot s = snapshot(text, n, i);
                    try {
                        String expected = jackson.writerWithDefaultPrettyPrinter().writeValueAsString(s);
                        assertThat(SnapshotJson.pretty(s)).isEqualTo(expected);
                        assertThat(SnapshotJson.read(JsonText.parseObject(expected))).isEqualTo(s);
                        assertThat(SnapshotJson.read(JsonText.parseObject(jackson.writeValueAsString(s)))).isEqualTo(s);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void readsAStatusFileOfThePreviousVersionAsJacksonDoes() throws Exception {
        String old;
        try (InputStream in = getClass().getResourceAsStream("/status/written-before-typed-state.json")) {
            old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(SnapshotJson.read(JsonText.parseObject(old))).isEqualTo(jackson.readValue(old, ServiceSnapshot.class));
    }

    @Test
    void aRunResultInASyncAnswerReadsAsJacksonReadsIt() throws Exception {
        ServiceSnapshot s = snapshot("work", 412, 1);
        RunResult r = s.pairs().get(0).lastResult();
        String text = jackson.writeValueAsString(jackson.valueToTree(r));

        assertThat(SnapshotJson.readRunResult(JsonText.parseObject(text))).isEqualTo(r);
        assertThat(JsonText.write(SnapshotJson.tree(r))).isEqualTo(text);
    }
}
