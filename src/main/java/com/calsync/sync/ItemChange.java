package com.calsync.sync;

/**
 * One change a run made (or, in a dry run, would make) to one side.
 *
 * @param title the item's SUMMARY, so a person recognises it
 * @param href  where the item is (or was) on that side; null for a planned create
 * @param why   a short reason: "new on the source", "deleted on the target", a conflict's outcome
 */
public record ItemChange(Side side, Kind kind, String key, String title, String href, String why) {
    public enum Kind {
        CREATED, UPDATED, DELETED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
