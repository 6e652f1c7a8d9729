package com.calsync.sync;

import java.util.List;

/**
 * What a run will do: the actions to apply, and the deletions held back by the guard.
 *
 * @param guard the guard's verdict; its held deletions are not in {@code actions}
 */
public record SyncPlan(List<SyncAction> actions, GuardVerdict guard) {
    public SyncPlan {
        actions = List.copyOf(actions);
    }

    /** The actions that write to a store (status-only bookkeeping left out). */
    public List<SyncAction> writes() {
        return actions.stream()
                .filter(a -> !(a instanceof SyncAction.RecordStatus) && !(a instanceof SyncAction.ForgetItem))
                .toList();
    }
}
