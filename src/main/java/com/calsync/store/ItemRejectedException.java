package com.calsync.store;

import java.util.Optional;

/**
 * The store refused one item: it answered a write of that item with an error (after retries,
 * for a server error) while other items may well be written. The sync marks the item, tries it
 * again later, and goes on with the rest.
 *
 * @see #serverReason() the server's own words, when it gave any
 */
public class ItemRejectedException extends StoreException {
    private final String href;
    private final int status;
    private final String serverReason;

    /**
     * @param href         the item's href (or the one a create would have used)
     * @param status       the HTTP status that refused it, 0 when the store is not HTTP
     * @param serverReason what the server said, or null
     */
    public ItemRejectedException(String href, int status, String serverReason, String message) {
        super(message);
        this.href = href;
        this.status = status;
        this.serverReason = serverReason;
    }

    public String href() {
        return href;
    }

    public int status() {
        return status;
    }

    public Optional<String> serverReason() {
        return Optional.ofNullable(serverReason);
    }

    /**
     * Whether the server failed (5xx) rather than refused the content (4xx): a server that fails
     * every write in a row is broken as a whole, one that refuses some items is not.
     */
    public boolean serverFault() {
        return status >= 500;
    }
}
