package com.calsync.store.caldav;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Puts hrefs into one canonical form: an absolute path whose segments are percent-encoded the
 * same way whatever the server wrote ({@code /a b/}, {@code /a%20b/}, {@code http://host/a%20b/}
 * all become {@code /a%20b/}). The sync engine compares hrefs as strings, so a store must hand
 * out each href in exactly one spelling.
 */
final class Hrefs {
    private Hrefs() {}

    /** The canonical path of {@code href} as found in an answer to a request for {@code base}. */
    static String canonical(URI base, String href) {
        String path = href.trim();
        int schemeEnd = path.indexOf("://");
        if (schemeEnd > 0 && schemeEnd < 8) {
            int pathStart = path.indexOf('/', schemeEnd + 3);
            path = pathStart < 0 ? "/" : path.substring(pathStart);
        }
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (!path.startsWith("/")) {
            String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
            path = basePath.substring(0, basePath.lastIndexOf('/') + 1) + path;
        }
        return normalizePath(path);
    }

    /** The absolute URL for a canonical path on the server of {@code base}. */
    static URI resolve(URI base, String canonicalPath) {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + canonicalPath);
    }

    /** The canonical path of an absolute URL. */
    static String pathOf(URI url) {
        String raw = url.getRawPath();
        return normalizePath(raw == null || raw.isEmpty() ? "/" : raw);
    }

    /** Decodes each segment of a raw path and encodes it again our one way. */
    static String normalizePath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encodeSegment(decode(segments[i])));
        }
        return out.toString();
    }

    /** Percent-encodes one path segment: every byte except RFC 3986 unreserved characters. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes %XX sequences as UTF-8; a stray '%' is kept as it is. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                flush(bytes, out);
                out.append(c);
                i++;
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
