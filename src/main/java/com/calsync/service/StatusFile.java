package com.calsync.service;

import com.calsync.platform.AtomicFiles;
import com.calsync.platform.PrivateFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code status.json}: the service's {@link ServiceSnapshot}, written atomically (temp file in the
 * same folder, 0600, then rename) so a reader never sees half a file, and read back on start so
 * counters and history carry across restarts.
 */
public final class StatusFile {
    private static final Logger log = LoggerFactory.getLogger(StatusFile.class);

    private final Path file;
    private final ObjectMapper json;

    public StatusFile(Path file) {
        this.file = file;
        this.json = mapper();
    }

    /** The JSON mapping of status and control messages: snake_case names, ISO-8601 instants. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Path path() {
        return file;
    }

    /** The last written status; empty when there is none or it cannot be read (logged, then ignored). */
    public Optional<ServiceSnapshot> read() {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), ServiceSnapshot.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("{} cannot be read ({}); counters start from zero", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(ServiceSnapshot snapshot) throws IOException {
        PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot), AtomicFiles.Access.OWNER_ONLY);
    }
}
