package com.calsync.sync;

import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.ForgetItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the {@link Planner}'s draft into the plan to apply: holds back its deletions when too
 * many items vanished from one side at once ({@link DeletionGuard}), and carries out the user's
 * answer to deletions held in an earlier run.
 */
final class PlanGuard {
    private final SyncPolicy policy;

    PlanGuard(SyncPolicy policy) {
        this.policy = policy;
    }

    /**
     * Holds back deletions when too many items vanished from one side at once. Everything that
     * vanished counts, also items the other side lost as well: a side that comes back empty is
     * suspect however the other side looks.
     *
     * @param approved keys whose held deletions the user approved: carried out, never held again
     * @param rejected keys whose held deletions the user rejected: restored instead of deleted
     */
    SyncPlan guard(Planner.Draft draft, Map<String, StatusRow> rows, Set<String> approved, Set<String> rejected) {
        List<SyncAction> actions = draft.actions();
        Map<Side, Integer> vanished = draft.vanished();
        Map<Side, Integer> remaining = draft.remaining();
        DeletionGuard guard = new DeletionGuard(policy.guardDeletions(), policy.maxMissingCount(),
                policy.maxMissingPercent());
        List<SyncAction> kept = new ArrayList<>();
        List<DeleteItem> held = new ArrayList<>();
        Set<Side> holding = EnumSet.noneOf(Side.class);
        Side heldFrom = null;
        StringBuilder reason = new StringBuilder();
        for (Side vanishedFrom : Side.values()) {
            List<DeleteItem> deletions = actions.stream()
                    .filter(a -> a instanceof DeleteItem d && d.on() == vanishedFrom.other()
                            && !approved.contains(d.key()) && !rejected.contains(d.key()))
                    .map(DeleteItem.class::cast).toList();
            long trackedBefore = rows.values().stream().filter(r -> r.isOn(vanishedFrom)).count();
            if (!deletions.isEmpty()
                    && guard.tooMany(vanished.get(vanishedFrom), (int) trackedBefore, remaining.get(vanishedFrom))) {
                held.addAll(deletions);
                holding.add(vanishedFrom);
                heldFrom = vanishedFrom;
                reason.append(vanished.get(vanishedFrom)).append(" of ").append(trackedBefore).append(" items vanished from the ")
                        .append(vanishedFrom.label()).append(" at once, so they are not deleted from the ")
                        .append(vanishedFrom.other().label()).append(". ");
            }
        }
        Set<DeleteItem> heldSet = Set.copyOf(held);
        for (SyncAction action : actions) {
            if (action instanceof DeleteItem d && rejected.contains(d.key())) {
                kept.add(restore(d, rows.get(d.key())));
            } else if (!(action instanceof DeleteItem d && heldSet.contains(d)) && !forgetsHeld(action, rows, holding)) {
                kept.add(action);
            }
        }
        if (held.isEmpty()) {
            return new SyncPlan(kept, GuardVerdict.CLEAR);
        }
        return new SyncPlan(kept, new GuardVerdict(held, new GuardHold(heldFrom, reason.toString().trim())));
    }

    /**
     * While a side's deletions are held, what it lost is not forgotten either (even where the
     * other side lost it too): the next run must count the same vanished items, or the guard
     * would let the rest through piecemeal.
     */
    private static boolean forgetsHeld(SyncAction action, Map<String, StatusRow> rows, Set<Side> holding) {
        if (!(action instanceof ForgetItem f)) {
            return false;
        }
        StatusRow row = rows.get(f.key());
        return row != null && holding.stream().anyMatch(row::isOn);
    }

    /** A rejected deletion: put the item back where it vanished (mirror: stop managing it). */
    private SyncAction restore(DeleteItem deletion, StatusRow row) {
        Side lost = deletion.on().other();
        if (policy.mode() == SyncMode.MIRROR) {
            return new ForgetItem(deletion.key());
        }
        Objects.requireNonNull(row);
        return new CopyItem(lost, deletion.key(), deletion.existing(), null,
                "vanished from the " + lost.label() + "; the user rejected the deletion, so it is put back");
    }
}
