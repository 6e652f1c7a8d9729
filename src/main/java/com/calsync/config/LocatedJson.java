package com.calsync.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON-with-comments into a Jackson tree while remembering where every key and value
 * starts, so validation can name line and column. Jackson's tree keeps no locations, so the tree
 * is built here from the streaming parser. Locations are in characters (the text is parsed as a
 * String; Jackson's byte parser would count UTF-8 bytes and misplace columns after 中文).
 */
final class LocatedJson {

    /** {@code //} and {@code /* *}{@code /} comments (the seed's example has them) and trailing commas. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** A parsed document. Maps are keyed by JSON Pointer ({@code /pairs/0/mode}). */
    record Parsed(
            JsonNode root,
            Map<String, JsonLocation> valueLocations,
            Map<String, JsonLocation> keyLocations,
            List<DuplicateKey> duplicates) {
    }

    /** A key that appears twice in one object; the later value is the one in the tree. */
    record DuplicateKey(String pointer, String key, JsonLocation first, JsonLocation again) {
    }

    private final Map<String, JsonLocation> values = new HashMap<>();
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final List<DuplicateKey> duplicates = new ArrayList<>();
    /** Objects and lists not yet closed, innermost first. */
    private final java.util.Deque<Map.Entry<JsonToken, JsonLocation>> open = new java.util.ArrayDeque<>();

    private LocatedJson() {
    }

    /**
     * Parses {@code text}; an empty document gives a null root.
     *
     * @throws StreamReadException on a syntax error, carrying its location
     */
    static Parsed parse(String text) throws IOException {
        LocatedJson reader = new LocatedJson();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root;
            try {
                root = first == null ? null : reader.readValue(parser, "");
            } catch (StreamReadException e) {
                throw reader.explainEndOfInput(parser, e);
            }
            if (first != null && parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "more content after the end of the top-level value",
                        parser.currentTokenLocation());
            }
            return new Parsed(root, Map.copyOf(reader.values), Map.copyOf(reader.keys), List.copyOf(reader.duplicates));
        }
    }

    /** Jackson does not always say which bracket is unclosed at the end of the file; the stack does. */
    private StreamReadException explainEndOfInput(JsonParser parser, StreamReadException e) {
        String m = e.getOriginalMessage();
        if (m == null || !m.startsWith("Unexpected end-of-input") || open.isEmpty()) {
            return e;
        }
        JsonToken token = open.peek().getKey();
        JsonLocation at = open.peek().getValue();
        String what = token == JsonToken.START_ARRAY ? "list [" : "object {";
        return new com.fasterxml.jackson.core.JsonParseException(parser, "the file ends before the " + what
                + " opened at line " + at.getLineNr() + ":" + at.getColumnNr() + " is closed", e);
    }

    static String childPointer(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private JsonNode readValue(JsonParser p, String pointer) throws IOException {
        values.put(pointer, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            open.push(Map.entry(token, p.currentTokenLocation()));
            JsonNode container = readScalarOrContainer(p, pointer, token);
            open.pop();
            return container;
        }
        return readScalarOrContainer(p, pointer, token);
    }

    private JsonNode readScalarOrContainer(JsonParser p, String pointer, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = childPointer(pointer, name);
                    JsonLocation keyLocation = p.currentTokenLocation();
                    if (object.has(name)) {
                        duplicates.add(new DuplicateKey(child, name, keys.get(child), keyLocation));
                    }
                    keys.put(child, keyLocation);
                    p.nextToken();
                    object.set(name, readValue(p, child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p, pointer + "/" + index++));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(p, token);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + token);
        }
    }

    /**
     * Jackson reads a number's value lazily and throws a bare NumberFormatException for one it
     * cannot hold, e.g. {@code 9e555555555555555599} (found by ConfigLoaderFuzzTest): that becomes a
     * syntax error at the number, like any other.
     */
    private static JsonNode number(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return nodes.numberNode(p.getDecimalValue());
            }
            return switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
        } catch (NumberFormatException e) {
            String text = p.getText();
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            throw new com.fasterxml.jackson.core.JsonParseException(p, "the number " + shown
                    + " is out of range; write a whole number such as 60", p.currentTokenLocation());
        }
    }
}
