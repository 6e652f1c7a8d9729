package com.calsync.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tricky-items corpus under {@code src/test/resources/corpus/}: one item per .ics file,
 * each written to exercise one thing real producers do (see the README there). Other suites
 * (folder store, CalDAV) round-trip these files too.
 */
public final class Corpus {
    private Corpus() {}

    /** Every .ics file of the corpus, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ics")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one corpus file, e.g. {@code read("bare-lf.ics")}, exactly as stored. */
    public static String read(String name) {
        try {
            return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no corpus file " + name, e);
        }
    }

    public static String read(Path file) {
        return read(file.getFileName().toString());
    }

    private static Path folder() {
        URL url = Corpus.class.getResource("/corpus/README.md");
        if (url == null) {
            throw new IllegalStateException("corpus not on the test class path (src/test/resources/corpus)");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
