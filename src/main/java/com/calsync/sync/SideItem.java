package com.calsync.sync;

import java.util.Optional;

/**
 * One item as it is now on one side of a pair. On a mirror's source it is what the target is to
 * get: the item after the pair's expansion and transform.
 *
 * @param hash     the fingerprint of its content; for a source item the pair's filters leave out,
 *                 {@code left-out:} and the reason, which the status row keeps like a fingerprint
 *                 (so an unchanged left-out item is not fetched again)
 * @param text     the item's iCalendar text when it was fetched in this run; null when its etag
 *                 showed it unchanged, so only the fingerprint remembered from the last sync is known
 * @param title    its SUMMARY when fetched (for reports; on the source, the source's own title), else null
 * @param uidAdded its text had components without UID and {@code text} has the UID CalSync gave
 *                 them, so it differs from what the side holds
 */
public record SideItem(String key, String href, String etag, String hash, String text, String title, boolean uidAdded) {
    private static final String LEFT_OUT = "left-out:";

    public SideItem(String key, String href, String etag, String hash, String text, String title) {
        this(key, href, etag, hash, text, title, false);
    }

    public boolean fetched() {
        return text != null;
    }

    /** Why the pair's filters leave this source item out, or empty when it is copied. */
    public Optional<String> leftOutBecause() {
        return hash != null && hash.startsWith(LEFT_OUT) ? Optional.of(hash.substring(LEFT_OUT.length()))
                : Optional.empty();
    }

    /** An item known only from the last sync: same etag, so same content. */
    static SideItem unchanged(String key, String href, String etag, String hash) {
        return new SideItem(key, href, etag, hash, null, null);
    }

    /** A source item the pair's filters leave out, for {@code reason}. */
    static SideItem leftOut(String key, String href, String etag, String reason, String title) {
        return new SideItem(key, href, etag, LEFT_OUT + reason, null, title);
    }
}
