package com.calsync.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text with the JDK alone, for the few paths that must start in a few milliseconds (the
 * command line's quick path loads no library): a reader into {@code Map<String, Object>} (in
 * document order), {@code List<Object>}, {@code String}, {@code Long} (integers that fit) or
 * {@code BigDecimal}, {@code Boolean} and {@code null}; and a writer of the same values, compact
 * or indented exactly like Jackson's default pretty printer, so text written either way is the
 * same. Everything else in CalSync uses Jackson.
 */
public final class JsonText {
    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** Thrown for text that is not one JSON value; the message says where. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        MalformedJsonException(String message) {
            super(message);
        }
    }

    /**
     * Reads one JSON value.
     *
     * @throws MalformedJsonException when {@code text} is not exactly one JSON value
     */
    public static Object parse(String text) {
        JsonText reader = new JsonText(text);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("text after the JSON value");
        }
        return value;
    }

    /** Reads a JSON object; {@link MalformedJsonException} when the text is another kind of value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new MalformedJsonException("expected a JSON object, found " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return (Map<String, Object>) value;
    }

    /** {@code value} as compact JSON (no spaces, one line). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    /**
     * {@code value} as Jackson's {@code writerWithDefaultPrettyPrinter()} writes it: objects one
     * field per line indented by two spaces ({@code "name" : value}), arrays on the line they open
     * ({@code [ 1, 2 ]}, {@code [ {} ]}), empty ones as {@code { }} and {@code [ ]}.
     */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(out, s);
        return out.toString();
    }

    // --- writing ---------------------------------------------------------------------------------

    /** @param level the object nesting for pretty output, or -1 for compact */
    private static void write(StringBuilder out, Object value, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, level);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, level);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int level) {
        boolean pretty = level >= 0;
        if (map.isEmpty()) {
            out.append(pretty ? "{ }" : "{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (pretty) {
                newline(out, level + 1);
            }
            quote(out, String.valueOf(e.getKey()));
            out.append(pretty ? " : " : ":");
            write(out, e.getValue(), pretty ? level + 1 : -1);
        }
        if (pretty) {
            newline(out, level);
        }
        out.append('}');
    }

    /** Jackson keeps arrays inline, so the objects inside one stay at the array's object level. */
    private static void writeArray(StringBuilder out, List<?> list, int level) {
        boolean pretty = level >= 0;
        if (list.isEmpty()) {
            out.append(pretty ? "[ ]" : "[]");
            return;
        }
        out.append(pretty ? "[ " : "[");
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                out.append(pretty ? ", " : ",");
            }
            first = false;
            write(out, element, level);
        }
        out.append(pretty ? " ]" : "]");
    }

    private static void newline(StringBuilder out, int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Escapes as Jackson does: the quote, the backslash and control characters; all else as is. */
    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // --- reading ---------------------------------------------------------------------------------

    /** Deeper than any answer CalSync sends; a bound, so hostile text cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a field name in quotes");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(name, value(depth));
            skipSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("expected ',' or '}' after a field");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        pos++; // "
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("the text ends inside a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string must be escaped");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    try {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String literal = text.substring(start, pos);
        try {
            BigDecimal d = new BigDecimal(literal);
            if (integral) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException tooBig) {
                    return d;
                }
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("\"" + literal + "\" is not a number");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("the text ends too early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException("not valid JSON at character " + (pos + 1) + ": " + what);
    }
}
