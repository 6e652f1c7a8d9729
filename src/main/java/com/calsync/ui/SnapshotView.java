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
import com.calsync.ui.model.Plural;
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
        List<PairView> failing = pairs.stream().filter(PairView::failing).toList();
        List<PairView> held = pairs.stream().filter(p -> p.heldDeletions() > 0).toList();
        boolean problem = s.configError() != null || !failing.isEmpty();
        // what the service does first, then every problem: pausing must show while a pair fails
        List<String> parts = new ArrayList<>();
        if (syncing) {
            parts.add("Syncing " + Optional.ofNullable(s.currentPair()).orElse("…"));
        }
        if (paused) {
            parts.add("Paused");
        } else if (!s.running()) {
            parts.add("Stopped");
        }
        if (s.configError() != null) {
            parts.add("config.json has errors");
        }
        if (failing.size() == 1) {
            parts.add("Error in " + failing.get(0).name());
        } else if (failing.size() > 1) {
            parts.add(Plural.of(failing.size(), "pair") + " failing");
        }
        if (held.size() == 1) {
            parts.add("deletions held in " + held.get(0).name());
        } else if (held.size() > 1) {
            parts.add("deletions held in " + Plural.of(held.size(), "pair"));
        }
        if (parts.isEmpty()) {
            parts.add(pairs.isEmpty() ? "Idle: no pairs configured" : "Idle");
        }
        String first = parts.get(0);
        parts.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        String text = String.join(" · ", parts);
        // the icon: what runs now, then the user's own pause, then the most urgent problem
        TrayState state = syncing ? TrayState.SYNCING
                : paused || !s.running() ? TrayState.PAUSED
                : problem ? TrayState.ERROR
                : !held.isEmpty() ? TrayState.HELD
                : TrayState.IDLE;
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
        boolean failing = p.consecutiveFailures() > 0;
        // while a failing pair runs again, its error stays: a retry is no recovery yet
        Optional<String> error = failing ? Optional.ofNullable(p.lastError()) : Optional.empty();
        Optional<String> details = error.map(e -> details(p, e));
        int held = last == null ? 0 : last.held();
        return new PairView(p.name(), route, state, Optional.ofNullable(last).map(RunResult::finished),
                last == null ? "no changes" : changes(last), error.map(e -> e.lines().findFirst().orElse(e)), details,
                held, Optional.ofNullable(last).map(RunResult::heldReason),
                last == null ? List.of() : last.heldTitles(), failing);
    }

    private static String details(PairStatus p, String error) {
        StringBuilder d = new StringBuilder(error);
        d.append("\n\n").append(p.consecutiveFailures() == 1 ? "Failed once" : "Failed " + p.consecutiveFailures()
                + " times in a row").append("; ");
        d.append(p.nextRun() == null ? "not scheduled (paused)." : "CalSync tries again by itself.");
        RunResult last = p.lastResult();
        if (last != null && last.errors() > 0) {
            d.append("\n").append(Plural.of(last.errors(), "event")).append(" could not be written; they are retried.");
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
