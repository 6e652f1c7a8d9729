package com.calsync.cli;

import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.sync.SyncOutcome;
import java.io.PrintWriter;

/**
 * {@code calsync test}'s lines: one per pair run ("work: ok in 412 ms; source +0 ~0 -0, …"), and
 * the exit code they add up to: 0 all fine, 1 a pair failed, 3 a pair needs attention.
 */
final class RunSummary {
    private final PrintWriter out;
    private int code = ExitCodes.OK;
    private int runs;

    RunSummary(PrintWriter out) {
        this.out = out;
    }

    void add(String pair, RunResult r) {
        runs++;
        out.println("  " + pair + ": " + r.outcome().label() + " in " + r.durationMs() + " ms; source +" + r.source().created()
                + " ~" + r.source().updated() + " -" + r.source().deleted() + ", target +" + r.target().created() + " ~"
                + r.target().updated() + " -" + r.target().deleted() + "; " + r.skipped() + " skipped"
                + (r.errors() > 0 ? ", " + r.errors() + " errors" : "") + (r.held() > 0 ? ", " + r.held() + " deletions held" : "")
                + (r.failure() != null ? "\n    " + r.failure() : "") + (r.guardNote() != null ? "\n    " + r.guardNote() : ""));
        if (r.outcome() == SyncOutcome.FAILED) {
            code = ExitCodes.PROBLEMS;
        } else if (r.outcome() == SyncOutcome.PARTIAL && code == ExitCodes.OK) {
            code = ExitCodes.ATTENTION;
        }
    }

    /** Says so when no pair ran; returns the exit code. */
    int finish() {
        if (runs == 0) {
            out.println("  no enabled pairs");
        }
        out.flush();
        return code;
    }
}
