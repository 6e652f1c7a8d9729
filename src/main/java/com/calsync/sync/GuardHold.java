package com.calsync.sync;

import java.util.Objects;

/**
 * Why the deletion guard held a run's deletions back, as facts: the side from which too many
 * items vanished at once, and a sentence saying how many. What the user can do about it
 * (approve, reject, check that side) is worded by whoever shows it: the command line, the tray.
 *
 * @param vanishedFrom the side that lost the items (when both did, the target: it is checked last)
 * @param reason       e.g. "12 of 12 items vanished from the source at once, so they are not
 *                     deleted from the target."
 */
public record GuardHold(Side vanishedFrom, String reason) {
    public GuardHold {
        Objects.requireNonNull(vanishedFrom, "vanishedFrom");
        Objects.requireNonNull(reason, "reason");
    }
}
