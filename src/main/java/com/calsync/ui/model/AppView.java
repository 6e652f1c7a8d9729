package com.calsync.ui.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the tray icon and popover show, at one moment. Immutable: the service side builds a
 * new one on every change and pushes it; the UI thread only renders it.
 *
 * @param state          the icon's state
 * @param stateText      the state in words ("Idle", "Syncing work-to-folder", "Paused")
 * @param paused         scheduled runs are paused (the Pause button reads Resume)
 * @param lastSync       when the last run of any pair finished
 * @param nextSync       the next scheduled run
 * @param syncCount      runs that finished
 * @param errorCount     runs that failed
 * @param lastDurationMs how long the last run took
 * @param configError    why the last edit of config.json was not taken, if it was not
 * @param pairs          per pair, in config order
 * @param recentRuns     recent runs, oldest first, for the chart
 * @param progress       the run under way, when one is
 * @param log            the newest log lines, oldest first
 */
public record AppView(TrayState state, String stateText, boolean paused, Optional<Instant> lastSync,
                      Optional<Instant> nextSync, long syncCount, long errorCount, Optional<Long> lastDurationMs,
                      Optional<String> configError, List<PairView> pairs, List<RunPoint> recentRuns,
                      Optional<Progress> progress, List<LogLine> log) {

    public AppView {
        pairs = List.copyOf(pairs);
        recentRuns = List.copyOf(recentRuns);
        log = List.copyOf(log);
    }

    /** Before the service's first snapshot arrives. */
    public static AppView starting() {
        return new AppView(TrayState.IDLE, "Starting…", false, Optional.empty(), Optional.empty(), 0, 0,
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of());
    }

    /** The pairs whose deletions are held and wait for the user. */
    public List<PairView> heldPairs() {
        return pairs.stream().filter(p -> p.heldDeletions() > 0).toList();
    }

    /**
     * One pair's row.
     *
     * @param name          the pair's name in config.json
     * @param route         "source → target, mode"
     * @param state         how it stands
     * @param lastSync      when its last run finished
     * @param changes       what the last run changed, in words ("target: 3 created, 1 deleted"), or "no changes"
     * @param lastError     the last failure's one-line message
     * @param errorDetails  the whole story behind {@code lastError} (shown by the "details" link)
     * @param heldDeletions deletions the guard holds back (0 if none)
     * @param heldReason    why the guard holds them, in words for someone using the tray (no commands)
     * @param heldTitles    the titles of the events whose deletion is held, as many as the service keeps
     * @param failing       its last run failed (also while it runs again: a retry is no recovery yet)
     */
    public record PairView(String name, String route, PairState state, Optional<Instant> lastSync, String changes,
                           Optional<String> lastError, Optional<String> errorDetails, int heldDeletions,
                           Optional<String> heldReason, List<String> heldTitles, boolean failing) {
        public PairView {
            heldTitles = List.copyOf(heldTitles);
        }
    }

    /** How a pair stands. */
    public enum PairState { NEVER_RUN, OK, SYNCING, HELD, FAILING }

    /** One run for the chart. */
    public record RunPoint(String pair, Instant time, long durationMs, long changes, boolean failed) {
    }

    /** A run under way: items done of total (total 0 while it is still listing). */
    public record Progress(String pair, long done, long total) {
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    /** One log line. */
    public record LogLine(Instant time, LogLevel level, String message) {
    }

    /** Log levels the popover filters by; a filter shows its level and the more severe ones. */
    public enum LogLevel {
        ERROR, WARN, INFO, DEBUG;

        public boolean atLeast(LogLevel threshold) {
            return ordinal() <= threshold.ordinal();
        }
    }
}
