package com.calsync.cli;

import com.calsync.platform.ControlCharacters;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.service.ServiceState;
import com.calsync.sync.SyncMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The service's status as lines for people, times in the local zone. */
final class StatusText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT);

    private final ZoneId zone;

    StatusText(ZoneId zone) {
        this.zone = zone;
    }

    List<String> render(ServiceSnapshot s) {
        List<String> lines = new ArrayList<>();
        if (s.running()) {
            lines.add("CalSync is running (pid " + s.pid() + ", since " + time(s.started()) + "): " + s.state().jsonName()
                    + (s.currentPair() != null ? " " + s.currentPair() : ""));
        } else {
            lines.add("CalSync is not running" + (s.stopped() != null ? " (stopped " + time(s.stopped()) + ")"
                    : s.started() != null ? " (it ended without stopping cleanly; started " + time(s.started()) + ")" : "")
                    + "; last known status:");
        }
        lines.add("  last sync:   " + time(s.lastSync()) + (s.lastDurationMs() != null ? " (took " + s.lastDurationMs() + " ms)" : ""));
        if (s.running()) {
            lines.add("  next sync:   " + (s.nextSync() != null ? time(s.nextSync()) : s.state() == ServiceState.PAUSED ? "paused" : "none scheduled"));
        }
        lines.add("  syncs:       " + s.syncCount() + " done, " + s.errorCount() + " failed");
        lines.add("  config:      " + s.configFile());
        if (s.configError() != null) {
            lines.add("  config error (the last good config, if any, keeps running until this is fixed):");
            s.configError().lines().forEach(l -> lines.add("    " + esc(l)));
        }
        for (PairStatus p : s.pairs()) {
            lines.add("  " + p.name() + " (" + p.source() + (p.mode() == SyncMode.TWO_WAY ? " ↔ " : " → ")
                    + p.target() + ", every " + p.intervalMinutes() + " min)"
                    + (p.running() ? ": syncing now" : p.nextRun() != null ? ": next " + time(p.nextRun()) : ""));
            RunResult r = p.lastResult();
            if (r == null) {
                lines.add("      not synced yet");
            } else {
                lines.add("      last: " + r.outcome().label() + " at " + time(r.finished()) + " in " + r.durationMs() + " ms; source "
                        + counts(r.source()) + ", target " + counts(r.target()) + "; " + r.skipped() + " skipped"
                        + (r.errors() > 0 ? ", " + r.errors() + " errors" : "") + (r.held() > 0 ? ", " + r.held() + " deletions held" : ""));
                if (r.failure() != null) {
                    lines.add("      failed: " + esc(r.failure()));
                }
                if (r.guardNote() != null) {
                    lines.add("      " + esc(r.guardNote()));
                }
            }
            if (p.consecutiveFailures() > 1) {
                lines.add("      failed " + p.consecutiveFailures() + " times in a row; retrying less often until it works");
            }
            if (p.lastError() != null && (r == null || r.failure() == null)) {
                lines.add("      last error: " + esc(p.lastError()));
            }
        }
        return lines;
    }

    /** Server and calendar text (errors quote them): control characters and line breaks escaped. */
    private static String esc(String text) {
        return ControlCharacters.escape(text);
    }

    private static String counts(SideCounts c) {
        return c == null ? "-" : "+" + c.created() + " ~" + c.updated() + " -" + c.deleted();
    }

    private String time(Instant t) {
        return t == null ? "never" : TIME.format(t.atZone(zone));
    }
}
