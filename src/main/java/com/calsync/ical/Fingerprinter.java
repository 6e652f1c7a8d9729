package com.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of an item's meaning: the same for two texts that differ only in DTSTAMP, PRODID,
 * LAST-MODIFIED, SEQUENCE-only bumps, server-added X- properties, property order, folding or
 * line ends — so a server re-serializing an item is not a change. What counts is listed on
 * {@link CanonicalForm}; the result is the SHA-256 of that form, as 64 lower-case hex digits.
 */
public final class Fingerprinter {
    private final CanonicalForm canonical = new CanonicalForm(new ZoneResolver());

    public String fingerprint(CalendarItem item) {
        String form = canonical.of(item.calendar());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(form.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
