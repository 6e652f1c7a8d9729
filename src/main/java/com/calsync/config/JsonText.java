package com.calsync.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value the way config.json's own examples are written: small objects on one line
 * ({@code { "type": "folder", "path": "~/Calendars" }}), bigger ones one member per line, indented
 * like their surroundings. Text other than ASCII stays as it is (the file is UTF-8).
 */
final class JsonText {
    /** Longer than this and an object or list is spread over lines. */
    static final int LINE_WIDTH = 110;

    private JsonText() {
    }

    /** {@code value} on one line. */
    static String inline(JsonNode value) {
        if (value.isObject()) {
            if (value.isEmpty()) {
                return "{}";
            }
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                members.add(string(e.getKey()) + ": " + inline(e.getValue()));
            }
            return "{ " + String.join(", ", members) + " }";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(inline(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isTextual()) {
            return string(value.textValue());
        }
        return value.toString();
    }

    /**
     * {@code value} as it should appear where a line starts with {@code indent} (the first line is
     * not indented: it continues the line the value is put on).
     *
     * @param unit one level of indentation in this file
     */
    static String render(JsonNode value, String indent, String unit, String newline) {
        String one = inline(value);
        if (!value.isContainerNode() || value.isEmpty() || indent.length() + one.length() <= LINE_WIDTH) {
            return one;
        }
        String inner = indent + unit;
        List<String> parts = new ArrayList<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                parts.add(inner + string(e.getKey()) + ": " + render(e.getValue(), inner, unit, newline));
            }
            return "{" + newline + String.join("," + newline, parts) + newline + indent + "}";
        }
        value.forEach(v -> parts.add(inner + render(v, inner, unit, newline)));
        return "[" + newline + String.join("," + newline, parts) + newline + indent + "]";
    }

    static String string(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
