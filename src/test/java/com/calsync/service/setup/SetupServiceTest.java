package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.AppSettings;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import com.calsync.config.SyncKey;
import com.calsync.config.SyncOverrides;
import com.calsync.service.ServiceSnapshot;
import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings window's steps that need no server: folders and .ics files, preview, save through
 * the running service's reload path, removal, and config.json changed elsewhere meanwhile.
 */
class SetupServiceTest {
    static final String USER_CONFIG = """
            // mine: keep this comment
            {
              "calendars": {
                "notes": { "type": "folder", "path": "notes" } // where I keep notes
              },
              "pairs": []
            }
            """;

    @TempDir
    Path home;

    private SetupFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SetupFixture(home, USER_CONFIG);
        Files.createDirectories(home.resolve("source"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(home.resolve("source/e" + i + ".ics"), SetupFixture.event("e" + i + "@t", "Event " + i, i + 1));
        }
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private PairConfig mirror(String name, String source, String target) {
        return new PairConfig(name, source, target, SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, true, SyncOverrides.NONE);
    }

    @Test
    void aFolderPairIsPreviewedThenSavedAndTheServiceRunsItAtOnce() throws Exception {
        SetupState state = f.state();
        state = f.setup.addCalendar(state, new CalendarConfig.Folder("source", home.resolve("source"))).orElseThrow();
        state = f.setup.addCalendar(state, new CalendarConfig.Folder("copy", home.resolve("Calendars/copy"))).orElseThrow();
        assertThat(home.resolve("Calendars/copy")).isDirectory();
        PairConfig pair = new PairConfig("source-to-copy", "source", "copy", SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, true,
                new SyncOverrides(Map.of(SyncKey.INTERVAL_MINUTES, 5)));

        PairPreview preview = f.setup.preview(state, pair).orElseThrow();

        assertThat(preview.summary()).isEqualTo("The first sync would make 4 created, 0 updated, 0 deleted in copy.");
        assertThat(preview.details()).hasSize(4).allMatch(d -> d.startsWith("created in copy: Event "));
        assertThat(SetupFixture.icsFiles(home.resolve("Calendars/copy"))).isZero();
        assertThat(f.paths.dbDir().resolve("source-to-copy.db")).doesNotExist();
        try (var left = Files.list(f.paths.stateDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("preview-"));
        }

        SetupService.SavedPair saved = f.setup.savePair(state, pair).orElseThrow();
        SyncReport first = saved.firstSync().get(30, TimeUnit.SECONDS);

        assertThat(first.outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(SetupFixture.icsFiles(home.resolve("Calendars/copy"))).isEqualTo(4);
        ServiceSnapshot snapshot = f.service.snapshot();
        assertThat(snapshot.pairs()).extracting(ServiceSnapshot.PairStatus::name).containsExactly("source-to-copy");
        assertThat(snapshot.pairs().get(0).intervalMinutes()).isEqualTo(5);
        String text = Files.readString(f.paths.configFile());
        assertThat(text).contains("// mine: keep this comment", "// where I keep notes", "\"path\": \"~/Calendars/copy\"");
        assertThat(Files.readString(f.paths.configFile().resolveSibling("config.json.bak"))).contains("\"source\": {");
        assertThat(saved.now().config().orElseThrow().pair("source-to-copy")).contains(pair);
    }

    @Test
    void aSavedPairPreviewsAgainstItsOwnStateAndRemovingItForgetsThatState() throws Exception {
        SetupState state = f.setup.addCalendar(f.state(), new CalendarConfig.Folder("source", home.resolve("source"))).orElseThrow();
        state = f.setup.addCalendar(state, new CalendarConfig.Folder("copy", home.resolve("copy"))).orElseThrow();
        SetupService.SavedPair saved = f.setup.savePair(state, mirror("p", "source", "copy")).orElseThrow();
        saved.firstSync().get(30, TimeUnit.SECONDS);
        state = saved.now();

        assertThat(f.setup.preview(state, mirror("p", "source", "copy")).orElseThrow().summary())
                .isEqualTo("The first sync would change nothing: copy already matches source in the sync window.");
        assertThat(f.setup.removeCalendar(state, "copy")).isInstanceOf(Outcome.Refused.class)
                .extracting(o -> ((Outcome.Refused<?>) o).problem().message()).asString().contains("Pairs p use calendar copy");
        Outcome<SetupService.SavedPair> moved = f.setup.savePair(state, mirror("p", "notes", "copy"));
        assertThat(((Outcome.Refused<?>) moved).problem().message()).contains("cannot be changed");

        state = f.setup.removePair(state, "p").orElseThrow();

        assertThat(f.paths.dbDir().resolve("p.db")).doesNotExist();
        assertThat(f.service.snapshot().pairs()).isEmpty();
        assertThat(SetupFixture.icsFiles(home.resolve("copy"))).isEqualTo(4);
        state = f.setup.removeCalendar(state, "copy").orElseThrow();
        assertThat(state.config().orElseThrow().calendars()).containsOnlyKeys("notes", "source");
    }

    @Test
    void aTwoWayPairBetweenTwoFoldersSyncsBothWays() throws Exception {
        Files.createDirectories(home.resolve("other"));
        Files.writeString(home.resolve("other/o.ics"), SetupFixture.event("o@t", "Other", 3));
        SetupState state = f.setup.addCalendar(f.state(), new CalendarConfig.Folder("source", home.resolve("source"))).orElseThrow();
        state = f.setup.addCalendar(state, new CalendarConfig.Folder("other", home.resolve("other"))).orElseThrow();
        PairConfig twoWay = new PairConfig("both", "source", "other", SyncMode.TWO_WAY, ConflictPolicy.NEWER_WINS, true,
                SyncOverrides.NONE);

        assertThat(f.setup.preview(state, twoWay).orElseThrow().summary())
                .isEqualTo("The first sync would make 1 created, 0 updated, 0 deleted in source; 4 created, 0 updated, 0 deleted in other.");
        f.setup.savePair(state, twoWay).orElseThrow().firstSync().get(30, TimeUnit.SECONDS);

        assertThat(SetupFixture.icsFiles(home.resolve("source"))).isEqualTo(5);
        assertThat(SetupFixture.icsFiles(home.resolve("other"))).isEqualTo(5);
        assertThat(Files.readString(f.paths.configFile())).contains("\"mode\": \"two-way\", \"conflict\": \"newer-wins\"");
    }

    @Test
    void aChangeThatWouldMakeTheConfigInvalidIsRefusedWithTheCheckersWords() throws Exception {
        SetupState state = f.state();
        String before = Files.readString(f.paths.configFile());

        Outcome<PairPreview> preview = f.setup.preview(state, mirror("p", "notes", "nowhere"));
        Outcome<SetupService.SavedPair> save = f.setup.savePair(state, mirror("p", "notes", "nowhere"));

        SetupProblem problem = ((Outcome.Refused<?>) save).problem();
        assertThat(problem.kind()).isEqualTo(SetupProblem.Kind.INVALID);
        assertThat(problem.message()).contains("pairs[0].target: no calendar named \"nowhere\"");
        assertThat(problem.problems()).singleElement().asString().contains(":7:");
        assertThat(((Outcome.Refused<?>) preview).problem().kind()).isEqualTo(SetupProblem.Kind.INVALID);
        assertThat(Files.readString(f.paths.configFile())).isEqualTo(before);
    }

    @Test
    void anEditMadeInATextEditorWhileTheWindowIsOpenIsDetectedAndKept() throws Exception {
        SetupState state = f.state();
        assertThat(f.setup.changedOutside(state)).isFalse();
        String theirs = USER_CONFIG.replace("where I keep notes", "edited by hand");
        Files.writeString(f.paths.configFile(), theirs);

        assertThat(f.setup.changedOutside(state)).isTrue();
        Outcome<SetupState> result = f.setup.addCalendar(state, new CalendarConfig.Folder("x", home.resolve("x")));

        assertThat(((Outcome.Refused<?>) result).problem().kind()).isEqualTo(SetupProblem.Kind.CHANGED_OUTSIDE);
        assertThat(Files.readString(f.paths.configFile())).isEqualTo(theirs);
        SetupState reloaded = f.setup.load().orElseThrow();
        assertThat(f.setup.changedOutside(reloaded)).isFalse();
        assertThat(f.setup.addCalendar(reloaded, new CalendarConfig.Folder("x", home.resolve("x")))).isInstanceOf(Outcome.Done.class);
        assertThat(Files.readString(f.paths.configFile())).contains("// edited by hand");
    }

    @Test
    void aFileTheWindowCannotParseIsNotTouched() throws Exception {
        Files.writeString(f.paths.configFile(), "{ \"pairs\": [ }");
        SetupState state = f.state();

        Outcome<SetupState> result = f.setup.addCalendar(state, new CalendarConfig.Folder("x", home.resolve("x")));

        SetupProblem problem = ((Outcome.Refused<?>) result).problem();
        assertThat(problem.kind()).isEqualTo(SetupProblem.Kind.NOT_EDITABLE);
        assertThat(problem.message()).contains("config.json:1:", "Fix it in a text editor");
        assertThat(Files.readString(f.paths.configFile())).isEqualTo("{ \"pairs\": [ }");
        assertThat(state.editable()).isFalse();
    }

    @Test
    void anIcsFileIsCheckedByReadingItAndANameIsNotTakenTwice() throws Exception {
        Path ics = home.resolve("holidays.ics");
        Files.writeString(ics, SetupFixture.event("h1@t", "Holiday", 5));

        SetupService.FeedInfo info = f.setup.checkFeed(ics.toString()).orElseThrow();
        Outcome<SetupService.FeedInfo> missing = f.setup.checkFeed(home.resolve("none.ics").toString());
        Outcome<SetupService.FeedInfo> notCalendar = f.setup.checkFeed(home.resolve("notes.txt").toString());

        assertThat(info.events()).isEqualTo(1);
        assertThat(info.url()).isEqualTo(ics.toUri());
        assertThat(f.setup.checkFeed("~/holidays.ics").orElseThrow().url()).isEqualTo(ics.toUri());
        assertThat(((Outcome.Refused<?>) missing).problem().message()).contains("none.ics");
        assertThat(notCalendar).isInstanceOf(Outcome.Refused.class);
        SetupState state = f.setup.addCalendar(f.state(), new CalendarConfig.Feed("holidays", info.url())).orElseThrow();
        assertThat(Files.readString(f.paths.configFile())).contains("\"holidays\": { \"type\": \"feed\", \"url\": \"~/holidays.ics\" }");
        assertThat(((Outcome.Refused<?>) f.setup.addCalendar(state, new CalendarConfig.Folder("holidays", home))).problem().kind())
                .isEqualTo(SetupProblem.Kind.EXISTS);
        assertThat(SetupService.freeName(state, "calendars", "Holidays", "calendar")).isEqualTo("holidays-2");
        assertThat(SetupService.freeName(state, "pairs", "source to copy", "pair")).isEqualTo("source-to-copy");
    }

    @Test
    void theAppSectionIsWrittenAndMacCalendarsAreOnlyOnAMac() throws Exception {
        SetupState state = f.setup.saveApp(f.state(), new AppSettings(false, Optional.of(AppSettings.LogLevel.WARN))).orElseThrow();

        assertThat(state.config().orElseThrow().app().notifications()).isFalse();
        assertThat(f.service.config().orElseThrow().app().logLevel()).contains(AppSettings.LogLevel.WARN);
        assertThat(f.setup.hasMacCalendars()).isFalse();
        assertThat(((Outcome.Refused<?>) f.setup.macCalendars()).problem().message()).contains("only on a Mac");
    }
}
