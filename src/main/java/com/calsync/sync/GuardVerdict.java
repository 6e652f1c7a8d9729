package com.calsync.sync;

import java.util.List;

/**
 * What the deletion guard decided for one run.
 *
 * @param held     deletions not applied because too many items vanished from one side at once
 * @param vanishedFrom the side that lost the items, when deletions are held
 * @param reason   a sentence for the user: what vanished and how to approve or reject
 */
public record GuardVerdict(List<SyncAction.DeleteItem> held, Side vanishedFrom, String reason) {
    public static final GuardVerdict CLEAR = new GuardVerdict(List.of(), null, null);

    public GuardVerdict {
        held = List.copyOf(held);
    }

    public boolean holding() {
        return !held.isEmpty();
    }
}
