package com.calsync.ical.transform;

import com.calsync.ical.ContentLineFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One iCalendar content line (RFC 5545 §3.1): {@code NAME;PARAM=value,…:value}. A line read from
 * an item keeps the text it was written as, folding included, so a rewrite that keeps it writes
 * it back byte for byte; a line made here is folded when written.
 *
 * @param name    the property name, upper case
 * @param params  parameter names (upper case) to their values, quotes removed, in written order
 * @param value   the value as written (TEXT escapes not undone: see {@link #text()})
 * @param written the line's physical lines as read, joined by the item's line end; null for a line made here
 */
public record ContentLine(String name, Map<String, List<String>> params, String value, String written)
        implements IcsPart {

    public ContentLine {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = java.util.Collections.unmodifiableMap(copy);
    }

    /** Parses one unfolded line; {@code written} is what to write back when the line is kept. */
    public static ContentLine parse(String unfolded, String written) {
        int i = 0;
        int n = unfolded.length();
        while (i < n && unfolded.charAt(i) != ';' && unfolded.charAt(i) != ':') {
            i++;
        }
        String name = unfolded.substring(0, i).toUpperCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        while (i < n && unfolded.charAt(i) == ';') {
            int eq = i + 1;
            while (eq < n && unfolded.charAt(eq) != '=' && unfolded.charAt(eq) != ':' && unfolded.charAt(eq) != ';') {
                eq++;
            }
            String pname = unfolded.substring(i + 1, eq).toUpperCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            i = eq;
            if (i < n && unfolded.charAt(i) == '=') {
                i++;
                StringBuilder v = new StringBuilder();
                boolean quoted = false;
                for (; i < n; i++) {
                    char c = unfolded.charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted && (c == ',' || c == ';' || c == ':')) {
                        if (c != ',') {
                            break;
                        }
                        values.add(v.toString());
                        v.setLength(0);
                    } else {
                        v.append(c);
                    }
                }
                values.add(v.toString());
            }
            params.merge(pname, values, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        String value = i < n ? unfolded.substring(i + 1) : "";
        return new ContentLine(name, params, value, written);
    }

    /** A new line (written folded, RFC 5545 §3.1). */
    public static ContentLine of(String name, Map<String, List<String>> params, String value) {
        return new ContentLine(name.toUpperCase(Locale.ROOT), params, value, null);
    }

    /** A new TEXT property line, its value escaped (§3.3.11). */
    public static ContentLine text(String name, String text) {
        return of(name, Map.of(), escape(text));
    }

    /** The first value of a parameter. */
    public Optional<String> param(String paramName) {
        List<String> values = params.get(paramName.toUpperCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value read as TEXT: escapes undone. */
    public String text() {
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

    /** The line as it goes into a file: as read, or folded when made here. */
    public String write(String newline) {
        if (written != null) {
            return written;
        }
        StringBuilder line = new StringBuilder(name);
        params.forEach((pname, values) -> {
            line.append(';').append(pname).append('=');
            for (int k = 0; k < values.size(); k++) {
                if (k > 0) {
                    line.append(',');
                }
                String v = values.get(k);
                boolean quote = v.indexOf(';') >= 0 || v.indexOf(':') >= 0 || v.indexOf(',') >= 0;
                line.append(quote ? "\"" + v + "\"" : v);
            }
        });
        line.append(':').append(value);
        return ContentLineFolder.fold(line.toString(), newline);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }
}
