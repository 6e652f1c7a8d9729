package com.calsync.sync;

import java.time.Instant;

/**
 * An item a store refused to take, remembered across runs so that it is retried with a growing
 * wait ({@link ItemBackoff}) instead of costing every run its retries, while the other items go on.
 *
 * @param key         the item's key
 * @param side        the side the write went to
 * @param failures    writes of it that failed in a row
 * @param lastFailed  when the last one failed
 * @param nextRetry   not tried again before this (unless its content changes)
 * @param contentHash the fingerprint of what was being written (null for a delete): new content is tried at once
 * @param message     the store's message for the last failure, the server's reason included
 */
public record ItemFailure(String key, Side side, int failures, Instant lastFailed, Instant nextRetry,
                          String contentHash, String message) {

    /** Whether a write of {@code hash} may be tried at {@code now}. */
    public boolean mayRetry(Instant now, String hash) {
        return !now.isBefore(nextRetry) || !java.util.Objects.equals(hash, contentHash);
    }
}
