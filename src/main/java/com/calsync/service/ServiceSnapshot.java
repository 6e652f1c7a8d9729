package com.calsync.service;

import com.calsync.sync.SyncMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.calsync.sync.SyncOutcome;
import java.time.Instant;
import java.util.List;

/**
 * The service's state at one moment: what {@code status.json} holds, what the control socket's
 * {@code status} answers and what observers (the tray) receive. Immutable; a new one is made on
 * every change. JSON field names are the snake_case forms of these (README.md, "status.json").
 *
 * @param running        the service is up (false in a status.json left by a stopped service)
 * @param pid            the service's process id
 * @param started        when this service started
 * @param stopped        when it stopped (null while running)
 * @param state          idle, syncing, paused or stopped
 * @param currentPair    the pair syncing now, or null
 * @param lastSync       when the last run (of any pair) finished
 * @param nextSync       the earliest next run of any pair (null when paused or no pairs)
 * @param syncCount      runs that finished (ok or partial), across restarts
 * @param errorCount     runs that failed, across restarts
 * @param lastDurationMs how long the last run took
 * @param configFile     the config.json the service watches
 * @param configError    why the last edit of config.json was not taken (the previous config runs), or null
 * @param pairs          per pair, in config order
 * @param history        recent runs, oldest first, at most {@link StatusBook#HISTORY_SIZE}
 * @param progress       how far the run under way has come (changes written of planned), or null
 */
public record ServiceSnapshot(boolean running, long pid, Instant started, Instant stopped, ServiceState state,
                              String currentPair, Instant lastSync, Instant nextSync, long syncCount, long errorCount,
                              Long lastDurationMs, String configFile, String configError, List<PairStatus> pairs,
                              List<RunRecord> history, Progress progress) {
    public ServiceSnapshot {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One pair's state.
     *
     * @param intervalMinutes     its interval
     * @param running             a run of it is queued or in progress
     * @param nextRun             when it runs next
     * @param syncCount           its runs that finished
     * @param errorCount          its runs that failed
     * @param consecutiveFailures failed runs in a row (the next run backs off)
     * @param lastResult          its last run, or null before the first
     * @param lastError           the message of its last failure, kept after later successes until another fails; null if none
     * @param parent              for one calendar of a whole-account pair, that pair's name (its rows follow the
     *                            pair's own); null otherwise
     * @param transform           what events undergo on their way to the target, in words ("busy copy
     *                            (\"Busy\"), skips declined"); null when they are copied as they are
     *                            ({@code parent} and {@code transform} are left out of status.json when null,
     *                            so a plain pair's entry reads as it always did)
     */
    public record PairStatus(String name, String source, String target, SyncMode mode, int intervalMinutes, boolean running,
                             Instant nextRun, long syncCount, long errorCount, int consecutiveFailures, RunResult lastResult,
                             String lastError,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String parent,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String transform) {

        /** A pair of its own that copies events as they are. */
        public PairStatus(String name, String source, String target, SyncMode mode, int intervalMinutes, boolean running,
                          Instant nextRun, long syncCount, long errorCount, int consecutiveFailures, RunResult lastResult,
                          String lastError) {
            this(name, source, target, mode, intervalMinutes, running, nextRun, syncCount, errorCount, consecutiveFailures,
                    lastResult, lastError, null, null);
        }
    }

    /**
     * What one run of one pair did.
     *
     * @param outcome   how it ended ({@code ok}, {@code partial} or {@code failed} in JSON)
     * @param finished  when it finished
     * @param source    changes made to the source calendar
     * @param target    changes made to the target calendar
     * @param skipped   items that took no part (with reasons in the log / {@code calsync sync --json})
     * @param held      deletions the guard held back
     * @param guardNote the guard's explanation and what to do, when it holds deletions ({@link HeldDeletionsNote})
     * @param errors    items that failed and will be retried
     * @param failure   why the run stopped, when it failed
     * @param heldReason the guard's reason alone, without the commands (for the tray), or null
     * @param heldTitles the titles of the held deletions, at most {@link StatusBook#HELD_TITLES} (empty when none)
     */
    public record RunResult(SyncOutcome outcome, Instant finished, long durationMs, SideCounts source, SideCounts target,
                            int skipped, int held, String guardNote, int errors, String failure, String heldReason,
                            List<String> heldTitles) {
        public RunResult {
            heldTitles = heldTitles == null ? List.of() : List.copyOf(heldTitles);
        }
    }

    /** Items created, updated and deleted on one side in one run. */
    public record SideCounts(long created, long updated, long deleted) {
        public long total() {
            return created + updated + deleted;
        }
    }

    /** The run under way: {@code done} of {@code total} planned changes written. */
    public record Progress(long done, long total) {
    }

    /** One run in the history the UI charts: when, how long, how many changes, how it ended. */
    public record RunRecord(String pair, Instant time, long durationMs, long changes, SyncOutcome outcome) {
    }

    /** This status as read from a file a service no longer runs behind (stopped, or killed without cleaning up). */
    public ServiceSnapshot notRunning() {
        List<PairStatus> idle = pairs.stream().map(p -> new PairStatus(p.name(), p.source(), p.target(), p.mode(),
                p.intervalMinutes(), false, null, p.syncCount(), p.errorCount(), p.consecutiveFailures(), p.lastResult(),
                p.lastError(), p.parent(), p.transform())).toList();
        return new ServiceSnapshot(false, pid, started, stopped, ServiceState.STOPPED, null, lastSync, null, syncCount, errorCount,
                lastDurationMs, configFile, configError, idle, history, null);
    }

    public PairStatus pair(String name) {
        return pairs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
