package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Settings window's changes, written into a user's commented config.json and read back by the real loader. */
class ConfigEditorTest {
    private static final Path HOME = Path.of("/home/me");
    private final ConfigEditor editor = new ConfigEditor(HOME);
    private final ConfigLoader loader = new ConfigLoader(HOME);

    private CalSyncConfig load(ConfigDocument doc) {
        ConfigLoadResult result = loader.parse(doc.text(), "config.json", HOME.resolve(".config/calsync"));
        assertThat(result.errors()).isEmpty();
        return result.config().orElseThrow();
    }

    @Test
    void anAccountACalendarAndAPairWrittenIntoTheUsersFileLoadBackAsTheyWereMeant() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(ConfigDocumentTest.USER_FILE);
        AccountConfig radicale = new AccountConfig("radicale", URI.create("http://127.0.0.1:5232/"), Optional.of("alice"));
        CalendarConfig work = new CalendarConfig.CalDav("radicale-work", "radicale", Optional.empty(), Optional.of("/alice/work/"));
        CalendarConfig folder = new CalendarConfig.Folder("work-folder", HOME.resolve("Calendars/radicale"));
        PairConfig pair = new PairConfig("radicale-to-folder", "radicale-work", "work-folder", SyncMode.MIRROR,
                ConflictPolicy.SOURCE_WINS, true, new SyncOverrides(Map.of(SyncKey.INTERVAL_MINUTES, 5)));

        doc = editor.putPair(editor.putCalendar(editor.putCalendar(editor.putAccount(doc, radicale), work), folder), pair);

        CalSyncConfig config = load(doc);
        assertThat(config.accounts().get("radicale")).isEqualTo(radicale);
        assertThat(config.calendars().get("radicale-work")).isEqualTo(work);
        assertThat(config.calendars().get("work-folder")).isEqualTo(folder);
        assertThat(config.pair("radicale-to-folder")).contains(pair);
        assertThat(config.pair("work-to-folder")).isPresent();
        assertThat(doc.text()).contains("// My calendars. Do not lose this comment!", "// shared with Anna", "// the old one",
                "\"work-folder\": { \"type\": \"folder\", \"path\": \"~/Calendars/radicale\" }",
                "    {\n      \"name\": \"radicale-to-folder\",\n", "      \"sync\": { \"interval_minutes\": 5 }\n    }\n  ]");
    }

    @Test
    void changingAPairRewritesOnlyWhatChangedAndDropsOverridesNoLongerWanted() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("""
                {
                  "calendars": { "a": { "type": "folder", "path": "/a" }, "b": { "type": "folder", "path": "/b" } },
                  "pairs": [
                    { "name": "p", "source": "a", "target": "b", "note": "keep me", "sync": { "interval_minutes": 5, "sync_past_days": 3 } }
                  ]
                }
                """);
        PairConfig twoWay = new PairConfig("p", "a", "b", SyncMode.TWO_WAY, ConflictPolicy.TARGET_WINS, true,
                new SyncOverrides(Map.of(SyncKey.SYNC_PAST_DAYS, 9)));

        ConfigDocument edited = editor.putPair(doc, twoWay);

        assertThat(edited.text()).contains("{ \"name\": \"p\", \"source\": \"a\", \"target\": \"b\", \"note\": \"keep me\","
                + " \"sync\": { \"sync_past_days\": 9 }, \"mode\": \"two-way\", \"conflict\": \"target-wins\" }");
        assertThat(load(edited).pair("p")).contains(twoWay);

        PairConfig plain = new PairConfig("p", "a", "b", SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS, false, SyncOverrides.NONE);
        ConfigDocument again = editor.putPair(edited, plain);
        assertThat(again.text()).contains("{ \"name\": \"p\", \"source\": \"a\", \"target\": \"b\", \"note\": \"keep me\","
                + " \"mode\": \"mirror\", \"enabled\": false }");
        assertThat(load(again).pair("p")).contains(plain);
    }

    @Test
    void aMirrorWrittenWithoutModeStaysWithoutIt() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("""
                { "calendars": { "a": { "type": "folder", "path": "/a" }, "b": { "type": "folder", "path": "/b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ] }
                """);
        PairConfig same = load(doc).pair("p").orElseThrow();

        assertThat(editor.putPair(doc, same).text()).isEqualTo(doc.text());
    }

    @Test
    void removalsTakeTheirEntryOnly() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(ConfigDocumentTest.USER_FILE);

        ConfigDocument edited = editor.removeAccount(editor.removeCalendar(editor.removePair(doc, "work-to-folder"), "work"), "home");

        CalSyncConfig config = load(edited);
        assertThat(config.accounts()).isEmpty();
        assertThat(config.calendars()).containsOnlyKeys("mirror");
        assertThat(config.pairs()).isEmpty();
        assertThat(edited.text()).contains("// My calendars. Do not lose this comment!", "// every quarter hour", "// the NAS in the hall");
        assertThat(editor.removePair(edited, "no-such-pair").text()).isEqualTo(edited.text());
    }

    @Test
    void feedsEventKitCalendarsAndTheAppSection() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("{}");
        CalendarConfig feed = new CalendarConfig.Feed("holidays", URI.create("webcal://example.org/holidays.ics"));
        CalendarConfig file = new CalendarConfig.Feed("local", HOME.resolve("cal.ics").toUri());
        CalendarConfig mac = new CalendarConfig.EventKit("mac-home", "Home", Optional.of("iCloud"));
        AppSettings app = new AppSettings(false, Optional.of(AppSettings.LogLevel.DEBUG));

        doc = editor.putApp(editor.putCalendar(editor.putCalendar(editor.putCalendar(doc, feed), file), mac), app);

        CalSyncConfig config = load(doc);
        assertThat(config.calendars()).containsEntry("holidays", feed).containsEntry("local", file).containsEntry("mac-home", mac);
        assertThat(doc.text()).contains("\"url\": \"~/cal.ics\"");
        assertThat(config.app()).isEqualTo(app);
        assertThat(load(editor.putApp(doc, AppSettings.DEFAULTS)).app()).isEqualTo(AppSettings.DEFAULTS);
        assertThat(editor.putApp(doc, AppSettings.DEFAULTS).text()).contains("\"app\": { \"notifications\": true }");
    }

    @Test
    void typedFolderPathsStartAtHome() {
        assertThat(editor.resolve("~")).isEqualTo(HOME);
        assertThat(editor.resolve(" ~/Calendars/work ")).isEqualTo(HOME.resolve("Calendars/work"));
        assertThat(editor.resolve("Calendars/../cal")).isEqualTo(HOME.resolve("cal"));
        assertThat(editor.resolve("/srv/cal")).isEqualTo(Path.of("/srv/cal"));
    }
}
