package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.ModificationTime;
import com.calsync.sync.SyncAction.CopyItem;
import com.calsync.sync.SyncAction.DeleteItem;
import com.calsync.sync.SyncAction.ForgetItem;
import com.calsync.sync.SyncAction.MergeItem;
import com.calsync.sync.SyncAction.RecordStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares both sides with what was remembered from the last sync and decides, item by item,
 * what to copy, merge or delete — following the rules of DESIGN.md, "The sync rules". The
 * {@link PlanGuard} then holds back mass deletions.
 */
final class Planner {
    private final SyncPolicy policy;
    private final IcalKit ical;
    private final boolean transformChanged;
    private final ModificationTime modificationTime = new ModificationTime();

    /** @param transformChanged the pair's transform is not the one its copies were written with */
    Planner(SyncPolicy policy, IcalKit ical, boolean transformChanged) {
        this.policy = policy;
        this.ical = ical;
        this.transformChanged = transformChanged;
    }

    /**
     * The actions the pair's rules call for, before the deletion guard looks at them, with the
     * counts it judges them by.
     *
     * @param vanished  per side, the tracked items gone from it (approved deletions not counted)
     * @param remaining per side, the items it holds now (skipped ones included)
     */
    record Draft(List<SyncAction> actions, Map<Side, Integer> vanished, Map<Side, Integer> remaining) {
        Draft {
            actions = List.copyOf(actions);
            vanished = Map.copyOf(vanished);
            remaining = Map.copyOf(remaining);
        }
    }

    /** @param approved keys whose held deletions the user approved or rejected: they do not count as vanished */
    Draft plan(Map<String, StatusRow> rows, SideSnapshot source, SideSnapshot target, Set<String> approved) {
        Map<Side, Integer> remaining = Map.of(Side.SOURCE, source.items().size() + wholeSkips(source),
                Side.TARGET, target.items().size() + wholeSkips(target));
        Set<String> unreadableSource = hrefs(source);
        Set<String> unreadableTarget = hrefs(target);
        Set<String> keys = new LinkedHashSet<>(rows.keySet());
        keys.addAll(source.items().keySet());
        keys.addAll(target.items().keySet());

        List<SyncAction> actions = new ArrayList<>();
        Map<Side, Integer> vanished = new java.util.EnumMap<>(Map.of(Side.SOURCE, 0, Side.TARGET, 0));
        for (String key : keys) {
            StatusRow row = rows.get(key);
            boolean leftWindow = source.leftWindow().contains(key);
            boolean unreadableOnSource = row != null && row.isOn(Side.SOURCE) && unreadableSource.contains(row.sourceHref());
            boolean unreadableOnTarget = row != null && row.isOn(Side.TARGET) && unreadableTarget.contains(row.targetHref());
            // Counted even when the other side's copy is unreadable this run: an emptied side must
            // still look emptied to the guard (else its last readable deletions slip through).
            for (SideSnapshot side : List.of(source, target)) {
                boolean unreadableHere = side.side() == Side.SOURCE ? unreadableOnSource : unreadableOnTarget;
                if (!leftWindow && !unreadableHere && row != null && row.isOn(side.side())
                        && !side.items().containsKey(key) && !approved.contains(key)) {
                    vanished.merge(side.side(), 1, Integer::sum);
                }
            }
            if (leftWindow || unreadableOnSource || unreadableOnTarget) {
                continue; // not deleted: out of the window, or listed but unreadable this time
            }
            SideItem a = source.items().get(key);
            SideItem b = target.items().get(key);
            Optional<SyncAction> action = policy.mode() == SyncMode.MIRROR
                    ? mirror(key, row, a, b) : twoWay(key, row, a, b);
            action.ifPresent(actions::add);
        }
        return new Draft(actions, vanished, remaining);
    }

    /** The hrefs of the items skipped whole: listed but not read, so neither changed nor deleted. */
    private static Set<String> hrefs(SideSnapshot side) {
        return side.skipped().stream().filter(SkippedItem::wholeItem).map(SkippedItem::href).collect(Collectors.toSet());
    }

    private static int wholeSkips(SideSnapshot side) {
        return (int) side.skipped().stream().filter(SkippedItem::wholeItem).count();
    }

    private Optional<SyncAction> mirror(String key, StatusRow row, SideItem a, SideItem b) {
        if (a != null && a.leftOutBecause().isPresent()) {
            return leftOut(key, row, a, b, a.leftOutBecause().get());
        }
        if (a != null && b != null) {
            if (a.hash().equals(b.hash())) {
                return remember(key, row, a, b, policy.expandRecurring() ? textOf(a, b, row) : null);
            }
            String why = row == null ? "already on the target with other content; the source's version replaces it"
                    : !a.hash().equals(row.sourceHash()) ? (transformChanged && Objects.equals(a.etag(), row.sourceEtag())
                            ? "the pair's copy settings changed; the copy is written again" : "changed on the source")
                    : "edited on the target; mirror puts the source's version back";
            return Optional.of(new CopyItem(Side.TARGET, key, a, b, why));
        }
        if (a != null) {
            if (row != null && row.targetDeleted()) {
                return Optional.empty();
            }
            if (row != null && row.isOn(Side.TARGET)) {
                if (policy.recreateTargetDeletions()) {
                    return Optional.of(new CopyItem(Side.TARGET, key, a, null,
                            "deleted on the target; put back (override_icloud_deletions is on)"));
                }
                return Optional.of(new RecordStatus(key, row.with(Side.TARGET, null, null, null)
                        .withTargetDeleted(true)));
            }
            return Optional.of(new CopyItem(Side.TARGET, key, a, null, "new on the source"));
        }
        if (b != null) {
            if (row != null && row.isOn(Side.SOURCE)) {
                return Optional.of(new DeleteItem(Side.TARGET, key, b, "deleted on the source"));
            }
            return Optional.empty(); // the user's own item on the target: not ours to touch
        }
        return row == null ? Optional.empty() : Optional.of(new ForgetItem(key));
    }

