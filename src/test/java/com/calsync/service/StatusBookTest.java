package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.CalendarRoute;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import com.calsync.sync.transform.PairTransform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole-account pair's run in the service's counters: the run counts once, each calendar keeps its own row. */
class StatusBookTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private static SyncReport calendar(String name, SyncOutcome outcome, int created) {
        List<ItemChange> changes = java.util.stream.IntStream.range(0, created)
                .mapToObj(i -> new ItemChange(Side.TARGET, ItemChange.Kind.CREATED, "k" + i, "T", "h" + i, "new"))
                .toList();
        SyncReport r = new SyncReport("all/" + name, SyncMode.MIRROR, false, T, 10, outcome, changes, List.of(), List.of(),
                null, List.of(), outcome == SyncOutcome.FAILED ? "cannot reach it" : null,
                Map.of(Side.SOURCE, 1L, Side.TARGET, 1L), Map.of(Side.SOURCE, 0, Side.TARGET, 0));
        return r.forCalendar(new CalendarRoute("all", "rad:" + name, "xan:" + name, created > 0));
    }

    @Test
    void theRunCountsOnceAndEachCalendarHasItsOwnTotals() {
        StatusBook book = StatusBook.continuing(Optional.empty());
        SyncReport run = SyncReport.ofCalendars("all", SyncMode.MIRROR, false, T, 30, PairTransform.NONE,
                List.of(calendar("Family", SyncOutcome.OK, 2), calendar("Chores", SyncOutcome.FAILED, 0)), null);

        book.record(run, T);

        assertThat(run.outcome()).as("one calendar failed, the other synced").isEqualTo(SyncOutcome.PARTIAL);
        assertThat(book.syncCount()).isEqualTo(1);
        assertThat(book.history()).singleElement().satisfies(h -> assertThat(h.changes()).isEqualTo(2));
        assertThat(book.calendarsOf("all")).extracting(StatusBook.CalendarRow::name)
                .containsExactly("all/Family", "all/Chores");
        assertThat(book.pair("all/Family").lastResult().target().created()).isEqualTo(2);
        assertThat(book.pair("all/Chores").errorCount()).isEqualTo(1);
        assertThat(book.pair("all/Chores").lastError()).isEqualTo("cannot reach it");
    }

    @Test
    void aRunThatCouldNotListTheCalendarsFailsAndKeepsTheRowsOfTheLastOne() {
        StatusBook book = StatusBook.continuing(Optional.empty());
        book.record(SyncReport.ofCalendars("all", SyncMode.MIRROR, false, T, 30, PairTransform.NONE,
                List.of(calendar("Family", SyncOutcome.OK, 1)), null), T);

        SyncReport unreachable = SyncReport.ofCalendars("all", SyncMode.MIRROR, false, T, 3, PairTransform.NONE, List.of(),
                "cannot list the calendars");
        book.record(unreachable, T);

        assertThat(unreachable.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(book.pair("all").lastError()).isEqualTo("cannot list the calendars");
        assertThat(book.calendarsOf("all")).extracting(StatusBook.CalendarRow::name).containsExactly("all/Family");
    }

    @Test
    void theCalendarRowsComeBackFromStatusJsonAfterARestart() throws Exception {
        ServiceSnapshot.PairStatus parent = new ServiceSnapshot.PairStatus("all", "rad:*", "xan:*", SyncMode.MIRROR, 30,
                false, null, 1, 0, 0, null, null);
        ServiceSnapshot.PairStatus child = new ServiceSnapshot.PairStatus("all/Family", "rad:Family", "xan:Family",
                SyncMode.MIRROR, 30, false, null, 1, 0, 0, null, null, "all", "busy copy (\"Busy\")");
        ServiceSnapshot snapshot = new ServiceSnapshot(false, 1, T, T, ServiceState.STOPPED, null, T, null, 1, 0, 5L,
                "/c.json", null, List.of(parent, child), List.of(), null);
        StatusFile file = new StatusFile(dir.resolve("status.json"));
        file.write(snapshot);

        ServiceSnapshot read = file.read().orElseThrow();
        StatusBook book = StatusBook.continuing(Optional.of(read));

        assertThat(read.pair("all/Family").parent()).isEqualTo("all");
        assertThat(read.pair("all/Family").transform()).isEqualTo("busy copy (\"Busy\")");
        assertThat(read.pair("all").parent()).isNull();
        assertThat(java.nio.file.Files.readString(dir.resolve("status.json")))
                .as("a plain pair's entry has no new keys").containsOnlyOnce("\"parent\"");
        assertThat(book.calendarsOf("all")).containsExactly(new StatusBook.CalendarRow("all/Family", "rad:Family",
                "xan:Family"));
        assertThat(book.pair("all/Family").syncCount()).isEqualTo(1);
    }
}
