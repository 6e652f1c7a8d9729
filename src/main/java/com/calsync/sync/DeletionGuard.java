package com.calsync.sync;

/**
 * Decides when "too many" items vanished from one side at once ({@code skip_sync_on_too_many_missing}):
 * a server that answers with an empty calendar, a folder on an unmounted disk or a wrong account
 * must not wipe the other side.
 *
 * <p>Deletions are held when the side came back completely empty although it held two or more
 * items, or when the vanished items are more than {@code maxCount} <em>and</em> more than
 * {@code maxPercent} percent of what the side held at the last sync (so the larger limit counts:
 * small calendars may lose a few items and large ones may have routine clean-ups without a
 * prompt). Setting a limit to 0 lets the other decide alone.
 */
public record DeletionGuard(boolean enabled, int maxCount, int maxPercent) {

    /**
     * @param vanished      items that disappeared from the side since the last sync
     * @param trackedBefore items the side held at the last sync
     * @param remaining     items the side holds now
     */
    public boolean tooMany(int vanished, int trackedBefore, int remaining) {
        if (!enabled || vanished == 0) {
            return false;
        }
        if (remaining == 0 && vanished >= 2) {
            return true;
        }
        boolean overPercent = (long) vanished * 100 > (long) maxPercent * trackedBefore;
        return vanished > maxCount && overPercent;
    }
}
