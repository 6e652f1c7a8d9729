package com.calsync.store.caldav;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

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

    /**
     * Decodes each segment of a raw path and encodes it again our one way, with dot-segments
     * removed (RFC 3986 §5.2.4; an encoded dot counts as a dot, §6.2.2.2).
     */
    static String normalizePath(String rawPath) {
        return normalize(rawPath, false).orElseThrow();
    }

    /**
     * Like {@link #normalizePath}, but empty when a segment decodes to something holding '/' or
     * '\': a server may decode {@code ..%2F..%2Fx} into a path of its own choosing.
     */
    static Optional<String> normalizedPath(String rawPath) {
        return normalize(rawPath == null || rawPath.isEmpty() ? "/" : rawPath, true);
    }

    private static Optional<String> normalize(String rawPath, boolean strict) {
        String[] segments = (rawPath.startsWith("/") ? rawPath : "/" + rawPath).split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        boolean trailingSlash = false;
        // segments[0] is what precedes the first '/': empty for an absolute path
        for (int i = 1; i < segments.length; i++) {
            String segment = decode(segments[i]);
            boolean last = i == segments.length - 1;
            if (strict && (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0)) {
                return Optional.empty();
            }
            if (segment.equals(".")) {
                trailingSlash = last;
            } else if (segment.equals("..")) {
                out.pollLast();
                trailingSlash = last;
            } else {
                out.addLast(encodeSegment(segment));
                trailingSlash = false;
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : out) {
            path.append('/').append(segment);
        }
        if (trailingSlash || path.length() == 0) {
            path.append('/');
        }
        return Optional.of(path.toString());
    }

    /**
     * The absolute URL an href stands for, resolved against {@code base}; characters a URI may not
     * hold (spaces, non-ASCII, a stray '%') are percent-encoded first, since servers write them
     * raw. Empty when it is no valid URI even then.
     */
    static Optional<URI> absoluteUrl(String href, URI base) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean escape = c == '%' && i + 2 < href.length() && hex(at(href, i + 1)) >= 0 && hex(at(href, i + 2)) >= 0;
            if (c < 0x80 && (isUnreserved(c) || ":/?#[]@!$&'()*+,;=".indexOf(c) >= 0 || escape)) {
                encoded.append(c);
            } else {
                String piece = Character.isSurrogate(c) && i + 1 < href.length()
                        ? href.substring(i, ++i + 1) : String.valueOf(c);
                for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        }
        try {
            URI uri = new URI(encoded.toString());
            URI resolved = uri.isAbsolute() ? uri : base.resolve(uri);
            return resolved.isOpaque() || resolved.getRawPath() == null ? Optional.empty() : Optional.of(resolved);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** At most 200 characters of a server's text, control characters made visible, for messages. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= 200) {
                return out.append('…').toString();
            }
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : ' ';
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
