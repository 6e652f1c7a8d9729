package com.calsync.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a JSON-with-comments text sits, as character offsets: the start and end of
 * every value, where its key starts (for object members) and, for objects and lists, their
 * children in file order. {@link ConfigDocument} edits the text at these places, so everything
 * between them — comments, blank lines, the user's layout — stays as it was.
 *
 * <p>Jackson reports where a token starts; where a scalar ends is found here by scanning its text,
 * and where an object or list ends is its closing bracket's start plus one.
 */
final class JsonSpans {
    /** The same dialect {@link LocatedJson} reads: {@code //} and block comments, trailing commas. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * One value.
     *
     * @param pointer  its JSON Pointer ({@code ""} for the root)
     * @param keyStart where its key's opening quote is, or -1 (list items, the root)
     * @param start    its first character
     * @param end      one past its last character
     * @param kind     what it is
     * @param children the pointers of its members or items, in file order (empty for scalars)
     */
    record Node(String pointer, int keyStart, int start, int end, JsonToken kind, List<String> children) {
        boolean isObject() {
            return kind == JsonToken.START_OBJECT;
        }

        boolean isArray() {
            return kind == JsonToken.START_ARRAY;
        }

        /** Where this member or item begins: its key, or the value itself. */
        int from() {
            return keyStart >= 0 ? keyStart : start;
        }
    }

    private final String text;
    private final int offset;
    private final Map<String, Node> nodes = new HashMap<>();

    private JsonSpans(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    /**
     * Locates every value of {@code text}; a byte-order mark at the start is skipped (offsets still
     * count it).
     *
     * @throws IOException on a syntax error (the same ones {@link ConfigLoader} reports)
     */
    static JsonSpans of(String text) throws IOException {
        int bom = text.startsWith("\uFEFF") ? 1 : 0;
        JsonSpans spans = new JsonSpans(text, bom);
        try (JsonParser parser = FACTORY.createParser(text.substring(bom))) {
            if (parser.nextToken() == null) {
                return spans;
            }
            spans.read(parser, "", -1);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "more content after the end of the top-level value");
            }
        }
        return spans;
    }

    Optional<Node> node(String pointer) {
        return Optional.ofNullable(nodes.get(pointer));
    }

    Node root() {
        return nodes.get("");
    }

    private Node read(JsonParser p, String pointer, int keyStart) throws IOException {
        JsonToken token = p.currentToken();
        int start = at(p);
        List<String> children = new ArrayList<>();
        int end;
        switch (token) {
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int key = at(p);
                    String child = LocatedJson.childPointer(pointer, p.currentName());
                    p.nextToken();
                    read(p, child, key);
                    children.add(child);
                }
                end = at(p) + 1;
            }
            case START_ARRAY -> {
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + index++;
                    read(p, child, -1);
                    children.add(child);
                }
                end = at(p) + 1;
            }
            case VALUE_STRING -> end = endOfString(start);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> end = endOfNumber(start);
            case VALUE_TRUE -> end = start + 4;
            case VALUE_FALSE -> end = start + 5;
            case VALUE_NULL -> end = start + 4;
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + token);
        }
        Node node = new Node(pointer, keyStart, start, end, token, List.copyOf(children));
        nodes.put(pointer, node);
        return node;
    }

    private int at(JsonParser p) {
        return (int) p.currentTokenLocation().getCharOffset() + offset;
    }

    private int endOfString(int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return text.length();
    }

    private int endOfNumber(int start) {
        int i = start;
        while (i < text.length() && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
