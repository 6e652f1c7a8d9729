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
 * An {@link OpaqueItem} is hashed from its normalised content lines instead.
 */
public final class Fingerprinter {
    private final CanonicalForm canonical = new CanonicalForm(new ZoneResolver());

    public String fingerprint(ReadItem item) {
        if (item instanceof OpaqueItem opaque) {
            return sha256(OpaqueReading.canonical(opaque.text()));
        }
        return fingerprint((CalendarItem) item);
    }

    public String fingerprint(CalendarItem item) {
        return sha256(canonical.of(item.calendar()));
    }

    private static String sha256(String form) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(form.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
