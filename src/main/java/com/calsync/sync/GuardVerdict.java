package com.calsync.sync;

import java.util.List;

/**
 * What the deletion guard decided for one run.
 *
 * @param held deletions not applied because too many items vanished from one side at once
 * @param hold why, when {@code held} is not empty; else null
 */
public record GuardVerdict(List<SyncAction.DeleteItem> held, GuardHold hold) {
    public static final GuardVerdict CLEAR = new GuardVerdict(List.of(), null);

    public GuardVerdict {
        held = List.copyOf(held);
        if (held.isEmpty() != (hold == null)) {
            throw new IllegalArgumentException("held deletions come with the reason they are held, and only they do");
        }
    }

    public boolean holding() {
        return !held.isEmpty();
    }
}
