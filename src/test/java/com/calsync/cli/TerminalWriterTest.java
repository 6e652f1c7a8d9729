package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {
    @Test
    void whateverACommandPrintsReachesTheTerminalWithoutControlCharacters() {
        StringWriter terminal = new StringWriter();
        PrintWriter out = new PrintWriter(new TerminalWriter(terminal), true);

        out.println("title: \u001b[2Jgone");
        out.printf("%s%n", "bell\u0007");
        out.print('\u009b');
        out.flush();

        assertThat(terminal.toString()).isEqualTo("title: \\x1B[2Jgone" + System.lineSeparator() + "bell\\x07"
                + System.lineSeparator() + "\\x9B");
    }
}
