package com.calsync.store.eventkit;

import com.calsync.platform.AtomicFiles;
import com.calsync.store.StoreException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link UidLinks} kept in a small JSON file (one per EventKit calendar), rewritten atomically on
 * every change; without a file ({@link #inMemory()}) the links last as long as the object.
 */
public final class UidLinksFile implements UidLinks {
    /** One link, as stored. */
    public record Link(String href, String externalId, String uid) {}

    private final Optional<Path> file;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Link> links = new ArrayList<>();

    private UidLinksFile(Optional<Path> file) {
        this.file = file;
    }

    /** Links read from {@code file} (none when it does not exist yet). */
    public static UidLinksFile at(Path file) {
        UidLinksFile result = new UidLinksFile(Optional.of(file));
        if (Files.exists(file)) {
            try {
                result.links.addAll(result.json.readValue(file.toFile(), new TypeReference<List<Link>>() {}));
            } catch (IOException e) {
                throw new StoreException("cannot read the EventKit UID links in " + file + ": " + e.getMessage()
                        + "; move the file away to start over (items CalSync created may then be copied once more)", e);
            }
        }
        return result;
    }

    public static UidLinksFile inMemory() {
        return new UidLinksFile(Optional.empty());
    }

    @Override
    public synchronized Optional<String> uidFor(String href, String externalId) {
        return links.stream().filter(l -> l.href().equals(href)).findFirst()
                .or(() -> links.stream().filter(l -> externalId != null && externalId.equals(l.externalId())).findFirst())
                .map(Link::uid);
    }

    @Override
    public synchronized Optional<String> hrefFor(String uid) {
        return links.stream().filter(l -> l.uid().equals(uid)).map(Link::href).findFirst();
    }

    @Override
    public synchronized void link(String href, String externalId, String uid) {
        links.removeIf(l -> l.href().equals(href) || l.uid().equals(uid));
        links.add(new Link(href, externalId, uid));
        save();
    }

    @Override
    public synchronized void unlink(String href) {
        if (links.removeIf(l -> l.href().equals(href))) {
            save();
        }
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(links), AtomicFiles.Access.DEFAULT);
        } catch (IOException e) {
            throw new StoreException("cannot write the EventKit UID links to " + target + ": " + e.getMessage(), e);
        }
    }
}
