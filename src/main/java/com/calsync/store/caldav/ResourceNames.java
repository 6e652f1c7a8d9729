package com.calsync.store.caldav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Chooses the resource name a new item is stored under, from its UID, the same way every time.
 * A plain UID is used as it is ({@code abc@example.org.ics}); any other UID (slashes, '?', '#',
 * '%', spaces, non-ASCII, very long) gets a readable prefix plus a SHA-256 digest, because
 * servers disagree on how they decode such characters in a path.
 */
final class ResourceNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+=-]{0,99}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private ResourceNames() {}

    static String forUid(String uid) {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("an item needs a UID to be stored");
        }
        if (PLAIN.matcher(uid).matches() && !uid.contains("..")) {
            return uid + ".ics";
        }
        String prefix = UNSAFE.matcher(uid).replaceAll("_");
        prefix = prefix.replaceAll("^[._]+", "");
        if (prefix.length() > 40) {
            prefix = prefix.substring(0, 40);
        }
        String digest = sha256Hex(uid).substring(0, 24);
        return (prefix.isEmpty() ? "" : prefix + "-") + digest + ".ics";
    }

    private static String sha256Hex(String s) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
