package com.calsync.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sync state of one pair, in SQLite (WAL): one row per item, the items skipped on each side,
 * and small facts (each side's sync token, the held deletions, when the window was last checked),
 * each behind its own typed accessor. Every write is its own transaction unless
 * grouped with {@link #inTransaction}, so a row committed right after a store write survives a
 * crash that comes after it.
 */
public final class StatusDb implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;
    // The meta table's keys. Their names and value formats are what every earlier version wrote:
    // an existing database keeps its tokens and held deletions across an update (and a downgrade).
    private static final String SCHEMA_VERSION_KEY = "schema_version";
    private static final String WINDOW_CHECKED_AT = "window_checked_at";
    private static final String HELD_KEYS = "held_keys";
    /** Written by earlier versions beside {@link #HELD_KEYS} and never read; removed on open. */
    private static final String OLD_HELD_NOTE = "held_note";
    /** The fingerprint of the transform the copies on the target were last written with (absent: none). */
    private static final String TRANSFORM_FINGERPRINT = "transform_fingerprint";

    private final Path file;
    private final Connection connection;

    private StatusDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when missing) the status database at {@code file}. */
    public static StatusDb open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            StatusDb db = new StatusDb(file, connection);
            db.migrate();
            return db;
        } catch (SQLException | java.io.IOException e) {
            throw new SyncStateException("cannot open the sync state database " + file + ": " + e.getMessage()
                    + " (if it is damaged, move it away: the next sync rebuilds it by matching UIDs)", e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // NORMAL in WAL mode survives a crash of this process; only power loss can undo a commit.
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS items(
                      key TEXT PRIMARY KEY,
                      source_href TEXT, source_etag TEXT, source_hash TEXT,
                      target_href TEXT, target_etag TEXT, target_hash TEXT,
                      base TEXT,
                      target_deleted INTEGER NOT NULL DEFAULT 0)""");
            s.execute("CREATE INDEX IF NOT EXISTS items_source ON items(source_href)");
            s.execute("CREATE INDEX IF NOT EXISTS items_target ON items(target_href)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS skipped(
                      side TEXT NOT NULL, href TEXT NOT NULL, etag TEXT, reason TEXT NOT NULL,
                      window_dependent INTEGER NOT NULL, PRIMARY KEY(side, href))""");
            s.execute("CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT)");
            createTransformTables(s);
            migrateItemIsolation(s);
        }
        if (meta(SCHEMA_VERSION_KEY).isEmpty()) {
            putMeta(SCHEMA_VERSION_KEY, Integer.toString(SCHEMA_VERSION));
        }
        putMeta(OLD_HELD_NOTE, null);
    }

    public Path file() {
        return file;
    }

    /** Every row, by key. */
    public Map<String, StatusRow> rows() {
        Map<String, StatusRow> rows = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT key, source_href, source_etag, source_hash, target_href,"
                     + " target_etag, target_hash, base, target_deleted FROM items ORDER BY key")) {
            while (r.next()) {
                StatusRow row = new StatusRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getInt(9) != 0);
                rows.put(row.key(), row);
            }
            return rows;
        } catch (SQLException e) {
            throw failure("read the items", e);
        }
    }

    public void put(StatusRow row) {
        try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO items(key, source_href,"
                + " source_etag, source_hash, target_href, target_etag, target_hash, base, target_deleted)"
                + " VALUES(?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, row.key());
            p.setString(2, row.sourceHref());
            p.setString(3, row.sourceEtag());
            p.setString(4, row.sourceHash());
            p.setString(5, row.targetHref());
            p.setString(6, row.targetEtag());
            p.setString(7, row.targetHash());
            p.setString(8, row.base());
            p.setInt(9, row.targetDeleted() ? 1 : 0);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save item " + row.key(), e);
        }
    }

    public void remove(String key) {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM items WHERE key = ?")) {
            p.setString(1, key);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("forget item " + key, e);
        }
    }

    /** The items skipped on {@code side} in the last run, by href. */
    public Map<String, SkippedItem> skipped(Side side) {
        Map<String, SkippedItem> items = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT href, etag, reason, window_dependent, kind FROM skipped WHERE side = ? ORDER BY href")) {
            p.setString(1, side.label());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    items.put(r.getString(1), new SkippedItem(side, r.getString(1), r.getString(2), r.getString(3),
                            r.getInt(4) != 0, SkippedItem.Kind.ofLabel(r.getString(5))));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure("read the skipped items", e);
        }
    }

    /** Replaces the skipped items of {@code side} with {@code items}. */
    public void replaceSkipped(Side side, Collection<SkippedItem> items) {
        inTransaction(() -> {
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM skipped WHERE side = ?");
                 PreparedStatement ins = connection.prepareStatement(
                         "INSERT OR REPLACE INTO skipped(side, href, etag, reason, window_dependent, kind)"
                                 + " VALUES(?,?,?,?,?,?)")) {
                del.setString(1, side.label());
                del.executeUpdate();
                for (SkippedItem item : items) {
                    ins.setString(1, side.label());
                    ins.setString(2, item.href());
                    ins.setString(3, item.etag());
                    ins.setString(4, item.reason());
                    ins.setInt(5, item.windowDependent() ? 1 : 0);
                    ins.setString(6, item.kind().label());
                    ins.addBatch();
                }
                ins.executeBatch();
            } catch (SQLException e) {
                throw failure("save the skipped items", e);
            }
        });
    }

    // --- per-item isolation (issue 10): the kind of each skip, and items whose writes failed ---

    /**
     * Additive: the skipped table gains its {@code kind} (an older version's skips are forgotten
     * once, so that those items are read again with what this version can read), and
     * {@code item_failures} remembers, per item and side, the writes that failed and when to try again.
     */
    private static void migrateItemIsolation(Statement s) throws SQLException {
        boolean hasKind = false;
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(skipped)")) {
            while (columns.next()) {
                hasKind |= "kind".equals(columns.getString("name"));
            }
        }
        if (!hasKind) {
            s.execute("ALTER TABLE skipped ADD COLUMN kind TEXT NOT NULL DEFAULT 'ignored'");
            s.execute("DELETE FROM skipped");
        }
        s.execute("""
                CREATE TABLE IF NOT EXISTS item_failures(
                  key TEXT NOT NULL, side TEXT NOT NULL, failures INTEGER NOT NULL,
                  last_failed TEXT NOT NULL, next_retry TEXT NOT NULL, content_hash TEXT, message TEXT NOT NULL,
                  PRIMARY KEY(key, side))""");
    }

    /** The items whose last write to a side failed, by key and side. */
    public Map<String, ItemFailure> itemFailures() {
        Map<String, ItemFailure> failures = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT key, side, failures, last_failed, next_retry, content_hash, message"
                     + " FROM item_failures ORDER BY key, side")) {
            while (r.next()) {
                Side side = r.getString(2).equals(Side.SOURCE.label()) ? Side.SOURCE : Side.TARGET;
                ItemFailure f = new ItemFailure(r.getString(1), side, r.getInt(3), instant(r.getString(4)),
                        instant(r.getString(5)), r.getString(6), r.getString(7));
                failures.put(failureKey(f.key(), side), f);
            }
            return failures;
        } catch (SQLException e) {
            throw failure("read the items that failed to be written", e);
        }
    }

    /** The key {@link #itemFailures()} files a failure under. */
    public static String failureKey(String key, Side side) {
        return side.label() + "\n" + key;
    }

    /**
     * Counts one more failed write of {@code key} to {@code side} and sets when to try it next
     * ({@link ItemBackoff}); a failure of other content than last time counts as the first.
     */
    public ItemFailure recordItemFailure(String key, Side side, String contentHash, String message, Instant now) {
        ItemFailure before = itemFailures().get(failureKey(key, side));
        int failures = before != null && java.util.Objects.equals(before.contentHash(), contentHash)
                ? before.failures() + 1 : 1;
        ItemFailure now1 = new ItemFailure(key, side, failures, now, now.plus(ItemBackoff.after(failures)),
                contentHash, message);
        try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO item_failures(key, side,"
                + " failures, last_failed, next_retry, content_hash, message) VALUES(?,?,?,?,?,?,?)")) {
            p.setString(1, key);
            p.setString(2, side.label());
            p.setInt(3, failures);
            p.setString(4, now.toString());
            p.setString(5, now1.nextRetry().toString());
            p.setString(6, contentHash);
            p.setString(7, message);
            p.executeUpdate();
            return now1;
        } catch (SQLException e) {
            throw failure("save the failure of item " + key, e);
        }
    }

    /** Forgets a failure: the item was written, or is no longer to be written. */
    public void clearItemFailure(String key, Side side) {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM item_failures WHERE key = ? AND side = ?")) {
            p.setString(1, key);
            p.setString(2, side.label());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("forget the failure of item " + key, e);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH; // unreadable: try again at once
        }
    }

    /** The sync token {@code side}'s store gave with the last clean run, if any. */
    public Optional<String> syncToken(Side side) {
        return meta(tokenKey(side));
    }

    /** Remembers {@code side}'s sync token; empty forgets it (the next run lists the side). */
    public void putSyncToken(Side side, Optional<String> token) {
        putMeta(tokenKey(side), token.orElse(null));
    }

    private static String tokenKey(Side side) {
        return "token." + side.label();
    }

    /**
     * When items were last re-read to see whether they moved in or out of the window; empty
     * when never (or when the value cannot be read, which asks for a re-check: the safe side).
     */
    public Optional<Instant> windowCheckedAt() {
        return meta(WINDOW_CHECKED_AT).flatMap(v -> {
            try {
                return Optional.of(Instant.parse(v));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    public void putWindowCheckedAt(Instant at) {
        putMeta(WINDOW_CHECKED_AT, at.toString());
    }

    /** The keys of the items whose deletion the guard held back in the last run, in their order; empty when none. */
    public Set<String> heldKeys() {
        return meta(HELD_KEYS).filter(v -> !v.isEmpty())
                .map(v -> Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(v.split("\n")))))
                .orElse(Set.of());
    }

    /** Remembers which deletions are held back now; an empty list means none are. */
    public void putHeldKeys(Collection<String> keys) {
        // one line per key, as earlier versions wrote it (a UID has no line break)
        putMeta(HELD_KEYS, keys.isEmpty() ? null : String.join("\n", keys));
    }

    // --- where each side's calendar is (issue 15) --------------------------------------------
    // The store opener keeps here what it found out about a side's calendar (a CalDAV calendar's
    // URL and capabilities), so the next run opens it without discovery's requests. Opaque to the
    // engine; kept in meta under its own keys, so older databases simply have none yet. The two
    // sides are read at once (SyncEngine), so both may relocate at once: one at a time here.

    /** What the store opener remembered about where {@code side}'s calendar is, if anything. */
    public synchronized Optional<String> storeLocation(Side side) {
        return meta(locationKey(side));
    }

    /** Remembers where {@code side}'s calendar is; empty forgets it (the next open looks it up). */
    public synchronized void putStoreLocation(Side side, Optional<String> location) {
        putMeta(locationKey(side), location.orElse(null));
    }

    private static String locationKey(Side side) {
        return "location." + side.label();
    }

    private Optional<String> meta(String key) {
        try (PreparedStatement p = connection.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read " + key, e);
        }
    }

    /** Sets a fact; a null value removes it. */
    private void putMeta(String key, String value) {
        String sql = value == null ? "DELETE FROM meta WHERE k = ?" : "INSERT OR REPLACE INTO meta(k, v) VALUES(?,?)";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, key);
            if (value != null) {
                p.setString(2, value);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save " + key, e);
        }
    }

    // --- transforms (issue 17): which target UID each rewritten copy has ------------------------

    /**
     * Added for transformed pairs, by CREATE IF NOT EXISTS so an existing database gains it in
     * place: {@code copy_links} maps an item's key (its source UID) to the UID of its copy on the
     * target, where the pair writes copies under UIDs of their own.
     */
    private static void createTransformTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS copy_links(source_key TEXT PRIMARY KEY, copy_uid TEXT NOT NULL)");
    }

    /** Source key → the UID of its copy on the target, for the copies written under a UID of their own. */
    public Map<String, String> copyLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT source_key, copy_uid FROM copy_links ORDER BY source_key")) {
            while (r.next()) {
                links.put(r.getString(1), r.getString(2));
            }
            return links;
        } catch (SQLException e) {
            throw failure("read the copies' UIDs", e);
        }
    }

    /** Remembers that the copy of {@code sourceKey} has UID {@code copyUid} on the target. */
    public void putCopyLink(String sourceKey, String copyUid) {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO copy_links(source_key, copy_uid) VALUES(?,?)")) {
            p.setString(1, sourceKey);
            p.setString(2, copyUid);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the copy UID of " + sourceKey, e);
        }
    }

    public void removeCopyLink(String sourceKey) {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM copy_links WHERE source_key = ?")) {
            p.setString(1, sourceKey);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("forget the copy UID of " + sourceKey, e);
        }
    }

    /** The fingerprint of the transform the target's copies were last written with; empty when none was. */
    public Optional<String> transformFingerprint() {
        return meta(TRANSFORM_FINGERPRINT);
    }

    public void putTransformFingerprint(String fingerprint) {
        putMeta(TRANSFORM_FINGERPRINT, fingerprint);
    }

    /** Runs {@code work} as one transaction: all of its writes land, or none. */
    public void inTransaction(Runnable work) {
        try {
            boolean outer = connection.getAutoCommit();
            if (!outer) { // already inside one
                work.run();
                return;
            }
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("commit", e);
        }
    }

    private SyncStateException failure(String what, SQLException e) {
        return new SyncStateException("cannot " + what + " in the sync state database " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
