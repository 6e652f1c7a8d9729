package com.calsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.Corpus;
import com.calsync.ical.MeaningfulProperties;
import com.calsync.store.StoredItem;
import com.calsync.store.local.FolderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tricky-items corpus through real folder stores and the engine: nothing meaningful is lost. */
class CorpusRoundTripTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private SyncReport sync(FolderStore source, FolderStore target, SyncMode mode) {
        TestClock clock = new TestClock(NOW);
        SyncEngine engine = new SyncEngine(IcalKit.standard(java.time.ZoneOffset.UTC), new Journal(dir.resolve("journal"), clock), clock);
        try (StatusDb db = StatusDb.open(dir.resolve(mode.jsonName() + ".db"))) {
            // a year back, so the stale-VTIMEZONE item from March 2026 takes part too
            SyncPolicy policy = new SyncPolicy(mode, ConflictPolicy.NEWER_WINS, 365, 365, false, 1, true, true, 5, 20);
            return engine.sync(new SyncPair("corpus", source, target, policy), db, SyncOptions.normal());
        }
    }

    private static Map<String, String> byUid(FolderStore store) {
        List<String> hrefs = List.copyOf(store.list(com.calsync.ical.TimeWindow.ALL).etags().keySet());
        Map<String, String> texts = new HashMap<>();
        for (StoredItem item : store.get(hrefs)) {
            try {
                texts.put(new com.calsync.ical.ItemParser().parse(item.ics()).uid(), item.ics());
            } catch (com.calsync.ical.MalformedItemException e) {
                throw new AssertionError(item.href() + " does not parse", e);
            }
        }
        return texts;
    }

    @Test
    void everyMeaningfulPropertySurvivesFolderToFolder() throws Exception {
        Path sourceDir = Files.createDirectories(dir.resolve("source"));
        for (Path file : Corpus.files()) {
            Files.copy(file, sourceDir.resolve(file.getFileName()));
        }
        FolderStore source = new FolderStore(sourceDir, java.time.Clock.systemUTC());
        FolderStore target = new FolderStore(dir.resolve("target"), java.time.Clock.systemUTC());

        SyncReport report = sync(source, target, SyncMode.MIRROR);

        assertThat(report.outcome()).isEqualTo(SyncOutcome.OK);
        Set<String> skippedFiles = report.skipped().stream().map(SkippedItem::href).collect(Collectors.toSet());
        assertThat(skippedFiles).as("a series that ended in 2015 does not take part; folders carry to-dos")
                .containsExactly("count-series-2015.ics");
        assertThat(report.skipped()).as("%s", report.skipped()).hasSize(1);
        Map<String, String> before = byUid(source);
        Map<String, String> after = byUid(target);
        assertThat(after).hasSize(Corpus.files().size() - 1);
        assertThat(after.values()).anySatisfy(text -> assertThat(text).contains("BEGIN:VTODO"));
        after.forEach((uid, text) -> assertThat(MeaningfulProperties.lost(before.get(uid), text))
                .as("lost from %s", uid).isEmpty());

        assertThat(sync(source, target, SyncMode.MIRROR).nothingChanged()).as("a re-sync has nothing to do").isTrue();
    }

    @Test
    void twoWayCarriesTheCorpusBothWaysAndBackUnchanged() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        List<Path> files = Corpus.files();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Files.copy(file, (i % 2 == 0 ? a : b).resolve(file.getFileName()));
        }
        FolderStore left = new FolderStore(a, java.time.Clock.systemUTC());
        FolderStore right = new FolderStore(b, java.time.Clock.systemUTC());
        Map<String, String> originals = new HashMap<>();
        originals.putAll(byUid(left));
        originals.putAll(byUid(right));

        SyncReport report = sync(left, right, SyncMode.TWO_WAY);

        assertThat(report.errors()).isEmpty();
        Map<String, String> l = byUid(left);
        Map<String, String> r = byUid(right);
        Set<String> synced = report.changes().stream().map(ItemChange::key).collect(Collectors.toSet());
        for (String uid : synced) {
            assertThat(l).containsKey(uid);
            assertThat(r).containsKey(uid);
            assertThat(MeaningfulProperties.lost(originals.get(uid), l.get(uid))).as("left %s", uid).isEmpty();
            assertThat(MeaningfulProperties.lost(originals.get(uid), r.get(uid))).as("right %s", uid).isEmpty();
        }
        assertThat(synced).as("all but the series that ended in 2015; folders carry the to-do too").hasSize(files.size() - 1);
        assertThat(sync(left, right, SyncMode.TWO_WAY).nothingChanged()).isTrue();
    }
}
