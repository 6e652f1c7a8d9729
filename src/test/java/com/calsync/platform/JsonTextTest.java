package com.calsync.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON without a library: reads what Jackson writes and writes what Jackson writes, byte for byte. */
class JsonTextTest {
    private final ObjectMapper jackson = new ObjectMapper();

    private static Map<String, Object> sample(String text) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("name", text);
        inner.put("count", 3L);
        inner.put("empty", Map.of());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ok", true);
        o.put("pid", 1234L);
        o.put("nothing", null);
        o.put("ratio", new BigDecimal("0.25"));
        o.put("list", List.of(1L, "two", false));
        o.put("none", List.of());
        o.put("objects", List.of(inner, Map.of("x", List.of(Map.of("y", 1L)))));
        o.put("inner", inner);
        return o;
    }

    @Test
    void prettyTextIsJacksonsDefaultPrettyPrinterAndCompactTextIsJacksons() throws Exception {
        Map<String, Object> o = sample("Zoë \"quoted\" \\ tab\t line\nbreak \u0001 \u001f ☃ 日本 \uD83D\uDCC5 </script> \u2028");

        assertThat(JsonText.pretty(o)).isEqualTo(jackson.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        assertThat(JsonText.write(o)).isEqualTo(jackson.writeValueAsString(o));
    }

    @Test
    void anyStringSurvivesBothWaysAndIsQuotedAsJacksonQuotesIt() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            try {
                assertThat(JsonText.quote(s)).isEqualTo(jackson.writeValueAsString(s));
                assertThat(JsonText.parse(JsonText.quote(s))).isEqualTo(s);
                assertThat(JsonText.parse(jackson.writeValueAsString(Map.of("k", s)))).isEqualTo(Map.of("k", s));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void readsWhatJacksonWritesIntoMapsListsAndLongs() throws Exception {
        Map<String, Object> o = sample("x");
        String text = jackson.writerWithDefaultPrettyPrinter().writeValueAsString(o);

        Object read = JsonText.parse(text);

        assertThat(read).isEqualTo(o);
        assertThat(JsonText.parse("  [1, -2, 1e3, 12345678901234567890, 2.5]  ")).isEqualTo(List.of(1L, -2L,
                new BigDecimal("1e3"), new BigDecimal("12345678901234567890"), new BigDecimal("2.5")));
        assertThat(JsonText.parse("\"\\u00e9\\/\"")).isEqualTo("é/");
        assertThat(JsonText.parseObject("{\"a\" : {\"b\" : [ ]}}")).containsEntry("a", Map.of("b", List.of()));
    }

    @Test
    void textThatIsNotJsonIsRefusedSayingWhere() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\": tru}")).isInstanceOf(JsonText.MalformedJsonException.class)
                .hasMessageContaining("character 7");
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1} x")).hasMessageContaining("text after the JSON value");
        assertThatThrownBy(() -> JsonText.parse("\"open")).hasMessageContaining("ends inside a string");
        assertThatThrownBy(() -> JsonText.parse("\"a\u0001\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> JsonText.parse("[1,]")).isInstanceOf(JsonText.MalformedJsonException.class);
        assertThatThrownBy(() -> JsonText.parse("")).hasMessageContaining("ends");
        assertThatThrownBy(() -> JsonText.parseObject("[1]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> JsonText.parse("[".repeat(100) + "]".repeat(100))).hasMessageContaining("nested deeper");
    }
}
