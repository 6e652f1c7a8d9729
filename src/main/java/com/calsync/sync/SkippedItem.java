package com.calsync.sync;

import java.util.Arrays;
import java.util.Locale;

/**
 * An item that was listed on a side but does not take part, and why: a to-do in an event pair,
 * text that cannot be read, a UID already used by another item, no occurrence in the window —
 * or, for {@link Kind#PARTLY}, a part of an item that was left out while the rest syncs.
 *
 * @param windowDependent true when the reason may change as time moves (out of the window)
 * @param kind            whether the user should look at it
 */
public record SkippedItem(Side side, String href, String etag, String reason, boolean windowDependent, Kind kind) {

    /** Why an item is left out, as far as the user is concerned. */
    public enum Kind {
        /** By design: a to-do in an event pair, an item outside the window. Nothing to do. */
        IGNORED,
        /** The item cannot be synced as it is (unreadable, a UID used twice): it needs the user. */
        PROBLEM,
        /** Part of the item was left out (a series past expand_recurring's cap); the rest syncs. */
        PARTLY;

        /** The name in reports: {@code ignored}, {@code problem}, {@code partly}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofLabel(String label) {
            return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst().orElse(IGNORED);
        }
    }

    /** A skip by design ({@link Kind#IGNORED}). */
    public SkippedItem(Side side, String href, String etag, String reason, boolean windowDependent) {
        this(side, href, etag, reason, windowDependent, Kind.IGNORED);
    }

    /** Whether the user should act on it: it makes the run "needs attention". */
    public boolean needsAttention() {
        return kind == Kind.PROBLEM;
    }

    /** Whether the whole item is left out (so it must not be taken as deleted either). */
    public boolean wholeItem() {
        return kind != Kind.PARTLY;
    }
}
