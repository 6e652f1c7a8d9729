package com.calsync.sync;

/**
 * What the engine remembers of one item of a pair after the last sync: where it lives on each
 * side, the etag it had there and the fingerprint of its content.
 *
 * @param key           the item's UID (with the occurrence appended when series are expanded)
 * @param base          the text last synced, the common ancestor for a two-way merge (null in mirror)
 * @param targetDeleted mirror: the user deleted it on the target and recreation is off, so leave it
 */
public record StatusRow(String key,
                        String sourceHref, String sourceEtag, String sourceHash,
                        String targetHref, String targetEtag, String targetHash,
                        String base, boolean targetDeleted) {

    public static StatusRow empty(String key) {
        return new StatusRow(key, null, null, null, null, null, null, null, false);
    }

    public String href(Side side) {
        return side == Side.SOURCE ? sourceHref : targetHref;
    }

    public String etag(Side side) {
        return side == Side.SOURCE ? sourceEtag : targetEtag;
    }

    public String hash(Side side) {
        return side == Side.SOURCE ? sourceHash : targetHash;
    }

    public boolean isOn(Side side) {
        return href(side) != null;
    }

    /** This row with one side's location and content replaced (null href: not on that side). */
    public StatusRow with(Side side, String href, String etag, String hash) {
        return side == Side.SOURCE
                ? new StatusRow(key, href, etag, hash, targetHref, targetEtag, targetHash, base, targetDeleted)
                : new StatusRow(key, sourceHref, sourceEtag, sourceHash, href, etag, hash, base, targetDeleted);
    }

    public StatusRow withBase(String newBase) {
        return new StatusRow(key, sourceHref, sourceEtag, sourceHash, targetHref, targetEtag, targetHash,
                newBase, targetDeleted);
    }

    public StatusRow withTargetDeleted(boolean deleted) {
        return new StatusRow(key, sourceHref, sourceEtag, sourceHash, targetHref, targetEtag, targetHash,
                base, deleted);
    }
}
