package com.calsync.store.caldav;

import java.util.Optional;

/**
 * Etags are opaque (RFC 7232 §2.3): CalSync only stores them and sends them back in If-Match.
 * One it could not send back — empty, or holding CR, LF or other characters a header may not
 * carry — is treated as unknown: the item is compared by content, and written only where that
 * needs no etag. So a server's odd etag costs one item at most, never the whole pair.
 */
final class Etags {
    /** Far longer than any real etag (a quoted hash), short enough to send back in a header. */
    static final int MAX_LENGTH = 1024;

    private Etags() {
    }

    /** The etag as sent, when it can be sent back as a header value; empty means unknown. */
    static Optional<String> usable(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String etag = raw.strip();
        if (etag.isEmpty() || etag.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < etag.length(); i++) {
            char c = etag.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return Optional.empty();
            }
        }
        return Optional.of(etag);
    }

    /** {@link #usable} or null, for maps where null means unknown. */
    static String orNull(String raw) {
        return usable(raw).orElse(null);
    }
}
