package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.ConfigLoader;
import com.calsync.secrets.PasswordLookup;
import com.calsync.sync.Journal;
import com.calsync.sync.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved copies listed and put back through StoreOpener; RestoreCommandTest checks what the command prints. */
class JournalServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String TEXT = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync tests//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:uid-a\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261201T100000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

    @TempDir
    Path dir;

    private Journal journal;
    private JournalService service;

    @BeforeEach
    void setUp() {
        journal = new Journal(dir.resolve("journal"), CLOCK);
        service = new JournalService(journal, new StoreOpener(new PasswordLookup(Map.of()), dir.resolve("feeds"),
                dir.resolve("eventkit"), Os.LINUX, CLOCK));
    }

    private CalSyncConfig config(String pairName) throws Exception {
        Files.createDirectories(dir.resolve("source"));
        Files.createDirectories(dir.resolve("target"));
        return new ConfigLoader(dir).parse("""
                {
                  "calendars": { "mine": { "type": "folder", "path": "source" },
                                 "copy": { "type": "folder", "path": "target" } },
                  "pairs": [ { "name": "%s", "source": "mine", "target": "copy" } ]
                }
                """.formatted(pairName), "config.json", dir).config().orElseThrow();
    }

    @Test
    void listsCopiesAsServiceRecords() {
        journal.save("work", Side.TARGET, "uid-a", "Dentist", "a.ics", TEXT, "deleted: deleted on the source");

        List<JournalService.SavedCopy> copies = service.list(Optional.empty());

        assertThat(copies).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("work/20261126T120000.000Z-target-uid-a.ics");
            assertThat(c.pair()).isEqualTo("work");
            assertThat(c.side()).isEqualTo(Side.TARGET);
            assertThat(c.title()).isEqualTo("Dentist");
            assertThat(c.saved()).isEqualTo(CLOCK.instant());
            assertThat(c.file()).isRegularFile();
        });
        assertThat(service.list(Optional.of("other"))).isEmpty();
        assertThat(service.dir()).isEqualTo(dir.resolve("journal"));
    }

    @Test
    void restoresOntoTheSideItCameFrom() throws Exception {
        String id = journal.save("work", Side.TARGET, "uid-a", "Dentist", "a.ics", TEXT, "deleted").id();

        JournalService.Restore result = service.restore(config("work"), id);

        assertThat(result).isInstanceOfSatisfying(JournalService.Restored.class, r -> {
            assertThat(r.replacedExisting()).isFalse();
            assertThat(r.calendar()).isEqualTo("folder " + dir.resolve("target"));
        });
        try (var files = Files.list(dir.resolve("target"))) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f)).isEqualTo(TEXT));
        }
    }

    @Test
    void saysWhyACopyCannotGoBack() throws Exception {
        String id = journal.save("work", Side.SOURCE, "uid-a", "Dentist", "a.ics", TEXT, "deleted").id();

        assertThat(service.restore(config("work"), "work/nope.ics")).isEqualTo(new JournalService.NotFound("work/nope.ics"));
        assertThat(service.restore(config("renamed"), id)).isInstanceOfSatisfying(JournalService.PairGone.class,
                gone -> assertThat(gone.copy().id()).isEqualTo(id));
    }
}
