package com.calsync.platform;

import java.util.Locale;

/**
 * Makes text from calendars and servers safe to print: control characters become visible
 * escapes instead of being obeyed by a terminal, a log viewer or a notification. An event titled
 * {@code ESC]0;…BEL} would otherwise retitle the terminal, {@code ESC[2J} clear it, a CR or LF
 * forge a log line, and a right-to-left override reorder what is shown.
 *
 * <p>Escaped: C0 controls (U+0000–U+001F, ESC included), DEL, C1 controls (U+0080–U+009F), the
 * line and paragraph separators and the bidirectional formatting controls (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069). This is the one function every place that prints calendar text
 * uses: the command line, the logs and notifications.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Every control character escaped, line breaks and tabs too: for one value inside a line. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Control characters escaped except line feeds and tabs: for text whose lines are CalSync's own
     * (a report, a log message with a stack trace) but may carry calendar text somewhere inside.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c, keepLines)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c <= 0xFF) {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i), keepLines)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
