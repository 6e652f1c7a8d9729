package com.calsync.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An item's text as unfolded content lines (RFC 5545 §3.1), each knowing the physical line it
 * starts on and where it ends in the text, so that CalSync can read, repair or fingerprint text
 * that ical4j refuses, and point the user at the line as their file numbers it. Any line end
 * (CRLF, LF, a lone CR) ends a line; a line starting with a space or tab continues the last one.
 */
final class ContentLines {
    private ContentLines() {
    }

    /**
     * One logical line.
     *
     * @param text      the unfolded line, without its line end
     * @param firstLine the 1-based physical line it starts on
     * @param end       the offset in the text just past its last physical line's line end
     */
    record Line(String text, int firstLine, int end) {
        /** The property or BEGIN/END name in upper case ("" for a blank line). */
        String name() {
            int stop = text.length();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ';' || c == ':') {
                    stop = i;
                    break;
                }
            }
            return text.substring(0, stop).strip().toUpperCase(Locale.ROOT);
        }

        /** The colon that ends name and parameters (quoted parameter values may hold colons); -1 if none. */
        int valueStart() {
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    return i;
                }
            }
            return -1;
        }

        /** The value after the colon; "" when there is none. */
        String value() {
            int colon = valueStart();
            return colon < 0 ? "" : text.substring(colon + 1);
        }

        /** The parameters between name and colon, each as NAME=value (NAME upper case, value unquoted). */
        List<String> parameters() {
            int colon = valueStart();
            String head = colon < 0 ? text : text.substring(0, colon);
            List<String> result = new ArrayList<>();
            StringBuilder current = null;
            boolean quoted = false;
            for (int i = 0; i < head.length(); i++) {
                char c = head.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ';' && !quoted) {
                    if (current != null) {
                        result.add(normalParameter(current.toString()));
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(c);
                }
            }
            if (current != null) {
                result.add(normalParameter(current.toString()));
            }
            return result;
        }

        /** A parameter's value ("VALUE" → "DATE"), upper case, or null when absent. */
        String parameter(String name) {
            for (String p : parameters()) {
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    return p.substring(eq + 1);
                }
            }
            return null;
        }

        boolean isBegin() {
            return name().equals("BEGIN");
        }

        boolean isEnd() {
            return name().equals("END");
        }

        /** For BEGIN and END lines: the component's name in upper case. */
        String component() {
            return value().strip().toUpperCase(Locale.ROOT);
        }

        private static String normalParameter(String p) {
            int eq = p.indexOf('=');
            if (eq < 0) {
                return p.strip().toUpperCase(Locale.ROOT);
            }
            return p.substring(0, eq).strip().toUpperCase(Locale.ROOT) + "=" + p.substring(eq + 1).replace("\"", "");
        }
    }

    /** The logical lines of {@code text}; a byte order mark at the start is not part of the first. */
    static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int physical = 0;
        StringBuilder current = null;
        int currentFirst = 0;
        int n = text.length();
        while (i < n) {
            int lineStart = i;
            while (i < n && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                i++;
            }
            int lineEnd = i;
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n' && (i == lineEnd || text.charAt(i - 1) == '\r')) {
                i++;
            }
            physical++;
            boolean continuation = lineEnd > lineStart && (text.charAt(lineStart) == ' ' || text.charAt(lineStart) == '\t');
            if (continuation && current != null) {
                current.append(text, lineStart + 1, lineEnd);
                lines.set(lines.size() - 1, new Line(current.toString(), currentFirst, i));
            } else {
                current = new StringBuilder(lineEnd - lineStart).append(text, lineStart, lineEnd);
                currentFirst = physical;
                lines.add(new Line(current.toString(), currentFirst, i));
            }
        }
        return lines;
    }

    /** The line end the text uses: CRLF unless it has bare LFs only. */
    static String lineEnd(String text) {
        return text.contains("\r\n") || !text.contains("\n") ? "\r\n" : "\n";
    }

    /**
     * Unescapes a TEXT value (RFC 5545 §3.3.11): {@code \n}, {@code \,}, {@code \;}, {@code \\}.
     */
    static String unescapeText(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