    /**
     * A source item the pair's filters leave out: its copy, if the pair made one, is deleted; the
     * source side is remembered, so the unchanged item is not fetched again next run.
     */
    private Optional<SyncAction> leftOut(String key, StatusRow row, SideItem a, SideItem b, String reason) {
        if (row != null && row.isOn(Side.TARGET) && b != null) {
            return Optional.of(new DeleteItem(Side.TARGET, key, b, "left out by the pair's filters now (" + reason + ")"));
        }
        StatusRow now = (row == null ? StatusRow.empty(key) : row).with(Side.SOURCE, a.href(), a.etag(), a.hash())
                .with(Side.TARGET, null, null, null).withTargetDeleted(false);
        return now.equals(row) ? Optional.empty() : Optional.of(new RecordStatus(key, now));
    }

    private Optional<SyncAction> twoWay(String key, StatusRow row, SideItem a, SideItem b) {
        if (a != null && b != null) {
            if (a.hash().equals(b.hash())) {
                return remember(key, row, a, b, textOf(a, b, row));
            }
            if (row == null || row.base() == null) {
                return Optional.of(conflict(key, a, b, "new on both sides with different content"));
            }
            boolean aChanged = !a.hash().equals(row.sourceHash());
            boolean bChanged = !b.hash().equals(row.targetHash());
            if (aChanged && !bChanged) {
                return Optional.of(new CopyItem(Side.TARGET, key, a, b, "changed on the source"));
            }
            if (bChanged && !aChanged) {
                return Optional.of(new CopyItem(Side.SOURCE, key, b, a, "changed on the target"));
            }
            Optional<String> merged = merge(row.base(), a, b);
            if (merged.isPresent()) {
                return Optional.of(new MergeItem(key, merged.get(), a, b,
                        "changed on both sides, in different properties: both edits kept"));
            }
            return Optional.of(conflict(key, a, b, "changed on both sides in the same property"));
        }
        if (a != null || b != null) {
            SideItem present = a != null ? a : b;
            Side has = a != null ? Side.SOURCE : Side.TARGET;
            Side lost = has.other();
            if (row == null || !row.isOn(lost)) {
                return Optional.of(new CopyItem(lost, key, present, null, "new on the " + has.label()));
            }
            if (!present.hash().equals(row.hash(has))) {
                return Optional.of(new CopyItem(lost, key, present, null, "deleted on the " + lost.label()
                        + " but changed on the " + has.label() + "; the change is kept"));
            }
            return Optional.of(new DeleteItem(has, key, present, "deleted on the " + lost.label()));
        }
        return row == null ? Optional.empty() : Optional.of(new ForgetItem(key));
    }

    /** Both sides hold the same content: only remember where, if anything moved. */
    private Optional<SyncAction> remember(String key, StatusRow row, SideItem a, SideItem b, String base) {
        StatusRow now = (row == null ? StatusRow.empty(key) : row)
                .with(Side.SOURCE, a.href(), a.etag(), a.hash())
                .with(Side.TARGET, b.href(), b.etag(), b.hash())
                .withTargetDeleted(false);
        if (base != null || (row != null && row.base() != null)) {
            now = now.withBase(base != null ? base : row.base());
        }
        return now.equals(row) ? Optional.empty() : Optional.of(new RecordStatus(key, now));
    }

    private static String textOf(SideItem a, SideItem b, StatusRow row) {
        if (a.fetched()) {
            return a.text();
        }
        if (b.fetched()) {
            return b.text();
        }
        return row == null ? null : row.base();
    }

    private Optional<String> merge(String base, SideItem a, SideItem b) {
        if (!a.fetched() || !b.fetched()) {
            return Optional.empty();
        }
        try {
            CalendarItem baseItem = ical.parser().parse(base);
            return ical.merger().merge(baseItem, ical.parser().parse(a.text()), ical.parser().parse(b.text()));
        } catch (MalformedItemException | RuntimeException e) {
            return Optional.empty(); // not mergeable as properties: the conflict policy decides
        }
    }

    private CopyItem conflict(String key, SideItem a, SideItem b, String what) {
        Side winner = switch (policy.conflict()) {
            case SOURCE_WINS -> Side.SOURCE;
            case TARGET_WINS -> Side.TARGET;
            case NEWER_WINS -> newer(a, b);
        };
        SideItem from = winner == Side.SOURCE ? a : b;
        SideItem over = winner == Side.SOURCE ? b : a;
        return new CopyItem(winner.other(), key, from, over,
                what + "; " + policy.conflict().jsonName() + " kept the " + winner.label() + "'s version");
    }

    private Side newer(SideItem a, SideItem b) {
        return modified(b).isAfter(modified(a)) ? Side.TARGET : Side.SOURCE;
    }

    /** When an item says it was last edited; unknown (the distant past) when it was not fetched. */
    private Instant modified(SideItem item) {
        if (!item.fetched()) {
            return Instant.MIN;
        }
        try {
            return modificationTime.of(ical.parser().parse(item.text())).orElse(Instant.MIN);
        } catch (MalformedItemException | RuntimeException e) {
            return Instant.MIN;
        }
    }
}
