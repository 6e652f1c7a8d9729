package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsync restore}, in-process: the listing's lines, each way a restore can end, and the
 * exit codes. A folder → folder mirror where one event was deleted on the source and another
 * changed, so the journal holds one deleted and one overwritten copy.
 */
class RestoreCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path source;
    private Path target;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("CALSYNC_HOME", home.toString()), Clock.fixed(NOW, ZoneOffset.UTC), Os.LINUX, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    @BeforeEach
    void mirrorThenDeleteOneAndChangeAnother() throws Exception {
        source = Files.createDirectories(home.resolve("source"));
        target = Files.createDirectories(home.resolve("target"));
        writeConfig("""
                { "type": "folder", "path": "target" }""", "work");
        Files.writeString(source.resolve("a.ics"), event("uid-a", "Dentist"));
        Files.writeString(source.resolve("b.ics"), event("uid-b", "Team lunch"));
        Files.writeString(source.resolve("c.ics"), event("uid-c", "Standup"));
        assertThat(run("sync")).as(err.toString()).isEqualTo(ExitCodes.OK);

        Files.delete(source.resolve("a.ics"));
        Files.writeString(source.resolve("b.ics"), event("uid-b", "Team lunch (moved)"));
        assertThat(run("sync")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(icsFiles(target)).hasSize(2);
    }

    private void writeConfig(String targetCalendar, String pairName) throws Exception {
        Files.writeString(home.resolve("config.json"), """
                {
                  "calendars": {
                    "mine": { "type": "folder", "path": "source" },
                    "copy": %s
                  },
                  "pairs": [ { "name": "%s", "source": "mine", "target": "copy", "mode": "mirror" } ]
                }
                """.formatted(targetCalendar, pairName));
    }

    private static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync tests//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z\r\nSUMMARY:"
                + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static List<Path> icsFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
        }
    }

    /** The listed entry whose line mentions {@code title}. */
    private String entryOf(String title) {
        assertThat(run("restore")).isEqualTo(ExitCodes.OK);
        return out.toString().lines().filter(l -> l.contains("\"" + title + "\"")).findFirst().orElseThrow()
                .split(" ")[0];
    }

    @Test
    void listsEachSavedCopyNewestFirstWithWhenWhereAndWhy() {
        assertThat(run("restore")).isEqualTo(ExitCodes.OK);

        // an overwritten copy is listed under its own title, not the one the event has now
        assertThat(out.toString().lines()).containsExactly(
                "work/20261126T120000.000Z-target-uid-a.ics  2026-11-26 12:00  work target: \"Dentist\""
                        + " (deleted: deleted on the source)",
                "work/20261126T120000.000Z-target-uid-b.ics  2026-11-26 12:00  work target: \"Team lunch\""
                        + " (overwritten: changed on the source)",
                "Restore one with: calsync restore ENTRY");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anEmptyJournalSaysWhereItLooked() throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("state/journal"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        assertThat(run("restore", "--pair", "work")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).isEqualTo("No saved copies in " + home.resolve("state").resolve("journal") + "."
                + System.lineSeparator());
    }

    @Test
    void aDeletedEventComesBackAsANewItem() throws Exception {
        String entry = entryOf("Dentist");

        assertThat(run("restore", entry)).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).isEqualTo("restored \"Dentist\" to folder " + target + " (as a new item)"
                + System.lineSeparator());
        assertThat(icsFiles(target)).hasSize(3);
    }

    @Test
    void anOverwrittenEventReplacesTheVersionThereWhichIsSavedInTurn() throws Exception {
        String entry = entryOf("Team lunch");

        assertThat(run("restore", entry)).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).isEqualTo("restored \"Team lunch\" to folder " + target
                + " (over the version there, which was saved in turn)" + System.lineSeparator());
        assertThat(icsFiles(target)).hasSize(2);
        assertThat(Files.readString(target.resolve(icsFiles(target).stream()
                .filter(p -> p.getFileName().toString().contains("uid-b")).findFirst().orElseThrow())))
                .contains("SUMMARY:Team lunch\r\n");
        assertThat(run("restore")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("replaced by calsync restore " + entry);
    }

    @Test
    void anUnknownEntryIsAProblemAndTheOthersStillRestore() {
        String entry = entryOf("Dentist");

        assertThat(run("restore", "work/nope.ics", entry)).isEqualTo(ExitCodes.PROBLEMS);

        assertThat(err.toString()).isEqualTo("calsync restore: no saved copy work/nope.ics (`calsync restore` lists them)"
                + System.lineSeparator());
        assertThat(out.toString()).startsWith("restored \"Dentist\"");
    }

    @Test
    void aCopyWhosePairIsGoneSaysWhereItsTextIs() throws Exception {
        String entry = entryOf("Dentist");
        writeConfig("""
                { "type": "folder", "path": "target" }""", "renamed");

        assertThat(run("restore", entry)).isEqualTo(ExitCodes.PROBLEMS);

        assertThat(err.toString()).isEqualTo("calsync restore: " + entry + " came from pair \"work\", which is no"
                + " longer in config.json; its text is in " + home.resolve("state").resolve("journal").resolve(entry)
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aCalendarThatCannotBeOpenedIsAProblemNamingTheEntry() throws Exception {
        String entry = entryOf("Dentist");
        writeConfig("""
                { "type": "eventkit", "name": "Home" }""", "work");

        assertThat(run("restore", entry)).isEqualTo(ExitCodes.PROBLEMS);

        assertThat(err.toString()).startsWith("calsync restore: " + entry + ": calendar \"copy\" is a macOS Calendar")
                .contains("EventKit calendars exist only on macOS");
    }

    @Test
    void anInvalidConfigRestoresNothing() throws Exception {
        String entry = entryOf("Dentist");
        Files.writeString(home.resolve("config.json"), "{ \"pairs\": [ { \"name\": \"work\" } ] }");

        assertThat(run("restore", entry)).isEqualTo(ExitCodes.PROBLEMS);

        assertThat(out.toString()).isEmpty();
        assertThat(icsFiles(target)).hasSize(2);
    }
}
