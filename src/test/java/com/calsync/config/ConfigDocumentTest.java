package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** In-place edits of config.json text: only the edited values change, comments and layout elsewhere stay. */
class ConfigDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A config as a person writes one: comments everywhere, a trailing comma, a key left at its default. */
    static final String USER_FILE = """
            // My calendars. Do not lose this comment!
            {
              /* defaults */
              "sync": {
                "interval_minutes": 15, // every quarter hour
                "sync_past_days": 7,
              },

              "accounts": {
                // the NAS in the hall
                "home": { "type": "caldav", "url": "https://nas.local/dav/", "username": "me" }
              },
              "calendars": {
                "work": { "account": "home", "name": "Work" }, // shared with Anna
                "mirror": { "type": "folder", "path": "~/Calendars/work" }
              },
              "pairs": [
                { "name": "work-to-folder", "source": "work", "target": "mirror" } // the old one
              ]
            }
            """;

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The comments of a text, line by line (string literals, which may hold "//", left out). */
    private static List<String> commentLines(String text) {
        List<String> comments = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String code = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            int at = code.contains("//") ? code.indexOf("//") : code.indexOf("/*");
            if (at >= 0) {
                comments.add(code.substring(at).strip());
            }
        }
        return comments;
    }

    /** Lines joined with \n: the expected text, indentation exact. */
    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void anAddedAccountTakesItsNeighboursIndentationAndNothingElseChanges() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(USER_FILE);

        ConfigDocument edited = doc.put("/accounts/radicale", json("{\"type\":\"caldav\",\"url\":\"http://127.0.0.1:5232/\",\"username\":\"alice\"}"));

        assertThat(edited.text()).isEqualTo(USER_FILE.replace("""
                    "home": { "type": "caldav", "url": "https://nas.local/dav/", "username": "me" }
                """, """
                    "home": { "type": "caldav", "url": "https://nas.local/dav/", "username": "me" },
                    "radicale": { "type": "caldav", "url": "http://127.0.0.1:5232/", "username": "alice" }
                """));
    }

    @Test
    void aMemberAfterAnEndOfLineCommentGoesBelowTheComment() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(USER_FILE);

        String text = doc.put("/calendars/feed", json("{\"type\":\"feed\",\"url\":\"webcal://example.org/h.ics\"}"))
                .put("/pairs/1", json("{\"name\":\"b\",\"source\":\"feed\",\"target\":\"mirror\"}")).text();

        assertThat(text).contains(lines(
                "    \"mirror\": { \"type\": \"folder\", \"path\": \"~/Calendars/work\" },",
                "    \"feed\": { \"type\": \"feed\", \"url\": \"webcal://example.org/h.ics\" }",
                "  },"));
        assertThat(text).contains(lines(
                "    { \"name\": \"work-to-folder\", \"source\": \"work\", \"target\": \"mirror\" }, // the old one",
                "    { \"name\": \"b\", \"source\": \"feed\", \"target\": \"mirror\" }",
                "  ]"));
        assertThat(commentLines(text)).containsExactlyElementsOf(commentLines(USER_FILE));
    }

    @Test
    void aTrailingCommaStyleIsKept() throws Exception {
        String text = ConfigDocument.parse(USER_FILE).put("/sync/verify_threshold", json("3")).text();

        assertThat(text).contains(lines(
                "    \"sync_past_days\": 7,",
                "    \"verify_threshold\": 3,",
                "  },"));
    }

    @Test
    void replacingAValueTouchesOnlyItsCharacters() throws Exception {
        String text = ConfigDocument.parse(USER_FILE).put("/sync/interval_minutes", json("60")).text();

        assertThat(text).isEqualTo(USER_FILE.replace("\"interval_minutes\": 15,", "\"interval_minutes\": 60,"));
    }

    @Test
    void anObjectIsMergedMemberByMemberAndPutObjectDropsOnlyTheKeysItManages() throws Exception {
        String text = ConfigDocument.parse(USER_FILE.replace("\"username\": \"me\" }", "\"username\": \"me\", \"note\": \"mine\" }"))
                .putObject("/accounts/home", (ObjectNode) json("{\"type\":\"caldav\",\"url\":\"https://nas.local/dav2/\"}"),
                        List.of("type", "url", "username"))
                .text();

        assertThat(text).contains("\"home\": { \"type\": \"caldav\", \"url\": \"https://nas.local/dav2/\", \"note\": \"mine\" }");
    }

    @Test
    void removingAMemberOnItsOwnLineTakesTheLineAndItsComma() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(USER_FILE);

        String text = doc.remove("/calendars/mirror").text();

        assertThat(text).contains(lines(
                "  \"calendars\": {",
                "    \"work\": { \"account\": \"home\", \"name\": \"Work\" } // shared with Anna",
                "  },"));
        assertThat(json(ConfigDocument.parse(text).tree().toString()).path("calendars").size()).isEqualTo(1);
    }

    @Test
    void removingTheOnlyPairLeavesAnEmptyListAndTheCommentsAboveIt() throws Exception {
        String text = ConfigDocument.parse(USER_FILE).remove("/pairs/0").text();

        assertThat(text).contains(lines(
                "  \"pairs\": [",
                "  ]",
                "}"));
        assertThat(text).contains("// My calendars. Do not lose this comment!", "// the NAS in the hall");
    }

    @Test
    void insideOneLineObjectsEditsStayOnTheLine() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("{ \"a\": { \"x\": 1, \"y\": 2 }, \"b\": [1, 2, 3] }");

        assertThat(doc.remove("/a/x").text()).isEqualTo("{ \"a\": { \"y\": 2 }, \"b\": [1, 2, 3] }");
        assertThat(doc.remove("/a/y").text()).isEqualTo("{ \"a\": { \"x\": 1 }, \"b\": [1, 2, 3] }");
        assertThat(doc.remove("/b/1").text()).isEqualTo("{ \"a\": { \"x\": 1, \"y\": 2 }, \"b\": [1, 3] }");
        assertThat(doc.put("/a/z", json("3")).text()).isEqualTo("{ \"a\": { \"x\": 1, \"y\": 2, \"z\": 3 }, \"b\": [1, 2, 3] }");
        assertThat(doc.append("/b", json("4")).text()).isEqualTo("{ \"a\": { \"x\": 1, \"y\": 2 }, \"b\": [1, 2, 3, 4] }");
    }

    @Test
    void missingSectionsAreCreatedAtTheEndOfTheRootObject() throws Exception {
        String seedEra = """
                {
                    "sync": { "interval_minutes": 30 }
                }
                """;

        String text = ConfigDocument.parse(seedEra).put("/accounts/icloud", json("{\"url\":\"https://caldav.icloud.com/\"}")).text();

        assertThat(text).isEqualTo("""
                {
                    "sync": { "interval_minutes": 30 },
                    "accounts": { "icloud": { "url": "https://caldav.icloud.com/" } }
                }
                """);
    }

    @Test
    void anEmptyFileOrEmptyObjectsGetOneMemberPerLine() throws Exception {
        String text = ConfigDocument.parse("").put("/calendars/a", json("{\"type\":\"folder\",\"path\":\"/tmp/a\"}"))
                .append("/pairs", json("{\"name\":\"p\"}")).text();

        assertThat(text).isEqualTo("""
                {
                  "calendars": { "a": { "type": "folder", "path": "/tmp/a" } },
                  "pairs": [{ "name": "p" }]
                }
                """);

        String withComment = ConfigDocument.parse("{\n  \"accounts\": {\n    // none yet\n  }\n}\n")
                .put("/accounts/x", json("{\"url\":\"https://x/\"}")).text();
        assertThat(withComment).isEqualTo("{\n  \"accounts\": {\n    // none yet\n    \"x\": { \"url\": \"https://x/\" }\n  }\n}\n");
    }

    @Test
    void windowsLineEndsTabsAndAByteOrderMarkAreKept() throws Exception {
        String text = "\uFEFF{\r\n\t\"calendars\": {\r\n\t\t\"a\": { \"type\": \"folder\", \"path\": \"/a\" } // é\r\n\t}\r\n}\r\n";

        String edited = ConfigDocument.parse(text).put("/calendars/b", json("{\"type\":\"folder\",\"path\":\"/b\"}")).text();

        assertThat(edited).isEqualTo("\uFEFF{\r\n\t\"calendars\": {\r\n\t\t\"a\": { \"type\": \"folder\", \"path\": \"/a\" }, // é\r\n"
                + "\t\t\"b\": { \"type\": \"folder\", \"path\": \"/b\" }\r\n\t}\r\n}\r\n");
        assertThat(ConfigDocument.parse(edited).remove("/calendars/a").text())
                .isEqualTo("\uFEFF{\r\n\t\"calendars\": {\r\n\t\t\"b\": { \"type\": \"folder\", \"path\": \"/b\" }\r\n\t}\r\n}\r\n");
    }

    @Test
    void longValuesAreSpreadOverLinesAtTheRightDepth() throws Exception {
        ObjectNode pair = (ObjectNode) json("{\"name\":\"a-rather-long-pair-name\",\"source\":\"a-calendar-with-a-long-name\","
                + "\"target\":\"another-calendar\",\"mode\":\"two-way\",\"conflict\":\"newer-wins\",\"sync\":{\"interval_minutes\":5}}");

        String text = ConfigDocument.parse(USER_FILE).append("/pairs", pair).text();

        assertThat(text).contains(lines(
                "    { \"name\": \"work-to-folder\", \"source\": \"work\", \"target\": \"mirror\" }, // the old one",
                "    {",
                "      \"name\": \"a-rather-long-pair-name\",",
                "      \"source\": \"a-calendar-with-a-long-name\",",
                "      \"target\": \"another-calendar\",",
                "      \"mode\": \"two-way\",",
                "      \"conflict\": \"newer-wins\",",
                "      \"sync\": { \"interval_minutes\": 5 }",
                "    }",
                "  ]"));
        assertThat(ConfigDocument.parse(text).remove("/pairs/1").text()).isEqualTo(USER_FILE);
    }

    @Test
    void textAndKeysOutsideAsciiSurvive() throws Exception {
        String text = ConfigDocument.parse("{ \"calendars\": { \"家\": { \"type\": \"folder\", \"path\": \"~/日历\" } } }")
                .put("/calendars/家/path", json("\"~/カレンダー\"")).text();

        assertThat(text).isEqualTo("{ \"calendars\": { \"家\": { \"type\": \"folder\", \"path\": \"~/カレンダー\" } } }");
    }

    @Test
    void aSyntaxErrorIsReportedNotGuessedAround() {
        assertThatThrownBy(() -> ConfigDocument.parse("{ \"a\": 1,, }")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ConfigDocument.parse("[1, 2]")).isInstanceOf(IOException.class);
    }

    /**
     * Random sequences of puts, removes and appends on the user's commented file: after each, the
     * tree is what the same operations give on a plain tree, and every comment outside removed
     * members is still there, in order.
     */
    @Test
    void anyEditSequenceGivesTheExpectedTreeAndKeepsTheOtherComments() {
        List<String> paths = List.of("/sync/interval_minutes", "/sync/verify_threshold", "/accounts/home", "/accounts/x",
                "/calendars/work", "/calendars/mirror", "/calendars/y", "/sync", "/app", "/app/notifications");
        qt().withExamples(300).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 8)).checkAssert(ops -> {
            try {
                ConfigDocument doc = ConfigDocument.parse(USER_FILE);
                ObjectNode model = (ObjectNode) JSON.readTree(doc.tree().toString());
                Set<String> removedComments = new java.util.HashSet<>();
                for (int op : ops) {
                    String path = paths.get(op % paths.size());
                    int kind = (op / paths.size()) % 3;
                    if (kind == 0) {
                        JsonNode value = JSON.readTree("{\"v\": " + op + ", \"w\": \"x" + op + "\"}");
                        JsonNode scalar = JSON.readTree(String.valueOf(op));
                        JsonNode chosen = path.split("/").length > 2 && !path.startsWith("/accounts") && !path.startsWith("/calendars")
                                ? scalar : value;
                        doc = doc.put(path, chosen);
                        putInModel(model, path, chosen);
                    } else if (kind == 1) {
                        if (doc.has(path)) {
                            removedComments.addAll(commentLinesOf(doc, path));
                        }
                        doc = doc.remove(path);
                        removeInModel(model, path);
                    } else {
                        JsonNode item = JSON.readTree("{\"name\": \"p" + op + "\"}");
                        doc = doc.append("/pairs", item);
                        ((com.fasterxml.jackson.databind.node.ArrayNode) model.withArray("/pairs")).add(item);
                    }
                    assertThat(doc.tree()).isEqualTo(model);
                }
                List<String> expected = new ArrayList<>(commentLines(USER_FILE));
                expected.removeAll(removedComments);
                assertThat(commentLines(doc.text())).containsExactlyElementsOf(expected);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static List<String> commentLinesOf(ConfigDocument doc, String pointer) throws IOException {
        JsonSpans.Node node = JsonSpans.of(doc.text()).node(pointer).orElseThrow();
        String text = doc.text();
        int from = text.lastIndexOf('\n', node.from() - 1) + 1;
        int to = text.indexOf('\n', node.end());
        return commentLines(text.substring(from, to < 0 ? text.length() : to));
    }

    private static void putInModel(ObjectNode model, String pointer, JsonNode value) {
        String parent = ConfigDocument.parentOf(pointer);
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode at = parent.isEmpty() ? model : model.withObject(parent);
        JsonNode existing = at.get(key);
        if (existing != null && existing.isObject() && value.isObject()) {
            value.properties().forEach(e -> putInModel(model, pointer + "/" + e.getKey(), e.getValue()));
        } else {
            at.set(key, value.deepCopy());
        }
    }

    private static void removeInModel(ObjectNode model, String pointer) {
        JsonNode parent = model.at(ConfigDocument.parentOf(pointer));
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(pointer.substring(pointer.lastIndexOf('/') + 1));
        }
    }
}
