package com.calsync.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void terminalSequencesBecomeVisibleText() {
        assertThat(ControlCharacters.escape("\u001b]0;owned\u0007")).isEqualTo("\\x1B]0;owned\\x07");
        assertThat(ControlCharacters.escape("a\u009b31mb\u007f")).isEqualTo("a\\x9B31mb\\x7F");
        assertThat(ControlCharacters.escape("line\r\nforged\tx")).isEqualTo("line\\r\\nforged\\tx");
        assertThat(ControlCharacters.escape("abc\u202Edef\u2066")).isEqualTo("abc\\u202Edef\\u2066");
    }

    @Test
    void ordinaryTextIsLeftAloneAndLineBreaksCanBeKept() {
        assertThat(ControlCharacters.escape("Team-Meeting 中文 😀 Ünïcödé")).isEqualTo("Team-Meeting 中文 😀 Ünïcödé");
        assertThat(ControlCharacters.escapeKeepingLines("one\n\ttwo\r\u001b")).isEqualTo("one\n\ttwo\\r\\x1B");
        assertThat(ControlCharacters.escape(null)).isNull();
    }
}
