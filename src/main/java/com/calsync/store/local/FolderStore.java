package com.calsync.store.local;

import com.calsync.ical.TimeWindow;
import com.calsync.platform.AtomicFiles;
import com.calsync.store.CalendarGoneException;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of {@code .ics} files, one item per file: the vdir layout khal and vdirsyncer use.
 *
 * <p><b>Hrefs</b> are file names in the folder ({@link ItemFileName} for items created here; files
 * written by other tools keep their names). Dotfiles, other extensions and sub-folders are not
 * items. An href with a path separator or {@code ..} is refused with a {@link StoreException}.
 *
 * <p><b>Etags</b> come from metadata only — modification time in nanoseconds, size, and the file
 * key (inode) where the file system has one — so listing needs no reading. To make sure our
 * own writes always change the etag even within one mtime tick (or with a reused inode), every
 * write sets the file's mtime to a value strictly after the previous one, stepping to the file
 * system's granularity. A foreign program that rewrites a file in place within one tick without
 * changing its size goes unnoticed, as with vdirsyncer.
 *
 * <p><b>The folder</b> may be missing when the store may create it (a pair's target): it is then
 * listed as empty and created on first write, as long as its parent folder exists. A missing
 * parent, or a missing folder the store may not create (a pair's source, where an empty listing
 * would read as "every item deleted" or "nothing to do"), is a {@link CalendarGoneException}
 * naming the path (most likely a typo in the configuration, or a disk that is not mounted).
 *
 * <p><b>Writes</b> are atomic: a dot-prefixed temp file in the same folder is written, then linked
 * (create) or renamed (update) into place, so a reader or a crash of CalSync never sees half an
 * item. Files are not fsynced one by one (that cost 1–2 ms each here, most of a first sync's
 * time); {@link #close()} syncs the folder once after a run. A power cut during or right after a
 * run may therefore undo its last writes; the next run sees them missing and copies them again
 * (and every item CalSync overwrote or deleted is in the journal). Etag checks and writes are
 * serialised within this instance; between processes the check-then-rename leaves a small window.
 */
public final class FolderStore implements CalendarStore {
    private static final Logger log = LoggerFactory.getLogger(FolderStore.class);
    // mtime steps tried in turn until the file system keeps the value: ns, µs, ms, s, FAT's 2 s
    private static final long[] MTIME_STEPS_NANOS = {1, 1_000, 1_000_000, 1_000_000_000, 2_000_000_000};

    private final Path folder;
    private final Clock clock;
    private final boolean createWhenMissing;
    private final Object writeLock = new Object();
    private volatile boolean written;

    /** A store that creates its folder on first write when it is missing (a pair's target). */
    public FolderStore(Path folder, Clock clock) {
        this(folder, clock, true);
    }

    /**
     * @param clock             the time our writes stamp on files (tests pass a fixed clock to force one tick)
     * @param createWhenMissing false for a pair's source: a missing folder is an error, not an empty calendar
     */
    public FolderStore(Path folder, Clock clock, boolean createWhenMissing) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.createWhenMissing = createWhenMissing;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    @Override
    public StoreCapabilities capabilities() {
        return StoreCapabilities.readWrite();
    }

    @Override
    public Listing list(TimeWindow window) {
        if (!Files.isDirectory(folder)) {
            checkFolderCanBeCreated();
            return Listing.of(Map.of());
        }
        Map<String, String> etags = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isItemName(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        etags.put(name, etagOf(attributes));
                    }
                } catch (NoSuchFileException gone) {
                    // deleted while we listed: not an item any more
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list " + describe() + ": " + e.getMessage(), e);
        }
        return Listing.of(etags);
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        List<StoredItem> items = new ArrayList<>(hrefs.size());
        for (String href : hrefs) {
            Path file = resolve(href);
            try {
                items.add(read(href, file));
            } catch (NoSuchFileException gone) {
                // left out, as the contract says
            } catch (IOException e) {
                throw new StoreException("Cannot read " + file + " in " + describe() + ": " + e.getMessage(), e);
            }
        }
        return items;
    }

    @Override
    public ItemRef create(String uid, String ics) {
        String href = ItemFileName.forUid(uid);
        Path target = folder.resolve(href);
        synchronized (writeLock) {
            ensureFolder();
            try {
                // taken with a hard link, which fails atomically when the name exists (also case-insensitively)
                AtomicFiles.writeNew(target, ics, AtomicFiles.Access.DEFAULT);
                written = true;
                return new ItemRef(href, stampAfter(target, null));
            } catch (FileAlreadyExistsException e) {
                throw new PreconditionFailedException(href, "Cannot create item " + uid + " in " + describe()
                        + ": " + href + " already exists");
            } catch (IOException e) {
                throw new StoreException("Cannot write " + target + " in " + describe() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String update(String href, String ics, String etag) {
        Path target = resolve(href);
        synchronized (writeLock) {
            String current = currentEtag(href, target);
            if (current == null || !current.equals(etag)) {
                throw new PreconditionFailedException(href, "Item " + href + " in " + describe()
                        + (current == null ? " is gone" : " changed since it was read") + "; sync again");
            }
            try {
                AtomicFiles.write(target, ics, AtomicFiles.Access.DEFAULT);
                written = true;
                return stampAfter(target, etag);
            } catch (IOException e) {
                throw new StoreException("Cannot write " + target + " in " + describe() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void delete(String href, String etag) {
        Path target = resolve(href);
        synchronized (writeLock) {
            String current = currentEtag(href, target);
            if (current == null) {
                throw new ItemNotFoundException(href, "Item " + href + " is already gone from " + describe());
            }
            if (!current.equals(etag)) {
                throw new PreconditionFailedException(href, "Item " + href + " in " + describe()
                        + " changed since it was read; sync again");
            }
            try {
                Files.delete(target);
            } catch (NoSuchFileException e) {
                throw new ItemNotFoundException(href, "Item " + href + " is already gone from " + describe());
            } catch (IOException e) {
                throw new StoreException("Cannot delete " + target + " in " + describe() + ": " + e.getMessage(), e);
            }
        }
    }

    static boolean isItemName(String name) {
        return !name.startsWith(".") && name.length() > ItemFileName.EXTENSION.length()
                && name.regionMatches(true, name.length() - 4, ItemFileName.EXTENSION, 0, 4);
    }

    /** The file for an href, refusing anything that is not a plain item file name in the folder. */
    private Path resolve(String href) {
        if (href == null || href.isEmpty() || href.indexOf('/') >= 0 || href.indexOf('\\') >= 0
                || href.indexOf('\0') >= 0 || href.equals(".") || href.equals("..") || !isItemName(href)) {
            throw new StoreException("\"" + href + "\" is not an item file name in " + describe()
                    + " (expected a name like event.ics without folders)");
        }
        Path file = folder.resolve(href).normalize();
        if (!Objects.equals(file.getParent(), folder)) {
            throw new StoreException("\"" + href + "\" points outside " + describe());
        }
        return file;
    }

    private StoredItem read(String href, Path file) throws IOException {
        // re-read when the file changed while we read it, so etag and text belong together
        for (int attempt = 0; ; attempt++) {
            String before = etagOf(Files.readAttributes(file, BasicFileAttributes.class));
            byte[] bytes = Files.readAllBytes(file);
            String after = etagOf(Files.readAttributes(file, BasicFileAttributes.class));
            if (before.equals(after) || attempt == 2) {
                return new StoredItem(href, after, decode(href, bytes));
            }
        }
    }

    /**
     * A file's text: UTF-8 as RFC 5545 §3.1.4 asks, or, for a file that is not valid UTF-8, the
     * 8-bit code page such files are almost always saved in (Windows-1252, a superset of
     * Latin-1), so "Café" stays "Café" instead of turning into replacement characters.
     */
    private String decode(String href, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            log.info("{} in {} is not UTF-8; read as Windows-1252", href, describe());
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private String currentEtag(String href, Path file) {
        try {
            return etagOf(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static String etagOf(BasicFileAttributes attributes) {
        Instant mtime = attributes.lastModifiedTime().toInstant();
        StringBuilder etag = new StringBuilder()
                .append(Long.toHexString(mtime.getEpochSecond())).append('.')
                .append(Integer.toHexString(mtime.getNano())).append('-')
                .append(Long.toHexString(attributes.size()));
        Object key = attributes.fileKey();
        if (key != null) {
            etag.append('-');
            String k = key.toString(); // "(dev=803,ino=1234)" on Linux: keep letters and digits
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    etag.append(c);
                }
            }
        }
        return etag.toString();
    }

    /**
     * Stamps a just-written file with the clock's time, or just after the mtime in
     * {@code previousEtag} when the clock has not moved past it (coarse file-system ticks), so
     * successive writes get strictly increasing mtimes and never repeat an etag.
     */
    private String stampAfter(Path target, String previousEtag) throws IOException {
        Instant floor = previousEtag == null ? Instant.MIN : mtimeOf(previousEtag);
        Instant now = clock.instant();
        for (long step : MTIME_STEPS_NANOS) {
            Instant candidate = floor.equals(Instant.MIN) || now.isAfter(floor.plusNanos(step)) ? now : floor.plusNanos(step);
            Files.setLastModifiedTime(target, FileTime.from(candidate));
            BasicFileAttributes stamped = Files.readAttributes(target, BasicFileAttributes.class);
            if (stamped.lastModifiedTime().toInstant().isAfter(floor)) {
                return etagOf(stamped);
            }
        }
        log.warn("Could not move the mtime of {} past {}; its etag may repeat", target, floor);
        return etagOf(Files.readAttributes(target, BasicFileAttributes.class));
    }

    private static Instant mtimeOf(String etag) {
        try {
            int dot = etag.indexOf('.');
            int dash = etag.indexOf('-');
            return Instant.ofEpochSecond(Long.parseLong(etag.substring(0, dot), 16),
                    Long.parseLong(etag.substring(dot + 1, dash), 16));
        } catch (RuntimeException e) {
            return Instant.MIN; // not one of ours
        }
    }

    private void ensureFolder() {
        if (Files.isDirectory(folder)) {
            return;
        }
        checkFolderCanBeCreated();
        try {
            Files.createDirectory(folder);
            log.info("Created {}", describe());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw new StoreException(folder + " exists but is not a folder; " + describe() + " needs a folder");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create " + describe() + ": " + e.getMessage(), e);
        }
    }

    private void checkFolderCanBeCreated() {
        if (Files.exists(folder)) {
            throw new CalendarGoneException(folder + " exists but is not a folder; " + describe() + " needs a folder");
        }
        if (!createWhenMissing) {
            throw new CalendarGoneException("The calendar folder " + folder + " does not exist. CalSync does not"
                    + " create a pair's source folder, since an empty one would read as a calendar with nothing in it;"
                    + " check the path in the configuration (or whether its disk is mounted), or create the folder");
        }
        Path parent = folder.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CalendarGoneException("The calendar folder " + folder + " does not exist and neither does its parent "
                    + parent + "; check the path in the configuration or create the folder");
        }
    }

    /** Flushes the folder's entries to disk when this instance wrote to it. */
    @Override
    public void close() {
        if (!written || !Files.isDirectory(folder)) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder for syncing; the files are written all the same
        }
    }
}
