package com.calsync.config;

import com.calsync.platform.AtomicFiles;
import com.calsync.platform.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * config.json as the Settings window reads and writes it. A save is checked with the same
 * {@link ConfigLoader} as {@code calsync config check} and the service (an invalid result is not
 * written), refused when the file changed since it was read (an edit made in a text editor
 * meanwhile is never overwritten), keeps the file it replaces as {@code config.json.bak}, and is
 * atomic (temp file + rename: the service never reads half a file). A config.json that is a
 * symbolic link (a dotfiles repository) is written through the link.
 *
 * <p>Between the check for an outside change and the rename there is a moment (microseconds) in
 * which an editor's save would still be replaced; {@code config.json.bak} does not hold that
 * save. Editors do not lock files, so nothing closes that gap entirely.
 */
public final class ConfigFile {
    public static final String BACKUP_SUFFIX = ".bak";
    private static final String ABSENT = "absent";

    private final Path file;
    private final ConfigLoader loader;

    public ConfigFile(Path file, ConfigLoader loader) {
        this.file = file;
        this.loader = loader;
    }

    public Path path() {
        return file;
    }

    public Path backup() {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }

    /**
     * config.json as read at one moment.
     *
     * @param text        its text ("" when there is no file yet)
     * @param fingerprint what tells a later change ({@code "absent"} for no file)
     * @param check       what {@code calsync config check} says of it
     * @param document    the text to edit; empty when it is not JSON (or not UTF-8) and must be
     *                    fixed by hand first
     */
    public record Snapshot(String text, String fingerprint, ConfigLoadResult check, Optional<ConfigDocument> document) {
        public boolean exists() {
            return !fingerprint.equals(ABSENT);
        }
    }

    /** What a save came to. */
    public sealed interface SaveResult permits Saved, Rejected, ChangedOutside {}

    /** Written; {@code now} is the file as it is now. */
    public record Saved(Snapshot now) implements SaveResult {}

    /** Not written: the edited config has these errors (and the file is as it was). */
    public record Rejected(List<ConfigProblem> errors) implements SaveResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /** Not written: someone changed config.json after it was read; read it again first. */
    public record ChangedOutside(Path file) implements SaveResult {}

    /** Reads config.json now. */
    public Snapshot read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            ConfigDocument empty = ConfigDocument.parse("");
            return new Snapshot("", ABSENT, check(empty.text()), Optional.of(empty));
        }
        String fingerprint = fingerprint(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Snapshot("", fingerprint, loader.load(file), Optional.empty());
        }
        Optional<ConfigDocument> document;
        try {
            document = Optional.of(ConfigDocument.parse(text));
        } catch (IOException e) {
            document = Optional.empty(); // a syntax error: check says where
        }
        return new Snapshot(text, fingerprint, check(text), document);
    }

    /** Whether config.json is no longer what {@code snapshot} read (edited, replaced, created or deleted). */
    public boolean changedSince(Snapshot snapshot) throws IOException {
        return !currentFingerprint().equals(snapshot.fingerprint());
    }

    /** Checks {@code edited} and writes it in place of the file {@code base} read. */
    public synchronized SaveResult save(Snapshot base, ConfigDocument edited) throws IOException {
        ConfigLoadResult check = check(edited.text());
        if (!check.isValid()) {
            return new Rejected(check.errors());
        }
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        byte[] current;
        try {
            current = Files.readAllBytes(target);
        } catch (NoSuchFileException e) {
            current = null;
        }
        if (!(current == null ? ABSENT : fingerprint(current)).equals(base.fingerprint())) {
            return new ChangedOutside(file);
        }
        PrivateFiles.createDirectories(target.toAbsolutePath().getParent());
        if (current != null) {
            AtomicFiles.write(target.resolveSibling(target.getFileName() + BACKUP_SUFFIX), current, AtomicFiles.Access.OWNER_ONLY);
        }
        byte[] written = edited.text().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, written, AtomicFiles.Access.OWNER_ONLY);
        return new Saved(new Snapshot(edited.text(), fingerprint(written), check, Optional.of(edited)));
    }

    /** What {@code calsync config check} would say of {@code text} as this file. */
    public ConfigLoadResult check(String text) {
        Path dir = file.toAbsolutePath().getParent();
        return loader.parse(text, file.toString(), dir);
    }

    private String currentFingerprint() throws IOException {
        try {
            return fingerprint(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
