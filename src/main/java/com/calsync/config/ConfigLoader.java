package com.calsync.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads config.json (JSON with {@code //} and {@code /* *}{@code /} comments and trailing
 * commas), validates all of it and builds a {@link CalSyncConfig}. Never throws for a bad file:
 * every problem comes back in the {@link ConfigLoadResult} with line and column.
 */
public final class ConfigLoader {
    private final Path userHome;

    /** @param userHome what {@code ~} in paths stands for */
    public ConfigLoader(Path userHome) {
        this.userHome = userHome;
    }

    /** Reads and checks a file; relative paths inside it are relative to its folder. */
    public ConfigLoadResult load(Path file) {
        String shown = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ConfigTreeReader.syntaxError(shown, null, "no such file");
        } catch (IOException e) {
            return ConfigTreeReader.syntaxError(shown, null, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            // a strict decoder: a Latin-1 file should be named, not silently turned into U+FFFD
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return notUtf8(shown, bytes);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, shown, dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /**
     * A file that is not UTF-8, located at its first bad byte: line and column count the
     * characters before it, as an editor shows them.
     */
    static ConfigLoadResult notUtf8(String file, byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        int bad = result.isError() ? in.position() : bytes.length;
        String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        int b = bad < bytes.length ? bytes[bad] & 0xFF : 0;
        String guess = b >= 0xA0 ? " (in Latin-1 or Windows-1252 it would be \""
                + new String(new byte[] {(byte) b}, java.nio.charset.Charset.forName("windows-1252")) + "\")" : "";
        ConfigProblem p = new ConfigProblem(file, "", line, column, String.format(java.util.Locale.ROOT,
                "is not UTF-8 text: byte 0x%02X here is not valid UTF-8%s; save the file as UTF-8", b, guess),
                ConfigProblem.Severity.ERROR);
        return new ConfigLoadResult(java.util.Optional.empty(), java.util.List.of(p), java.util.List.of());
    }

    /**
     * Checks config text.
     *
     * @param fileName shown in problems
     * @param baseDir  what relative paths in the text are relative to
     */
    public ConfigLoadResult parse(String text, String fileName, Path baseDir) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a BOM from Windows editors is not an error worth a message
        }
        LocatedJson.Parsed parsed;
        try {
            parsed = LocatedJson.parse(text);
        } catch (StreamReadException e) {
            return ConfigTreeReader.syntaxError(fileName, e.getLocation(), plainSyntaxMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            return ConfigTreeReader.syntaxError(fileName, (JsonLocation) null, "cannot be read: " + e.getMessage());
        }
        return new ConfigTreeReader(parsed, fileName, baseDir, userHome).read();
    }

    private static final Pattern CHAR_CODE = Pattern.compile("\\(('.{1,2}') \\(code \\d+\\)\\)|\\((CTRL-CHAR), code \\d+\\)");
    private static final Pattern START_MARKER = Pattern.compile("\\(start marker at \\[[^\\]]*line: (\\d+), column: (\\d+)\\]\\)");

    /** Jackson's parser messages, shortened and worded for people editing a config file. */
    static String plainSyntaxMessage(String jackson) {
        String m = jackson == null ? "syntax error" : jackson;
        Matcher marker = START_MARKER.matcher(m);
        String opened = marker.find() ? " opened at line " + marker.group(1) + ":" + marker.group(2) : "";
        if (m.startsWith("Unexpected end-of-input")) {
            String what = m.contains("Array") ? "list [" : m.contains("Object") ? "object {" : "value";
            return "the file ends before the " + what + opened + " is closed";
        }
        m = CHAR_CODE.matcher(m).replaceAll(r -> r.group(1) != null ? Matcher.quoteReplacement(r.group(1)) : "a control character");
        m = m.replaceAll("(?:was expecting|expected) (?:a valid value )?\\(JSON String.*?'false'\\)",
                "expected a value: \"text\", a number, true, false, null, an object or a list");
        m = m.replace("was expecting comma to separate Object entries", "expected a comma between entries")
                .replace("was expecting comma to separate Array entries", "expected a comma between list items")
                .replace("was expecting double-quote to start field name", "expected a key in double quotes")
                .replace("was expecting a colon to separate field name and value", "expected a colon after the key")
                .replace("Unrecognized token", "unrecognized word")
                .replace("Unexpected character", "unexpected character")
                .replace("was expecting", "expected");
        m = m.replaceAll("\\s*\\n.*", "");
        return m.isEmpty() ? "syntax error" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
