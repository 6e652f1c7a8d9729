package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.GuardHold;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldDeletionsNoteTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    private static SyncReport report(GuardHold guard) {
        List<ItemChange> held = guard == null ? List.of()
                : List.of(new ItemChange(Side.TARGET, ItemChange.Kind.DELETED, "k", "Lunch", "k.ics", "deleted on the source"));
        return new SyncReport("demo", SyncMode.MIRROR, false, T, 5, guard == null ? SyncOutcome.OK : SyncOutcome.PARTIAL,
                List.of(), List.of(), held, guard, List.of(), null, Map.of(), Map.of());
    }

    @Test
    void saysWhyAndHowToApproveOrRejectInTheWordsTheEngineUsedToWrite() {
        GuardHold hold = new GuardHold(Side.SOURCE,
                "12 of 12 items vanished from the source at once, so they are not deleted from the target.");

        assertThat(HeldDeletionsNote.of(report(hold))).isEqualTo(
                "12 of 12 items vanished from the source at once, so they are not deleted from the target."
                        + " Check the source, then run `calsync sync --approve-deletions demo` to delete them,"
                        + " or `calsync sync --reject-deletions demo` to keep them.");
    }

    @Test
    void aRunThatHoldsNothingHasNoNote() {
        assertThat(HeldDeletionsNote.of(report(null))).isNull();
    }

    @Test
    void statusCarriesTheNote() {
        GuardHold hold = new GuardHold(Side.TARGET, "3 of 4 items vanished from the target at once, so they are not"
                + " deleted from the source.");
        assertThat(StatusBook.resultOf(report(hold), T).guardNote())
                .startsWith("3 of 4 items vanished from the target")
                .contains("Check the target", "calsync sync --approve-deletions demo");
    }

    @Test
    void aWholeAccountCalendarWithASpaceIsQuotedForTheShell() {
        GuardHold hold = new GuardHold(Side.SOURCE, "6 of 6 items vanished from the source at once.");

        assertThat(HeldDeletionsNote.of("family-all/My Work", hold))
                .contains("`calsync sync --approve-deletions 'family-all/My Work'`");
        assertThat(HeldDeletionsNote.of("family-all/Bob's", hold)).contains("'family-all/Bob'\\''s'");
        assertThat(HeldDeletionsNote.of("family-all/Work", hold)).contains("--reject-deletions family-all/Work`");
    }
}
