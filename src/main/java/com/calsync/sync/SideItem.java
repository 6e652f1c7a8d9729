package com.calsync.sync;

/**
 * One item as it is now on one side of a pair.
 *
 * @param text     the item's iCalendar text when it was fetched in this run; null when its etag
 *                 showed it unchanged, so only the fingerprint remembered from the last sync is known
 * @param title    its SUMMARY when fetched (for reports), else null
 * @param uidAdded its text had components without UID and {@code text} has the UID CalSync gave
 *                 them, so it differs from what the side holds
 */
public record SideItem(String key, String href, String etag, String hash, String text, String title, boolean uidAdded) {

    public SideItem(String key, String href, String etag, String hash, String text, String title) {
        this(key, href, etag, hash, text, title, false);
    }

    public boolean fetched() {
        return text != null;
    }

    /** An item known only from the last sync: same etag, so same content. */
    static SideItem unchanged(String key, String href, String etag, String hash) {
        return new SideItem(key, href, etag, hash, null, null);
    }
}
