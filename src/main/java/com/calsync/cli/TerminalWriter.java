package com.calsync.cli;

import com.calsync.platform.ControlCharacters;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last guard before the terminal: whatever a command prints goes out with control
 * characters escaped (line breaks and tabs kept), so text from a calendar that slipped through
 * unescaped still cannot drive the terminal. Commands escape calendar text themselves as well
 * ({@link ControlCharacters#escape}), which also turns its line breaks into {@code \n}.
 */
final class TerminalWriter extends FilterWriter {
    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String escaped = ControlCharacters.escapeKeepingLines(text.substring(offset, offset + length));
        out.write(escaped, 0, escaped.length());
    }
}
