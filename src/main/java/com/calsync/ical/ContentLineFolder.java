package com.calsync.ical;

/** RFC 5545 §3.1 folding: content lines of at most 75 octets, never split inside a UTF-8 sequence. */
public final class ContentLineFolder {
    private static final int FOLD_OCTETS = 75;

    private ContentLineFolder() {
    }

    /**
     * {@code line} folded with {@code newline} plus a space before each continuation; no line
     * end after the last piece.
     */
    public static String fold(String line, String newline) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int k = 0; k < line.length(); ) {
            int cp = line.codePointAt(k);
            int width = utf8Width(cp);
            if (octets + width > FOLD_OCTETS) {
                out.append(newline).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += width;
            k += Character.charCount(cp);
        }
        return out.toString();
    }

    private static int utf8Width(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
