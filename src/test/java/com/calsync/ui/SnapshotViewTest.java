package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunRecord;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.service.ServiceState;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.PairState;
import com.calsync.ui.model.TrayState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotViewTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final SideCounts NONE = new SideCounts(0, 0, 0);

    private static RunResult ok(SideCounts target, int held) {
        return new RunResult(SyncOutcome.OK, T, 800, NONE, target, 0, held, held > 0 ? "the source came back empty" : null, 0, null,
                held > 0 ? "5 of 5 items vanished" : null, held > 0 ? List.of("Dentist", "Lunch") : List.of());
    }

    private static PairStatus pair(String name, boolean running, int failures, RunResult last, String lastError) {
        return new PairStatus(name, "a", "b", SyncMode.MIRROR, 30, running, T.plusSeconds(1800), 1, failures, failures, last, lastError);
    }

    private static ServiceSnapshot snapshot(String state, String current, List<PairStatus> pairs) {
        return new ServiceSnapshot(true, 1, T, null, ServiceState.ofJsonName(state), current, T, T.plusSeconds(1800), 4, 1, 800L, "/c/config.json", null,
                pairs, List.of(new RunRecord("work", T, 800, 3, SyncOutcome.OK), new RunRecord("home", T, 100, 0, SyncOutcome.FAILED)), null);
    }

    @Test
    void pairsAndTheIconFollowTheSnapshot() {
        AppView v = SnapshotView.from(snapshot("idle", null, List.of(
                pair("work", false, 0, ok(new SideCounts(3, 1, 0), 0), "an old error, fixed since"),
                pair("home", false, 2, null, "401 Unauthorized\nat https://example.org/"),
                pair("feed", false, 0, ok(NONE, 5), null),
                pair("new", false, 0, null, null))), List.of());

        assertThat(v.state()).isEqualTo(TrayState.ERROR);
        assertThat(v.stateText()).as("every problem, not just the first").isEqualTo("Error in home · deletions held in feed");
        assertThat(v.pairs()).extracting(AppView.PairView::state)
                .containsExactly(PairState.OK, PairState.FAILING, PairState.HELD, PairState.NEVER_RUN);
        assertThat(v.pairs().get(0).changes()).isEqualTo("target: 3 created, 1 updated");
        assertThat(v.pairs().get(0).lastError()).as("a fixed error is not shown").isEmpty();
        assertThat(v.pairs().get(1).lastError()).contains("401 Unauthorized");
        assertThat(v.pairs().get(1).errorDetails().orElseThrow()).contains("https://example.org/").contains("Failed 2 times in a row");
        assertThat(v.pairs().get(2).heldTitles()).containsExactly("Dentist", "Lunch");
        assertThat(v.pairs().get(2).heldReason()).contains("5 of 5 items vanished");
        assertThat(v.heldPairs()).extracting(AppView.PairView::name).containsExactly("feed");
        assertThat(v.recentRuns()).extracting(AppView.RunPoint::failed).containsExactly(false, true);
    }

    @Test
    void pauseShowsWhilePairsFailAndTheHeaderNamesEveryProblem() {
        AppView v = SnapshotView.from(snapshot("paused", null, List.of(
                pair("work", false, 1, null, "timeout"),
                pair("home", false, 3, null, "401 Unauthorized"),
                pair("feed", false, 0, ok(NONE, 5), null))), List.of());

        assertThat(v.state()).as("the icon shows the user's own pause").isEqualTo(TrayState.PAUSED);
        assertThat(v.stateText()).isEqualTo("Paused · 2 pairs failing · deletions held in feed");
        assertThat(v.pairs()).extracting(AppView.PairView::failing).containsExactly(true, true, false);
    }

    @Test
    void aFailingPairThatRunsAgainStaysFailingUntilARunSucceeds() {
        AppView retry = SnapshotView.from(snapshot("syncing", "home", List.of(pair("home", true, 2, null, "401"))), List.of());

        assertThat(retry.pairs().get(0).state()).isEqualTo(PairState.SYNCING);
        assertThat(retry.pairs().get(0).failing()).isTrue();
        assertThat(retry.pairs().get(0).lastError()).contains("401");
    }

    @Test
    void syncingWinsAndPausedShowsWhenNothingIsWrong() {
        AppView syncing = SnapshotView.from(snapshot("syncing", "work", List.of(pair("work", true, 0, null, null))), List.of());
        assertThat(syncing.state()).isEqualTo(TrayState.SYNCING);
        assertThat(syncing.progress()).map(AppView.Progress::pair).contains("work");
        ServiceSnapshot s = snapshot("syncing", "work", List.of(pair("work", true, 0, null, null)));
        AppView halfway = SnapshotView.from(new ServiceSnapshot(s.running(), s.pid(), s.started(), s.stopped(), s.state(),
                s.currentPair(), s.lastSync(), s.nextSync(), s.syncCount(), s.errorCount(), s.lastDurationMs(), s.configFile(),
                s.configError(), s.pairs(), s.history(), new ServiceSnapshot.Progress(40, 120)), List.of());
        assertThat(halfway.progress()).map(p -> p.done() + " of " + p.total()).contains("40 of 120");

        AppView paused = SnapshotView.from(snapshot("paused", null, List.of(pair("work", false, 0, ok(NONE, 0), null))), List.of());
        assertThat(paused.state()).isEqualTo(TrayState.PAUSED);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pairs().get(0).changes()).isEqualTo("no changes");
    }

    @Test
    void aWholeAccountCalendarHasARowOfItsOwnThatNamesTheCopySettings() {
        PairStatus calendar = new PairStatus("family-all/Work", "icloud:Work", "nas:Work", SyncMode.MIRROR, 30, false,
                T, 1, 0, 0, ok(new SideCounts(2, 0, 0), 0), null, "family-all", "busy copy (\"Busy\")");

        AppView v = SnapshotView.from(snapshot("idle", null, List.of(pair("family-all", false, 0, null, null), calendar)),
                List.of());

        assertThat(v.pairs()).extracting(AppView.PairView::name).containsExactly("family-all", "family-all/Work");
        assertThat(v.pairs().get(1).route()).isEqualTo("icloud:Work → nas:Work, mirror, busy copy (\"Busy\")");
        assertThat(v.pairs().get(0).route()).as("a plain pair's route reads as before").isEqualTo("a → b, mirror");
    }
}
