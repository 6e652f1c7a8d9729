package com.calsync.ui;

import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.service.ServiceState;
import com.calsync.sync.SyncOutcome;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.LogLine;
import com.calsync.ui.model.AppView.PairState;
import com.calsync.ui.model.AppView.PairView;
import com.calsync.ui.model.AppView.Progress;
import com.calsync.ui.model.AppView.RunPoint;
import com.calsync.ui.model.TrayState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the service's {@link ServiceSnapshot} into what the tray shows. Pure. */
public final class SnapshotView {
    private SnapshotView() {
    }

    public static AppView from(ServiceSnapshot s, List<LogLine> log) {
        List<PairView> pairs = s.pairs().stream().map(SnapshotView::pair).toList();
        boolean paused = s.state() == ServiceState.PAUSED;
        boolean syncing = s.state() == ServiceState.SYNCING;
        Optional<PairView> failing = pairs.stream().filter(p -> p.state() == PairState.FAILING).findFirst();
        Optional<PairView> held = pairs.stream().filter(p -> p.heldDeletions() > 0).findFirst();
        TrayState state;
        String text;
        if (syncing) {
            state = TrayState.SYNCING;
            text = "Syncing " + Optional.ofNullable(s.currentPair()).orElse("…");
        } else if (s.configError() != null) {
            state = TrayState.ERROR;
            text = "config.json has errors";
        } else if (failing.isPresent()) {
            state = TrayState.ERROR;
            text = "Error in " + failing.get().name();
        } else if (held.isPresent()) {
            state = TrayState.HELD;
            text = "Deletions held in " + held.get().name();
        } else if (paused) {
            state = TrayState.PAUSED;
            text = "Paused";
        } else if (!s.running()) {
            state = TrayState.PAUSED;
            text = "Stopped";
        } else {
            state = TrayState.IDLE;
            text = pairs.isEmpty() ? "Idle: no pairs configured" : "Idle";
        }
        List<RunPoint> runs = s.history().stream()
                .map(r -> new RunPoint(r.pair(), r.time(), r.durationMs(), r.changes(), r.outcome() == SyncOutcome.FAILED)).toList();
        // the service tells which pair runs, not how far it got: an indeterminate bar
        Optional<Progress> progress = syncing && s.currentPair() != null
                ? Optional.of(s.progress() == null ? new Progress(s.currentPair(), 0, 0)
                        : new Progress(s.currentPair(), s.progress().done(), s.progress().total()))
                : Optional.empty();
        return new AppView(state, text, paused, Optional.ofNullable(s.lastSync()), Optional.ofNullable(s.nextSync()),
                s.syncCount(), s.errorCount(), Optional.ofNullable(s.lastDurationMs()), Optional.ofNullable(s.configError()),
                pairs, runs, progress, log);
    }

    static PairView pair(PairStatus p) {
        RunResult last = p.lastResult();
        PairState state;
        if (p.running()) {
            state = PairState.SYNCING;
        } else if (p.consecutiveFailures() > 0) {
            state = PairState.FAILING;
        } else if (last != null && last.held() > 0) {
            state = PairState.HELD;
        } else if (last == null) {
            state = PairState.NEVER_RUN;
        } else {
            state = PairState.OK;
        }
        String route = p.source() + " → " + p.target() + (p.mode() == null ? "" : ", " + p.mode().jsonName())
                + (p.transform() == null ? "" : ", " + p.transform());
        // an old error stays in the status until another run fails; the row shows it while failing
        Optional<String> error = state == PairState.FAILING ? Optional.ofNullable(p.lastError()) : Optional.empty();
        Optional<String> details = error.map(e -> details(p, e));
        int held = last == null ? 0 : last.held();
        return new PairView(p.name(), route, state, Optional.ofNullable(last).map(RunResult::finished),
                last == null ? "no changes" : changes(last), error.map(e -> e.lines().findFirst().orElse(e)), details,
                held, Optional.ofNullable(last).map(RunResult::guardNote));
    }

    private static String details(PairStatus p, String error) {
        StringBuilder d = new StringBuilder(error);
        d.append("\n\nFailed ").append(p.consecutiveFailures()).append(" time(s) in a row; ");
        d.append(p.nextRun() == null ? "not scheduled (paused)." : "next try at " + p.nextRun() + ".");
        RunResult last = p.lastResult();
        if (last != null && last.errors() > 0) {
            d.append("\n").append(last.errors()).append(" item(s) could not be written; they are retried.");
        }
        d.append("\nMore in the log (Open logs).");
        return d.toString();
    }

    static String changes(RunResult r) {
        List<String> parts = new ArrayList<>();
        side("source", r.source(), parts);
        side("target", r.target(), parts);
        if (r.skipped() > 0) {
            parts.add(r.skipped() + " skipped");
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static void side(String name, SideCounts c, List<String> parts) {
        if (c == null || c.total() == 0) {
            return;
        }
        List<String> counts = new ArrayList<>();
        if (c.created() > 0) {
            counts.add(c.created() + " created");
        }
        if (c.updated() > 0) {
            counts.add(c.updated() + " updated");
        }
        if (c.deleted() > 0) {
            counts.add(c.deleted() + " deleted");
        }
        parts.add(name + ": " + String.join(", ", counts));
    }
}
