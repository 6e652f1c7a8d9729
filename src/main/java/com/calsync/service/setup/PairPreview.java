package com.calsync.service.setup;

import com.calsync.config.PairConfig;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a dry run of a pair says its next sync would do, in words: "3 created in work-folder, …".
 *
 * @param report  the dry run's report (nothing was changed)
 * @param summary one or two sentences for the window
 * @param details the first changes, one line each ("created in work-folder: Team meeting")
 */
public record PairPreview(SyncReport report, String summary, List<String> details) {
    /** How many changes are listed one by one. */
    static final int LISTED = 8;

    public PairPreview {
        details = List.copyOf(details);
    }

    /** Words for {@code report}, a dry run of {@code pair}. */
    static PairPreview of(SyncReport report, PairConfig pair) {
        if (report.outcome() == SyncOutcome.FAILED) {
            return new PairPreview(report, "The preview could not read the calendars: " + report.failure(), List.of());
        }
        String changes = RunSummary.changes(report, pair);
        String summary = changes.isEmpty()
                ? "The first sync would change nothing: " + (pair.mode() == SyncMode.MIRROR ? pair.target() + " already matches "
                        + pair.source() : "both calendars already match") + " in the sync window."
                : "The first sync would make " + changes + ".";
        if (!report.held().isEmpty()) {
            summary += " " + report.held().size() + " deletion(s) would be held for you to approve.";
        }
        if (!report.skipped().isEmpty()) {
            summary += " " + report.skipped().size() + " item(s) would be skipped (not events, or unreadable).";
        }
        List<String> details = new ArrayList<>();
        for (ItemChange c : report.changes().subList(0, Math.min(LISTED, report.changes().size()))) {
            String calendar = c.side() == Side.SOURCE ? pair.source() : pair.target();
            details.add(c.kind().label() + " in " + calendar + ": " + (c.title() == null || c.title().isBlank() ? "(no title)" : c.title()));
        }
        if (report.changes().size() > LISTED) {
            details.add(String.format(Locale.ROOT, "… and %d more", report.changes().size() - LISTED));
        }
        return new PairPreview(report, summary, details);
    }
}
