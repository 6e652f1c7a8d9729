package com.calsync.config;

import com.calsync.config.JsonSpans.Node;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a config.json, edited in place: each change replaces, inserts or deletes only the
 * characters of the value it changes (found by {@link JsonSpans}), so the user's comments, blank
 * lines, key order and indentation everywhere else stay exactly as they were. New members take
 * the indentation and comma style of their neighbours. Immutable: every edit returns a new
 * document (re-parsed, so the next edit sees fresh positions).
 *
 * <p>What an edit does to comments: a comment on the lines of a removed member (or after it on its
 * last line) goes with it; comments on the lines above it stay. Why edits in place and not a
 * rewrite: src/docs/decisions/0012-config-edits-in-place.md.
 */
public final class ConfigDocument {
    private static final ObjectMapper TREE = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build());

    private final String text;
    private final JsonSpans spans;
    private final JsonNode tree;
    private final String newline;
    private final String unit;

    private ConfigDocument(String text, JsonSpans spans, JsonNode tree) {
        this.text = text;
        this.spans = spans;
        this.tree = tree;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.unit = indentUnit();
    }

    /**
     * Reads {@code text}; an empty text becomes an empty object.
     *
     * @throws IOException when the text is not JSON with comments (fix it by hand first; {@code
     *                     calsync config check} says where)
     */
    public static ConfigDocument parse(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            return parse(text + "{}\n");
        }
        JsonSpans spans = JsonSpans.of(text);
        if (!spans.root().isObject()) {
            throw new IOException("config.json must hold one JSON object { … }");
        }
        return new ConfigDocument(text, spans, TREE.readTree(body));
    }

    public String text() {
        return text;
    }

    /** The values, as a tree to read (changes go through this document's methods). */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** The value at a JSON Pointer ({@code /pairs/0/name}), if there is one. */
    public Optional<JsonNode> get(String pointer) {
        JsonNode found = tree.at(pointer);
        return found.isMissingNode() ? Optional.empty() : Optional.of(found.deepCopy());
    }

    public boolean has(String pointer) {
        return spans.node(pointer).isPresent();
    }

    // ---- edits --------------------------------------------------------------------------------

    /**
     * Sets the value at {@code pointer}. A new member is added to its object (objects above it are
     * created when missing); an existing scalar or list is replaced; an existing object takes each
     * member of {@code value} the same way, its other members untouched.
     */
    public ConfigDocument put(String pointer, JsonNode value) {
        Optional<Node> existing = spans.node(pointer);
        if (existing.isEmpty()) {
            return add(pointer, value);
        }
        Node node = existing.get();
        if (node.isObject() && value.isObject()) {
            ConfigDocument doc = this;
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                doc = doc.put(LocatedJson.childPointer(pointer, member.getKey()), member.getValue());
            }
            return doc;
        }
        if (tree.at(pointer).equals(value)) {
            return this;
        }
        String rendered = JsonText.render(value, indentAt(node.from()), unit, newline);
        return edited(List.of(new Edit(node.start(), node.end(), rendered)));
    }

    /**
     * Makes the object at {@code pointer} hold {@code value}'s members ({@link #put}) and drops
     * those of {@code managedKeys} that {@code value} lacks; keys it does not manage (a user's own
     * notes, keys of a newer version) stay.
     */
    public ConfigDocument putObject(String pointer, ObjectNode value, Collection<String> managedKeys) {
        ConfigDocument doc = put(pointer, value);
        for (String key : managedKeys) {
            if (!value.has(key)) {
                doc = doc.remove(LocatedJson.childPointer(pointer, key));
            }
        }
        return doc;
    }

    /** Adds {@code value} as the last item of the list at {@code pointer} (created when missing). */
    public ConfigDocument append(String pointer, JsonNode value) {
        Optional<Node> list = spans.node(pointer);
        if (list.isEmpty()) {
            return add(pointer, TREE.createArrayNode().add(value));
        }
        if (!list.get().isArray()) {
            throw new IllegalArgumentException(pointer + " is not a list");
        }
        return insertChild(list.get(), null, value);
    }

    /** Removes the member or list item at {@code pointer}; nothing happens when it is absent. */
    public ConfigDocument remove(String pointer) {
        Optional<Node> found = spans.node(pointer);
        if (found.isEmpty() || pointer.isEmpty()) {
            return this;
        }
        Node node = found.get();
        Node parent = spans.node(parentOf(pointer)).orElseThrow();
        int index = parent.children().indexOf(pointer);
        int from = node.from();
        int comma = skipTrivia(node.end());
        boolean commaAfter = comma < text.length() && text.charAt(comma) == ',';
        int end = commaAfter ? comma + 1 : node.end();
        List<Edit> edits = new ArrayList<>();
        int previousComma = -1;
        if (!commaAfter && index > 0) {
            Node previous = spans.node(parent.children().get(index - 1)).orElseThrow();
            int c = skipTrivia(previous.end());
            if (c < from && text.charAt(c) == ',') {
                previousComma = c;
            }
        }
        if (onlyBlankBefore(from) && restOfLineIsTrivia(end)) {
            // the member has its own line(s): they go, with a comment at the end of its last line
            edits.add(new Edit(lineStart(from), nextLineStart(end), ""));
            if (previousComma >= 0) {
                edits.add(new Edit(previousComma, previousComma + 1, ""));
            }
        } else if (commaAfter) {
            edits.add(new Edit(from, skipBlanks(end), ""));
        } else if (previousComma >= 0 && text.substring(previousComma + 1, from).isBlank()) {
            edits.add(new Edit(previousComma, node.end(), ""));
        } else {
            edits.add(new Edit(from, node.end(), ""));
            if (previousComma >= 0) {
                edits.add(new Edit(previousComma, previousComma + 1, ""));
            }
        }
        return edited(edits);
    }

    // ---- the mechanics ---------------------------------------------------------------------

    /** A change of the text: {@code [start, end)} becomes {@code replacement}. */
    private record Edit(int start, int end, String replacement) {
    }

    private ConfigDocument edited(List<Edit> edits) {
        StringBuilder s = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> s.replace(e.start(), e.end(), e.replacement()));
        try {
            return parse(s.toString());
        } catch (IOException e) {
            throw new IllegalStateException("an edit of config.json produced text that does not parse: " + e.getMessage(), e);
        }
    }

    /** Adds a member that is not there yet, creating the objects above it when they are missing. */
    private ConfigDocument add(String pointer, JsonNode value) {
        String parentPointer = parentOf(pointer);
        String key = lastKey(pointer);
        Optional<Node> parent = spans.node(parentPointer);
        if (parent.isEmpty()) {
            return add(parentPointer, TREE.createObjectNode().set(key, value));
        }
        if (parent.get().isArray()) {
            if (key.equals(String.valueOf(parent.get().children().size()))) {
                return insertChild(parent.get(), null, value);
            }
            throw new IllegalArgumentException(pointer + ": lists only grow at their end");
        }
        if (!parent.get().isObject()) {
            throw new IllegalArgumentException(parentPointer + " is not an object");
        }
        return insertChild(parent.get(), key, value);
    }

    /** Inserts a member ({@code key} given) or list item after the container's last child. */
    private ConfigDocument insertChild(Node container, String key, JsonNode value) {
        int close = container.end() - 1;
        String prefix = key == null ? "" : JsonText.string(key) + ": ";
        if (!container.children().isEmpty()) {
            Node last = spans.node(container.children().get(container.children().size() - 1)).orElseThrow();
            int comma = skipTrivia(last.end());
            boolean trailingComma = comma < close && text.charAt(comma) == ',';
            int after = trailingComma ? comma + 1 : last.end();
            boolean ownLine = onlyBlankBefore(last.from()) && restOfLineIsTrivia(after) && lineStart(close) > after;
            if (ownLine) {
                String indent = indentAt(last.from());
                String member = prefix + JsonText.render(value, indent, unit, newline);
                List<Edit> edits = new ArrayList<>();
                edits.add(new Edit(lineEnd(after), lineEnd(after), newline + indent + member + (trailingComma ? "," : "")));
                if (!trailingComma) {
                    edits.add(new Edit(last.end(), last.end(), ","));
                }
                return edited(edits);
            }
            String member = prefix + JsonText.inline(value);
            return edited(List.of(trailingComma ? new Edit(after, after, " " + member + ",")
                    : new Edit(last.end(), last.end(), ", " + member)));
        }
        String interior = text.substring(container.start() + 1, close);
        if (!interior.contains("\n")) {
            String outer = indentAt(container.start());
            String inner = outer + unit;
            String member = prefix + JsonText.render(value, inner, unit, newline);
            return edited(List.of(new Edit(container.start() + 1, close, newline + inner + member + newline + outer)));
        }
        if (onlyBlankBefore(close)) {
            String inner = indentAt(close) + unit;
            String member = prefix + JsonText.render(value, inner, unit, newline);
            return edited(List.of(new Edit(lineStart(close), lineStart(close), inner + member + newline)));
        }
        String outer = indentAt(container.start());
        String inner = outer + unit;
        String member = prefix + JsonText.render(value, inner, unit, newline);
        return edited(List.of(new Edit(close, close, newline + inner + member + newline + outer)));
    }

    /** The indentation one level adds in this file: what the root's first member has, else two spaces. */
    private String indentUnit() {
        Node root = spans.root();
        if (root == null || root.children().isEmpty()) {
            return "  ";
        }
        Node first = spans.node(root.children().get(0)).orElseThrow();
        if (lineStart(first.from()) == lineStart(root.start()) || !onlyBlankBefore(first.from())) {
            return "  ";
        }
        String inner = indentAt(first.from());
        String outer = indentAt(root.start());
        return inner.startsWith(outer) && inner.length() > outer.length() ? inner.substring(outer.length()) : "  ";
    }

    /** The blanks that start the line {@code pos} is on. */
    private String indentAt(int pos) {
        int start = lineStart(pos);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    private int lineStart(int pos) {
        return text.lastIndexOf('\n', pos - 1) + 1;
    }

    /** Where the line ends: its newline (or {@code \r\n}), or the end of the text. */
    private int lineEnd(int pos) {
        int nl = text.indexOf('\n', pos);
        if (nl < 0) {
            return text.length();
        }
        return nl > pos && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    /** Where the line after {@code pos}'s line starts, or the end of the text. */
    private int nextLineStart(int pos) {
        int nl = text.indexOf('\n', pos);
        return nl < 0 ? text.length() : nl + 1;
    }

    private boolean onlyBlankBefore(int pos) {
        return text.substring(lineStart(pos), pos).isBlank();
    }

    /** Whether nothing but blanks and comments follows {@code pos} on its line. */
    private boolean restOfLineIsTrivia(int pos) {
        int end = lineEnd(pos);
        int i = pos;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (text.startsWith("//", i)) {
                return true;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > end) {
                    return false; // a comment running over lines: treat what follows as content
                }
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The first character after {@code pos} that is neither blank nor comment. */
    private int skipTrivia(int pos) {
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private int skipBlanks(int pos) {
        int i = pos;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String lastKey(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    @Override
    public String toString() {
        return text;
    }
}
