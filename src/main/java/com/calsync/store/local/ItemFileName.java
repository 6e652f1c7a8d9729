package com.calsync.store.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The file name (and feed href) an item gets from its UID: deterministic, safe on every file
 * system, and readable where the UID allows.
 *
 * <ul>
 *   <li>A "plain" UID — lower-case ASCII letters, digits and {@code . _ - @ +}, not starting with
 *       a dot, at most 200 bytes — is used as is: {@code abc123@google.com.ics}.</li>
 *   <li>Any other UID keeps its readable ASCII characters (others become {@code _}, cut to 100
 *       characters) and gets {@code ~} plus 16 hex digits of the SHA-256 of the exact UID:
 *       {@code 8A3B-C9_x~1f2e3d4c5b6a7988.ics}.</li>
 * </ul>
 *
 * <p>Why: on case-insensitive file systems (macOS APFS/HFS+ by default) {@code ABC} and
 * {@code abc} would share a file. Plain names are lower case only and never contain {@code ~};
 * every other name carries the hash of the exact UID, so two different UIDs can only share a
 * file name (ignoring case) if their hashes agree. Non-ASCII is never kept because macOS
 * normalises file names (NFD), so the listed name would differ from the name written.
 */
public final class ItemFileName {
    static final String EXTENSION = ".ics";
    private static final int PLAIN_MAX_BYTES = 200;
    private static final int READABLE_MAX_CHARS = 100;
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9_@+\\-][a-z0-9._@+\\-]*");

    private ItemFileName() {}

    /** The file name for {@code uid}, extension included. */
    public static String forUid(String uid) {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("an item needs a non-empty UID to get a file name");
        }
        if (uid.length() <= PLAIN_MAX_BYTES && PLAIN.matcher(uid).matches()) {
            return uid + EXTENSION;
        }
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < uid.length() && readable.length() < READABLE_MAX_CHARS; i++) {
            char c = uid.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '@' || c == '+';
            readable.append(keep ? c : '_');
        }
        if (readable.length() > 0 && readable.charAt(0) == '.') {
            readable.setCharAt(0, '_'); // a leading dot would hide the file from listings
        }
        return readable + "~" + sha256Hex(uid).substring(0, 16) + EXTENSION;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
