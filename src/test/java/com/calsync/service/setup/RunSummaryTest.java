package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.PairConfig;
import com.calsync.config.SyncOverrides;
import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.ItemChange;
import com.calsync.sync.ItemError;
import com.calsync.sync.Side;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static final PairConfig PAIR = new PairConfig("family-sync", "family", "family-folder", SyncMode.TWO_WAY,
            ConflictPolicy.NEWER_WINS, true, SyncOverrides.NONE);

    private static SyncReport report(SyncOutcome outcome, int createdOnTarget, int updatedOnSource, List<ItemChange> held,
                                     List<ItemError> errors, String failure) {
        List<ItemChange> changes = new ArrayList<>();
        for (int i = 0; i < createdOnTarget; i++) {
            changes.add(new ItemChange(Side.TARGET, ItemChange.Kind.CREATED, "k" + i, "Event " + i, "e" + i + ".ics", "new"));
        }
        for (int i = 0; i < updatedOnSource; i++) {
            changes.add(new ItemChange(Side.SOURCE, ItemChange.Kind.UPDATED, "u" + i, "Edited " + i, "u" + i + ".ics", "newer"));
        }
        return new SyncReport(PAIR.name(), PAIR.mode(), false, Instant.EPOCH, 10, outcome, changes, List.of(), held, null,
                errors, failure, Map.of(), Map.of());
    }

    @Test
    void namesEachCalendarThatChangedAsConfigJsonDoes() {
        assertThat(RunSummary.of(report(SyncOutcome.OK, 2, 1, List.of(), List.of(), null), PAIR))
                .isEqualTo("First sync of family-sync done: 0 created, 1 updated, 0 deleted in family;"
                        + " 2 created, 0 updated, 0 deleted in family-folder.");
        assertThat(RunSummary.of(report(SyncOutcome.OK, 0, 0, List.of(), List.of(), null), PAIR))
                .isEqualTo("First sync of family-sync done: nothing needed to change.");
    }

    @Test
    void aRunThatNeedsTheUserSaysWhatIsHeldAndWhatWasNotWritten() {
        ItemChange held = new ItemChange(Side.TARGET, ItemChange.Kind.DELETED, "h", "Held", "h.ics", "gone on the source");
        ItemError error = new ItemError(Side.TARGET, "x", "Broken", "the server answered 412");
        assertThat(RunSummary.of(report(SyncOutcome.PARTIAL, 1, 0, List.of(held), List.of(error), null), PAIR))
                .isEqualTo("First sync of family-sync done, but it needs you: 1 created, 0 updated, 0 deleted in family-folder;"
                        + " 1 deletion(s) held, 1 event(s) not written (see the popover).");
    }

    @Test
    void aFailedRunSaysWhyAndThatNothingWasDeleted() {
        assertThat(RunSummary.of(report(SyncOutcome.FAILED, 0, 0, List.of(), List.of(), "the server answered 503."), PAIR))
                .isEqualTo("The first sync of family-sync failed: the server answered 503."
                        + " Nothing was deleted; CalSync tries again at the next interval.");
    }
}
