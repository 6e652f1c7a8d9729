package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first sync a newcomer runs, as the "done when" describes it, in-process. */
class SyncCommandTest {
    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("CALSYNC_HOME", home.toString()),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.LINUX, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    private Path demoFolder() {
        return home.resolve("state/demo/calendar");
    }

    private List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
        }
    }

    @Test
    void theFirstSyncWritesTheDemoConfigAndMirrorsTheSampleThenHasNothingToDo() throws Exception {
        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Wrote a default config").contains("demo (sample → demo-folder, mirror): done")
                .contains("target: 12 created, 0 updated, 0 deleted");
        assertThat(files(demoFolder())).hasSize(12);

        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("demo (sample → demo-folder, mirror): nothing to do");
        assertThat(out.toString()).doesNotContain("Wrote a default config");
    }

    @Test
    void anEventTitleWithTerminalEscapesIsPrintedAndLoggedEscaped() throws Exception {
        run("sync");
        Path sample = home.resolve("state/demo/sample-calendar.ics");
        String hostile = "BEGIN:VEVENT\r\nUID:hostile-title\r\nDTSTAMP:20261126T120000Z\r\n"
                + "DTSTART:20261127T100000Z\r\nDTEND:20261127T110000Z\r\n"
                + "SUMMARY:\u001b]0;owned\u0007\u001b[2J\u009b31mred\\nFake line\u202e\r\nEND:VEVENT\r\n";
        String text = Files.readString(sample);
        Files.writeString(sample, text.substring(0, text.lastIndexOf("END:VCALENDAR")) + hostile + "END:VCALENDAR\r\n");

        assertThat(run("sync")).isEqualTo(ExitCodes.OK);

        String printed = out.toString();
        // ical4j's tokenizer already drops the leading ESC and the BEL (it reads them as white space);
        // the rest of the title reaches the printer with its control characters intact.
        assertThat(printed).contains("\"]0;owned\\x1B[2J\\x9B31mred\\nFake line\\u202E\"");
        assertThat(printed.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F || c == 0x202E))
                .as("no control character reaches the terminal").isEmpty();
        String log = Files.readString(home.resolve("logs/calsync.log"));
        assertThat(log.chars().filter(c -> c == 0x1B || c == 0x07 || c == 0x9B)).as("nor the log").isEmpty();
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        assertThat(run("sync", "--dry-run")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("[dry run: nothing was changed]").contains("would change target: 12 created");
        assertThat(Files.exists(demoFolder()) ? files(demoFolder()) : List.of()).isEmpty();
        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("12 created");
    }

    @Test
    void emptyingTheDemoSourceLeavesTheTargetAloneAndSaysHowToApprove() throws Exception {
        run("sync");
        Path sample = home.resolve("state/demo/sample-calendar.ics");
        Files.writeString(sample, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nEND:VCALENDAR\r\n");

        assertThat(run("sync")).isEqualTo(ExitCodes.ATTENTION);

        assertThat(out.toString()).contains("HELD: 12 deletion(s) not carried out")
                .contains("calsync sync --approve-deletions demo");
        assertThat(files(demoFolder())).hasSize(12);

        assertThat(run("sync", "--approve-deletions", "demo")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("12 deleted");
        assertThat(files(demoFolder())).isEmpty();

        assertThat(run("restore")).isEqualTo(ExitCodes.OK);
        String firstEntry = out.toString().lines().findFirst().orElseThrow().split(" ")[0];
        assertThat(run("restore", firstEntry)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("restored").contains("as a new item");
        assertThat(files(demoFolder())).hasSize(1);
    }

    @Test
    void jsonReportsEachPairWithCountsPerSide() throws Exception {
        assertThat(run("sync", "--json")).isEqualTo(ExitCodes.OK);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode pair = json.get("pairs").get(0);
        assertThat(pair.get("pair").asText()).isEqualTo("demo");
        assertThat(pair.get("outcome").asText()).isEqualTo("ok");
        assertThat(pair.get("target").get("created").asInt()).isEqualTo(12);
        assertThat(pair.get("source").get("requests").asLong()).isZero();
        assertThat(pair.get("changes")).hasSize(12);
        assertThat(pair.get("changes").get(0).get("action").asText()).isEqualTo("created");
        assertThat(pair.get("guard").get("holding").asBoolean()).isFalse();
        assertThat(pair.get("transform").get("copy").asText()).as("a plain pair copies in full").isEqualTo("full");
        assertThat(pair.get("transform").get("skip")).isEmpty();
    }

    @Test
    void aBusyPairNamesItsTransformInTheTextAndTheJson() throws Exception {
        Path family = Files.createDirectories(home.resolve("family"));
        Files.writeString(family.resolve("a.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:a@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
                + "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        Files.writeString(family.resolve("b.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:b@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261202\r\nSUMMARY:Holiday\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n");
        Files.writeString(home.resolve("config.json"), """
                { "calendars": { "family": { "type": "folder", "path": "family" },
                                 "work": { "type": "folder", "path": "work" } },
                  "pairs": [ { "name": "family-busy", "source": "family", "target": "work", "copy": "busy",
                               "skip": ["all-day"], "title_prefix": "[F] " } ] }
                """);

        assertThat(run("sync")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("family-busy (family → work, mirror): done")
                .contains("copies: busy copy (\"Busy\"), prefix \"[F] \", skips all-day; 1 event(s) left out")
                .contains("created on the target: \"Dentist\" (new on the source)");
        assertThat(files(home.resolve("work"))).singleElement()
                .satisfies(f -> assertThat(Files.readString(f)).contains("SUMMARY:[F] Busy").doesNotContain("Dentist"));

        assertThat(run("sync", "--json")).isEqualTo(ExitCodes.OK);
        JsonNode transform = new ObjectMapper().readTree(out.toString()).get("pairs").get(0).get("transform");
        assertThat(transform.get("copy").asText()).isEqualTo("busy");
        assertThat(transform.get("busy_title").asText()).isEqualTo("Busy");
        assertThat(transform.get("title_prefix").asText()).isEqualTo("[F] ");
        assertThat(transform.get("skip")).extracting(JsonNode::asText).containsExactly("all-day");
        assertThat(transform.get("skip_title").isNull()).isTrue();
        assertThat(transform.get("left_out").asInt()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("pairs").get(0).get("calendar").isNull()).isTrue();
    }

    @Test
    void anUnknownPairIsNamedWithTheChoices() {
        run("sync");
        assertThat(run("sync", "--pair", "nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no pair named \"nope\"").contains("pairs: demo");
    }

    @Test
    void anInvalidConfigIsReportedWithLineAndColumnAndNothingSyncs() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), """
                {
                  "calendars": { "a": { "type": "folder", "path": "a" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ]
                }
                """);

        assertThat(run("sync")).isEqualTo(ExitCodes.PROBLEMS);

        assertThat(err.toString()).contains("config.json:3:").contains("pairs[0].target");
    }
}
