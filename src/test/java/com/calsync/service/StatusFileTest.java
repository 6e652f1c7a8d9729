package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    private static SyncReport report(String pair, SyncOutcome outcome, int created) {
        List<ItemChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < created; i++) {
            changes.add(new ItemChange(Side.TARGET, ItemChange.Kind.CREATED, "k" + i, "Event " + i, "e" + i + ".ics", "new on the source"));
        }
        changes.add(new ItemChange(Side.SOURCE, ItemChange.Kind.DELETED, "gone", "Gone", "gone.ics", "deleted on the target"));
        return new SyncReport(pair, SyncMode.MIRROR, false, T, 120, outcome, changes, List.of(), List.of(), null, List.of(),
                outcome == SyncOutcome.FAILED ? "the server answered 503" : null, Map.of(), Map.of());
    }

    private ServiceSnapshot snapshotOf(StatusBook book) {
        return new ServiceSnapshot(true, 42, T, null, ServiceState.IDLE, null, book.lastSync(), T.plusSeconds(1800), book.syncCount(),
                book.errorCount(), book.lastDurationMs(), "/c/config.json", null,
                List.of(new ServiceSnapshot.PairStatus("p", "a", "b", SyncMode.MIRROR, 30, false, T.plusSeconds(1800),
                        book.pair("p").syncCount(), book.pair("p").errorCount(), 0, book.pair("p").lastResult(),
                        book.pair("p").lastError())),
                book.history(), null);
    }

    @Test
    void writesSnakeCaseJsonPrivatelyAndReadsItBack() throws Exception {
        StatusBook book = StatusBook.continuing(Optional.empty());
        book.record(report("p", SyncOutcome.OK, 2), T);
        StatusFile file = new StatusFile(dir.resolve("state/status.json"));
        ServiceSnapshot written = snapshotOf(book);

        file.write(written);

        String text = Files.readString(file.path());
        assertThat(text).contains("\"sync_count\" : 1", "\"last_sync\" : \"2026-11-26T12:00:00Z\"", "\"last_duration_ms\" : 120",
                "\"next_sync\"", "\"error_count\" : 0", "\"last_result\"", "\"guard_note\"", "\"history\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(file.read()).contains(written);
        try (var left = Files.list(file.path().getParent())) {
            assertThat(left).containsExactly(file.path()); // no temp files behind
        }
    }

    @Test
    void countersPerPairResultsAndHistoryContinueFromThePreviousStatus() {
        StatusBook first = StatusBook.continuing(Optional.empty());
        first.record(report("p", SyncOutcome.OK, 3), T);
        first.record(report("p", SyncOutcome.FAILED, 0), T.plusSeconds(60));

        StatusBook next = StatusBook.continuing(Optional.of(snapshotOf(first)));
        next.record(report("p", SyncOutcome.PARTIAL, 1), T.plusSeconds(120));

        assertThat(next.syncCount()).isEqualTo(2);
        assertThat(next.errorCount()).isEqualTo(1);
        assertThat(next.pair("p").syncCount()).isEqualTo(2);
        assertThat(next.pair("p").errorCount()).isEqualTo(1);
        assertThat(next.pair("p").lastError()).isEqualTo("the server answered 503");
        ServiceSnapshot.RunResult last = next.pair("p").lastResult();
        assertThat(last.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(last.target()).isEqualTo(new ServiceSnapshot.SideCounts(1, 0, 0));
        assertThat(last.source()).isEqualTo(new ServiceSnapshot.SideCounts(0, 0, 1));
        assertThat(next.history()).extracting(ServiceSnapshot.RunRecord::outcome).containsExactly(SyncOutcome.OK, SyncOutcome.FAILED, SyncOutcome.PARTIAL);
        assertThat(next.history()).extracting(ServiceSnapshot.RunRecord::changes).containsExactly(4L, 1L, 2L);
    }

    @Test
    void historyKeepsTheMostRecentRuns() {
        StatusBook book = StatusBook.continuing(Optional.empty());
        for (int i = 0; i < StatusBook.HISTORY_SIZE + 7; i++) {
            book.record(report("p", SyncOutcome.OK, 0), T.plusSeconds(i));
        }
        assertThat(book.history()).hasSize(StatusBook.HISTORY_SIZE);
        assertThat(book.history().get(0).time()).isEqualTo(T.plusSeconds(7));
        assertThat(book.history().get(StatusBook.HISTORY_SIZE - 1).time()).isEqualTo(T.plusSeconds(StatusBook.HISTORY_SIZE + 6));
    }

    @Test
    void anUnreadableStatusFileMeansStartingFromZero() throws Exception {
        Path path = dir.resolve("status.json");
        Files.writeString(path, "{ half a fi");
        assertThat(new StatusFile(path).read()).isEmpty();
        assertThat(new StatusFile(dir.resolve("none.json")).read()).isEmpty();
    }
}
