package com.calsync.service;

import com.calsync.sync.GuardHold;
import com.calsync.sync.SyncReport;

/**
 * What the user reads when a pair's deletions are held: the guard's reason, then how to approve
 * or reject them. The engine reports only the facts ({@link GuardHold}); the advice names
 * commands, so it is worded here, once, for everything that shows it: status.json's
 * {@code guard_note} (and with it {@code calsync status} and the tray), and {@code calsync sync}.
 */
public final class HeldDeletionsNote {
    private HeldDeletionsNote() {
    }

    /** The note for {@code report}'s held deletions, or null when it holds none. */
    public static String of(SyncReport report) {
        return report.guard() == null ? null : of(report.pair(), report.guard());
    }

    public static String of(String pair, GuardHold hold) {
        String name = shellWord(pair);
        return hold.reason() + " Check the " + hold.vanishedFrom().label()
                + ", then run `calsync sync --approve-deletions " + name + "` to delete them, or `"
                + "calsync sync --reject-deletions " + name + "` to keep them.";
    }

    /** A whole-account pair's calendar ({@code family-all/My Work}) may hold spaces: quote it for the shell. */
    static String shellWord(String name) {
        return name.matches("[\\p{L}\\p{N}._/-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
