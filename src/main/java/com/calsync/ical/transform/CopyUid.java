package com.calsync.ical.transform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The UID a rewritten copy gets instead of its source's: a copy must not share its UID with the
 * original, which may reach the same calendar as an invitation (CalDAV refuses a second resource
 * with one UID), and a source UID can carry a host or an address.
 *
 * <p>The UID is derived, not random: {@code calsync-copy-} and 32 hex digits of the SHA-256 of the
 * pair's name and the source UID. A write retried after a crash, or a sync state rebuilt after
 * its database was lost, finds the copies it made before instead of making them again.
 */
public final class CopyUid {
    private static final String PREFIX = "calsync-copy-";

    private CopyUid() {
    }

    public static String of(String pair, String sourceUid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((pair + "\n" + sourceUid).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** {@code document} with every main component's UID set to {@code uid}. */
    public static IcsDocument apply(IcsDocument document, String uid) {
        return document.mapMain(c -> c.with(ContentLine.of("UID", Map.of(), uid)));
    }
}
