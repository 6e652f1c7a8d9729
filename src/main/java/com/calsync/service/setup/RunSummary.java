package com.calsync.service.setup;

import com.calsync.config.PairConfig;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.util.ArrayList;
import java.util.List;

/** A run of a pair in one sentence, naming the calendars as config.json does. */
public final class RunSummary {
    private RunSummary() {
    }

    /** "3 created, 0 updated, 0 deleted in work-folder", per calendar that changed, joined by "; "; "" when none did. */
    static String changes(SyncReport report, PairConfig pair) {
        List<String> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            String calendar = side == Side.SOURCE ? pair.source() : pair.target();
            long created = report.count(side, ItemChange.Kind.CREATED);
            long updated = report.count(side, ItemChange.Kind.UPDATED);
            long deleted = report.count(side, ItemChange.Kind.DELETED);
            if (created + updated + deleted > 0) {
                sides.add(created + " created, " + updated + " updated, " + deleted + " deleted in " + calendar);
            }
        }
        return String.join("; ", sides);
    }

    /** What a finished run did: "First sync done: 3 created, … in work-folder." or why it failed. */
    public static String of(SyncReport report, PairConfig pair) {
        String changes = changes(report, pair);
        String done = changes.isEmpty() ? "nothing needed to change" : changes;
        if (report.outcome() == SyncOutcome.FAILED) {
            return "The first sync of " + pair.name() + " failed: " + report.failure()
                    + " Nothing was deleted; CalSync tries again at the next interval.";
        }
        if (report.outcome() == SyncOutcome.PARTIAL) {
            return "First sync of " + pair.name() + " done, but it needs you: " + done + "; " + report.held().size()
                    + " deletion(s) held, " + report.errors().size() + " event(s) not written (see the popover).";
        }
        return "First sync of " + pair.name() + " done: " + done + ".";
    }
}
