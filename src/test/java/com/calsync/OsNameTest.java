package com.calsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operating system enters the program in one place, {@code CliEnvironment.system()}, and
 * travels from there as a {@code platform.Os}, so every test can be on a Mac or on Linux.
 * ArchUnit sees calls to {@code System.getProperty} but not their arguments, so this reads the
 * sources for the property's name instead.
 */
class OsNameTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path COMPOSITION_ROOT = Path.of("com/calsync/cli/CliEnvironment.java");

    @Test
    void osNameIsReadOnlyByTheCompositionRoot() throws IOException {
        assertThat(SOURCES.resolve(COMPOSITION_ROOT)).as("run from the project folder").exists();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> readers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("\"os.name\""))
                    .map(SOURCES::relativize)
                    .toList();
            assertThat(readers).containsExactly(COMPOSITION_ROOT);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
