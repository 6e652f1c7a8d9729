package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusDbTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void typedFactsRoundTrip() {
        try (StatusDb db = StatusDb.open(dir.resolve("p.db"))) {
            assertThat(db.syncToken(Side.SOURCE)).isEmpty();
            assertThat(db.windowCheckedAt()).isEmpty();
            assertThat(db.heldKeys()).isEmpty();

            db.putSyncToken(Side.SOURCE, Optional.of("http://example.org/sync/1"));
            db.putWindowCheckedAt(T);
            db.putHeldKeys(List.of("b@x", "a@x", "c@x"));
        }
        try (StatusDb db = StatusDb.open(dir.resolve("p.db"))) {
            assertThat(db.syncToken(Side.SOURCE)).contains("http://example.org/sync/1");
            assertThat(db.syncToken(Side.TARGET)).as("one token per side").isEmpty();
            assertThat(db.windowCheckedAt()).contains(T);
            assertThat(db.heldKeys()).containsExactly("b@x", "a@x", "c@x");

            db.putSyncToken(Side.SOURCE, Optional.empty());
            db.putHeldKeys(List.of());
            assertThat(db.syncToken(Side.SOURCE)).isEmpty();
            assertThat(db.heldKeys()).isEmpty();
        }
    }

    /** A database written by an earlier version, whose engine wrote the meta table's keys itself. */
    @Test
    void readsTheFactsAnEarlierVersionWroteAndWritesThemTheSameWay() throws Exception {
        Path file = dir.resolve("old.db");
        try (StatusDb db = StatusDb.open(file)) {
            db.put(new StatusRow("a@x", "a.ics", "1", "h", "a.ics", "2", "h", null, false));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('token.target', 'tok-7')");
            s.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('window_checked_at', '2026-11-26T12:00:00Z')");
            s.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('held_keys', 'a@x\nb@x')");
            s.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('held_note', '2 of 2 items vanished from the source at once')");
        }

        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.rows()).containsOnlyKeys("a@x");
            assertThat(db.syncToken(Side.TARGET)).contains("tok-7");
            assertThat(db.windowCheckedAt()).contains(T);
            assertThat(db.heldKeys()).containsExactly("a@x", "b@x");
            db.putHeldKeys(List.of("c@x", "d@x"));
            db.putSyncToken(Side.SOURCE, Optional.of("tok-8"));
        }

        assertThat(rawMeta(file)).as("the same keys and formats, so an earlier version reads them too")
                .containsEntry("held_keys", "c@x\nd@x")
                .containsEntry("token.source", "tok-8")
                .containsEntry("token.target", "tok-7")
                .containsEntry("window_checked_at", "2026-11-26T12:00:00Z")
                .containsEntry("schema_version", "1")
                .doesNotContainKey("held_note");
    }

    @Test
    void whereEachSideIsKeptUntilForgottenAndSurvivesReopening() {
        Path file = dir.resolve("where.db");
        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.storeLocation(Side.SOURCE)).isEmpty();
            db.putStoreLocation(Side.SOURCE, Optional.of("{\"url\":\"http://a/\"}"));
            db.putStoreLocation(Side.TARGET, Optional.of("target place"));
        }
        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.storeLocation(Side.SOURCE)).contains("{\"url\":\"http://a/\"}");
            assertThat(db.storeLocation(Side.TARGET)).contains("target place");
            db.putStoreLocation(Side.TARGET, Optional.empty());
            assertThat(db.storeLocation(Side.TARGET)).isEmpty();
            assertThat(db.storeLocation(Side.SOURCE)).isPresent();
        }
    }

    @Test
    void anUnreadableWindowCheckAsksForACheck() throws Exception {
        Path file = dir.resolve("odd.db");
        StatusDb.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT OR REPLACE INTO meta(k, v) VALUES('window_checked_at', 'yesterday')");
        }
        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.windowCheckedAt()).isEmpty();
        }
    }

    private static Map<String, String> rawMeta(Path file) throws SQLException {
        Map<String, String> meta = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT k, v FROM meta")) {
            while (r.next()) {
                meta.put(r.getString(1), r.getString(2));
            }
        }
        return meta;
    }

    @Test
    void copyLinksAndTheTransformFingerprintAreAddedToAnExistingDatabaseInPlace() throws Exception {
        Path file = dir.resolve("before-transforms.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // the schema as it was before copy links: items and meta only
            s.execute("CREATE TABLE items(key TEXT PRIMARY KEY, source_href TEXT, source_etag TEXT, source_hash TEXT,"
                    + " target_href TEXT, target_etag TEXT, target_hash TEXT, base TEXT,"
                    + " target_deleted INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO items(key, source_href) VALUES('a@x', 'a.ics')");
            s.execute("INSERT INTO meta(k, v) VALUES('token.source', 'tok-1')");
        }
        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.rows()).containsOnlyKeys("a@x");
            assertThat(db.syncToken(Side.SOURCE)).contains("tok-1");
            assertThat(db.copyLinks()).isEmpty();
            assertThat(db.transformFingerprint()).isEmpty();

            db.putCopyLink("a@x", "calsync-copy-1");
            db.putCopyLink("b@x", "calsync-copy-2");
            db.removeCopyLink("b@x");
            db.putTransformFingerprint("v1\ncopy=busy");
        }
        try (StatusDb db = StatusDb.open(file)) {
            assertThat(db.copyLinks()).containsExactly(Map.entry("a@x", "calsync-copy-1"));
            assertThat(db.transformFingerprint()).contains("v1\ncopy=busy");
        }
    }
}
