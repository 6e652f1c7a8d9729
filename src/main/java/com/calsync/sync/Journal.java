package com.calsync.sync;

import com.calsync.platform.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Keeps a copy of every item CalSync overwrites or deletes, so nothing a user had is ever lost:
 * {@code <dir>/<pair>/<time>-<side>-<uid>.ics}, with a {@code .properties} file beside it that
 * says where it came from and why. Entries older than the retention period are pruned.
 */
public final class Journal {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final Path dir;
    private final Clock clock;

    public Journal(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Saves {@code text} before it is overwritten or deleted; returns the entry. */
    public JournalEntry save(String pair, Side side, String key, String title, String href, String text,
                             String reason) {
        Instant now = clock.instant();
        Path pairDir = dir.resolve(safe(pair));
        String base = STAMP.format(now) + "-" + side.label() + "-" + safe(key);
        try {
            Files.createDirectories(pairDir);
            Path ics = unique(pairDir, base);
            String fileName = ics.getFileName().toString();
            Properties meta = new Properties();
            meta.setProperty("pair", pair);
            meta.setProperty("side", side.label());
            meta.setProperty("key", key);
            meta.setProperty("title", title == null ? "" : title);
            meta.setProperty("href", href);
            meta.setProperty("saved", now.toString());
            meta.setProperty("reason", reason);
            writeAtomically(ics, text);
            Path metaFile = metaFile(ics);
            try (Writer w = Files.newBufferedWriter(metaFile, StandardCharsets.UTF_8)) {
                meta.store(w, "CalSync journal entry; restore with: calsync restore " + safe(pair) + "/" + fileName);
            }
            return entry(ics, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a copy of " + key + " to the journal in " + pairDir
                    + " before changing it; nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Every entry, newest first, optionally for one pair only. */
    public List<JournalEntry> entries(Optional<String> pair) {
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (Stream<Path> pairs = Files.list(dir)) {
            for (Path pairDir : pairs.filter(Files::isDirectory).toList()) {
                if (pair.isPresent() && !pairDir.getFileName().toString().equals(safe(pair.get()))) {
                    continue;
                }
                try (Stream<Path> files = Files.list(pairDir)) {
                    for (Path ics : files.filter(f -> f.toString().endsWith(".ics")).toList()) {
                        readEntry(ics).ifPresent(entries::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(JournalEntry::saved).reversed().thenComparing(JournalEntry::id));
        return entries;
    }

    public Optional<JournalEntry> find(String id) {
        return entries(Optional.empty()).stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public String text(JournalEntry entry) {
        try {
            return Files.readString(entry.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal entry " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    /** Removes entries saved more than {@code keep} ago; returns how many. */
    public int prune(Duration keep) {
        Instant cutoff = clock.instant().minus(keep);
        int removed = 0;
        for (JournalEntry entry : entries(Optional.empty())) {
            if (entry.saved().isBefore(cutoff)) {
                try {
                    Files.deleteIfExists(entry.file());
                    Files.deleteIfExists(metaFile(entry.file()));
                    removed++;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot prune journal entry " + entry.file(), e);
                }
            }
        }
        return removed;
    }

    private Optional<JournalEntry> readEntry(Path ics) throws IOException {
        Path metaFile = metaFile(ics);
        if (!Files.exists(metaFile)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            meta.load(r);
        }
        return Optional.of(entry(ics, meta));
    }

    private static JournalEntry entry(Path ics, Properties meta) {
        String pair = meta.getProperty("pair");
        return new JournalEntry(safe(pair) + "/" + ics.getFileName(), pair,
                Side.valueOf(meta.getProperty("side").toUpperCase(java.util.Locale.ROOT)), meta.getProperty("key"),
                meta.getProperty("title"), meta.getProperty("href"), Instant.parse(meta.getProperty("saved")),
                meta.getProperty("reason"), ics);
    }

    private static Path metaFile(Path ics) {
        String name = ics.getFileName().toString();
        return ics.resolveSibling(name.substring(0, name.length() - ".ics".length()) + ".properties");
    }

    private static Path unique(Path pairDir, String base) {
        Path candidate = pairDir.resolve(base + ".ics");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = pairDir.resolve(base + "-" + i + ".ics");
        }
        return candidate;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, text, AtomicFiles.Access.DEFAULT);
    }

    /** A file-name-safe form of a pair name or UID, readable where it can be. */
    static String safe(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '@' ? c : '_');
        }
        String name = out.length() > 80 ? out.substring(0, 60) + "_" + Integer.toHexString(s.hashCode()) : out.toString();
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
