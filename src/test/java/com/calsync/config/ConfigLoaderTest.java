package com.calsync.config;

import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path HOME = Path.of("/home/wang");
    private static final Path CONFIG_DIR = Path.of("/home/wang/.config/calsync");
    private final ConfigLoader loader = new ConfigLoader(HOME);

    /** DESIGN.md's example, comments and all. */
    static final String DESIGN_EXAMPLE = """
            {
              "sync": {                              // the seed's keys, unchanged: defaults for every pair
                "interval_minutes": 30, "sync_past_days": 30, "sync_future_days": 365,
                "expand_recurring": false, "verify_threshold": 1,
                "override_icloud_deletions": true, "skip_sync_on_too_many_missing": true
              },
              "accounts": {
                "icloud": { "type": "caldav", "url": "https://caldav.icloud.com/", "username": "me@icloud.com" }
              },
              "calendars": {
                "work":     { "account": "icloud", "name": "Work" },          // by display name or "path"
                "mirror":   { "type": "folder", "path": "~/Calendars/work" },
                "holidays": { "type": "feed", "url": "webcal://example.org/holidays.ics" },
                "mac-home": { "type": "eventkit", "name": "Home" }
              },
              "pairs": [
                { "name": "work-to-folder", "source": "work", "target": "mirror", "mode": "mirror",
                  "sync": { "interval_minutes": 10 } }                          // per-pair overrides
              ]
            }
            """;

    private ConfigLoadResult parse(String text) {
        return loader.parse(text, "config.json", CONFIG_DIR);
    }

    /** The text a problem points at, so each expected line:col is visibly right. */
    private static String textAt(String text, ConfigProblem p) {
        String line = text.split("\n", -1)[p.line() - 1];
        return line.substring(p.column() - 1);
    }

    @Test
    void loadsTheDesignExampleWithItsComments() {
        ConfigLoadResult result = parse(DESIGN_EXAMPLE);

        assertThat(result.problems()).isEmpty();
        CalSyncConfig config = result.config().orElseThrow();
        assertThat(config.sync()).isEqualTo(SyncSettings.DEFAULTS);
        assertThat(config.accounts().get("icloud"))
                .isEqualTo(new AccountConfig("icloud", URI.create("https://caldav.icloud.com/"), Optional.of("me@icloud.com")));
        assertThat(config.calendars()).containsOnlyKeys("work", "mirror", "holidays", "mac-home");
        assertThat(config.calendars().keySet()).containsExactly("work", "mirror", "holidays", "mac-home");
        assertThat(config.calendars().get("work"))
                .isEqualTo(new CalendarConfig.CalDav("work", "icloud", Optional.of("Work"), Optional.empty()));
        assertThat(config.calendars().get("mirror"))
                .isEqualTo(new CalendarConfig.Folder("mirror", Path.of("/home/wang/Calendars/work")));
        assertThat(config.calendars().get("holidays"))
                .isEqualTo(new CalendarConfig.Feed("holidays", URI.create("webcal://example.org/holidays.ics")));
        assertThat(config.calendars().get("mac-home"))
                .isEqualTo(new CalendarConfig.EventKit("mac-home", "Home", Optional.empty()));
        PairConfig pair = config.pairs().get(0);
        assertThat(pair.name()).isEqualTo("work-to-folder");
        assertThat(pair.mode()).isEqualTo(SyncMode.MIRROR);
        assertThat(pair.conflict()).isEqualTo(ConflictPolicy.SOURCE_WINS);
        assertThat(pair.enabled()).isTrue();
        assertThat(config.settingsFor(pair).intervalMinutes()).isEqualTo(10);
        assertThat(config.settingsFor(pair).syncFutureDays()).isEqualTo(365);
    }

    @Test
    void loadsASeedEraFileWithOnlyTheSyncSection() {
        // the seed README's own example, Chinese comments included
        String seed = """
                {
                    "sync": {
                        "interval_minutes": 30,  // 同步间隔（分钟）
                        "sync_past_days": 30,    // 同步过去天数
                        "sync_future_days": 365, // 同步未来天数
                        "expand_recurring": true, // 展开循环事件
                        "verify_threshold": 1,    // 验证阈值
                        "override_icloud_deletions": true, // 覆盖iCloud删除
                        "skip_sync_on_too_many_missing": true // 跳过过多缺失
                    }
                }
                """;
        ConfigLoadResult result = parse(seed);

        assertThat(result.problems()).isEmpty();
        CalSyncConfig config = result.config().orElseThrow();
        assertThat(config.pairs()).isEmpty();
        assertThat(config.sync().expandRecurring()).isTrue();
        assertThat(config.sync().intervalMinutes()).isEqualTo(30);
    }

    @Test
    void blockCommentsAndTrailingCommasAreAllowed() {
        String text = """
                /* written by hand */
                {
                  "sync": { "interval_minutes": 5, /* was 30 */ },
                  "pairs": [],
                }
                """;
        assertThat(parse(text).config().orElseThrow().sync().intervalMinutes()).isEqualTo(5);
    }

    @Test
    void missingKeysTakeTheDefaults() {
        CalSyncConfig config = parse("{ \"sync\": { \"interval_minutes\": 15 } }").config().orElseThrow();

        assertThat(config.sync()).isEqualTo(SyncSettings.DEFAULTS.with(SyncKey.INTERVAL_MINUTES, 15));
        assertThat(parse("{}").config().orElseThrow().sync()).isEqualTo(SyncSettings.DEFAULTS);
    }

    @Test
    void pairOverridesMergeOverTheTopLevelWhichMergesOverDefaults() {
        String text = """
                {
                  "sync": { "sync_past_days": 7, "max_missing_count": 50 },
                  "calendars": {
                    "a": { "type": "folder", "path": "a" },
                    "b": { "type": "folder", "path": "b" },
                    "c": { "type": "folder", "path": "/srv/c" },
                  },
                  "pairs": [
                    { "name": "plain", "source": "a", "target": "b" },
                    { "name": "tuned", "source": "a", "target": "c", "mode": "mirror", "enabled": false,
                      "sync": { "sync_past_days": 400, "expand_recurring": true, "max_missing_percent": 50 } },
                  ],
                }
                """;
        CalSyncConfig config = parse(text).config().orElseThrow();
        PairConfig plain = config.pair("plain").orElseThrow();
        PairConfig tuned = config.pair("tuned").orElseThrow();

        assertThat(config.settingsFor(plain)).isEqualTo(new SyncSettings(30, 7, 365, false, 1, true, true, 50, 20));
        assertThat(config.settingsFor(tuned)).isEqualTo(new SyncSettings(30, 400, 365, true, 1, true, true, 50, 50));
        assertThat(tuned.mode()).isEqualTo(SyncMode.MIRROR);
        assertThat(tuned.conflict()).isEqualTo(ConflictPolicy.SOURCE_WINS);
        assertThat(config.enabledPairs()).containsExactly(plain);
        // relative paths are relative to the config file's folder
        assertThat(config.calendars().get("a")).isEqualTo(new CalendarConfig.Folder("a", CONFIG_DIR.resolve("a")));
    }

    @Test
    void aWrongEnumValueNamesLineColumnAndTheChoices() {
        String text = """
                {
                  "calendars": { "w": { "type": "folder", "path": "~/w" }, "m": { "type": "folder", "path": "~/m" } },
                  "pairs": [
                    {
                      "name": "p",
                      "source": "w", "target": "m",
                      "mode":         "mirrror"
                    }
                  ]
                }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        ConfigProblem p = result.errors().get(0);
        assertThat(p.toString()).isEqualTo("config.json:7:23: pairs[0].mode: \"mirrror\" is not one of mirror, two-way, did you mean mirror?");
        assertThat(textAt(text, p)).startsWith("\"mirrror\"");
    }

    @Test
    void collectsEveryProblemInFileOrder() {
        String text = """
                {
                  "sync": {
                    "interval_minutes": "ten",
                    "sync_past_days": -1,
                    "expand_recurring": "yes",
                    "verify_threshold": "2",
                    "max_missing_percent": 150,
                    "intervl_minutes": 5
                  },
                  "accounts": {
                    "icloud": { "url": "caldav.icloud.com", "username": "me", "password": "hunter2" }
                  },
                  "calendars": {
                    "work": { "account": "icloude", "name": "Work" },
                    "mirror": { "type": "folder", "path": "~/m" },
                    "holidays": { "type": "feed", "url": "https://example.org/h.ics" },
                    "odd": { "type": "foldr", "path": "x" },
                    "both": { "account": "icloud", "name": "A", "path": "/cal/a/" }
                  },
                  "pairs": [
                    { "name": "a", "source": "wrok", "target": "mirror" },
                    { "name": "a", "source": "mirror", "target": "mirror" },
                    { "name": "c", "source": "mirror", "target": "holidays" },
                    { "name": "d", "source": "holidays", "target": "mirror", "mode": "two-way" },
                    { "name": "e f", "source": "mirror", "conflict": "me-wins" }
                  ]
                }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:3:25: sync.interval_minutes: must be a whole number from 1 to 525600 (a year) (got \"ten\")",
                "config.json:4:23: sync.sync_past_days: must be a whole number from 0 to 36500 (got -1)",
                "config.json:5:25: sync.expand_recurring: must be true or false (got \"yes\")",
                "config.json:6:25: sync.verify_threshold: must be a whole number ≥ 0, written without quotes (got \"2\")",
                "config.json:7:28: sync.max_missing_percent: must be a whole number from 0 to 100 (got 150)",
                "config.json:11:24: accounts.icloud.url: must be an http:// or https:// address such as https://caldav.icloud.com/ (got \"caldav.icloud.com\")",
                "config.json:11:63: accounts.icloud.password: passwords do not belong in config.json; set the environment variable"
                        + " CALSYNC_PASSWORD_ICLOUD or run `calsync account add icloud` (keeps it in the Keychain / Secret Service),"
                        + " then remove this key",
                "config.json:14:26: calendars.work.account: no account named \"icloude\", did you mean icloud? (accounts: icloud)",
                "config.json:17:22: calendars.odd.type: \"foldr\" is not one of caldav, folder, feed, eventkit, did you mean folder?",
                "config.json:18:57: calendars.both.path: give either \"name\" (the calendar's display name) or \"path\""
                        + " (its collection path on the server), not both",
                "config.json:21:30: pairs[0].source: no calendar named \"wrok\", did you mean work? (calendars: work, mirror, holidays, odd, both)",
                "config.json:22:15: pairs[1].name: another pair is already named \"a\" (pairs[0].name, line 21); pair names must be unique",
                "config.json:22:50: pairs[1].target: is the same calendar as the source (\"mirror\"); a pair needs two calendars",
                "config.json:23:50: pairs[2].target: calendar \"holidays\" is a feed, which is read-only: it can only be a source",
                "config.json:24:70: pairs[3].mode: two-way needs two writable calendars, but \"holidays\" is a read-only feed;"
                        + " use \"mode\": \"mirror\" with it as the source",
                "config.json:25:5: pairs[4]: needs \"target\": the name of an entry under \"calendars\", or \"ACCOUNT:*\" for every calendar of an account",
                "config.json:25:15: pairs[4].name: \"e f\": pair names may use letters, digits, '.', '_' and '-'"
                        + " (they are typed on the command line and name state files)",
                "config.json:25:54: pairs[4].conflict: \"me-wins\" is not one of source-wins, target-wins, newer-wins");
        assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:8:5: warning: sync.intervl_minutes: unknown key, ignored, did you mean interval_minutes?");
        // each value problem points at the value, each missing key at its object, a duplicate at its name
        List<String> pointedAt = List.of(
                        "\"ten\",", "-1,", "\"yes\",", "\"2\",", "150,", "\"caldav.iclo",
                        "\"password\":", "\"icloude\", ", "\"foldr\", \"pa", "\"/cal/a/\" }",
                        "\"wrok\", \"tar", "\"a\", \"source", "\"mirror\" },", "\"holidays\" ",
                        "\"two-way\" }", "{ \"name\": \"e", "\"e f\", \"sour", "\"me-wins\" }",
                        "\"intervl_min");
        assertThat(result.problems()).hasSameSizeAs(pointedAt);
        for (int i = 0; i < pointedAt.size(); i++) {
            assertThat(textAt(text, result.problems().get(i))).as(result.problems().get(i).toString()).startsWith(pointedAt.get(i));
        }
    }

    @Test
    void unknownKeysAreWarningsWithASuggestionAndTheConfigStillLoads() {
        String text = """
                {
                  "sync": { "intervl_minutes": 5 },
                  "calendars": { "a": { "type": "folder", "path": "a", "colour": "red" }, "b": { "type": "folder", "path": "b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b", "targte": "b" } ],
                  "paris": []
                }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.config()).isPresent();
        assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:2:13: warning: sync.intervl_minutes: unknown key, ignored, did you mean interval_minutes?",
                "config.json:3:56: warning: calendars.a.colour: unknown key, ignored (known keys: type, path)",
                "config.json:4:59: warning: pairs[0].targte: unknown key, ignored, did you mean target?",
                "config.json:5:3: warning: paris: unknown key, ignored, did you mean pairs?");
        for (ConfigProblem p : result.warnings()) {
            assertThat(textAt(text, p)).startsWith("\"" + p.path().substring(p.path().lastIndexOf('.') + 1));
        }
    }

    @Test
    void aPasswordIsRejectedWithWhereItBelongs() {
        String text = """
                { "accounts": { "fastmail": { "type": "caldav", "url": "https://caldav.fastmail.com/",
                                              "username": "me@fastmail.com", "password": "s3cret" } } }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("accounts.fastmail.password");
            assertThat(p.message()).contains("CALSYNC_PASSWORD_FASTMAIL", "calsync account add fastmail");
            assertThat(p.message()).doesNotContain("s3cret");
            assertThat(textAt(text, p)).startsWith("\"password\"");
        });
    }

    @Test
    void syntaxErrorsGiveLineColumnAndAPlainMessage() {
        ConfigProblem missingComma = parse("{\n  \"sync\": {\n    \"interval_minutes\": 30\n    \"sync_past_days\": 3\n  }\n}\n")
                .errors().get(0);
        assertThat(missingComma.line()).isEqualTo(4);
        assertThat(missingComma.column()).isEqualTo(5);
        assertThat(missingComma.message()).isEqualTo("unexpected character '\"': expected a comma between entries");

        ConfigProblem unclosed = parse("{\n  \"sync\": {\n    \"interval_minutes\": 30\n").errors().get(0);
        assertThat(unclosed.message()).isEqualTo("the file ends before the object { opened at line 2:11 is closed");

        ConfigProblem unclosedList = parse("{\n \"pairs\": [1,\n").errors().get(0);
        assertThat(unclosedList.toString()).isEqualTo("config.json:3:1: the file ends before the list [ opened at line 2:11 is closed");

        assertThat(parse("# comment\n{}").errors().get(0).toString()).isEqualTo(
                "config.json:1:1: unexpected character '#': expected a value: \"text\", a number, true, false, null, an object or a list");
        assertThat(parse("{} {}").errors().get(0).toString()).isEqualTo("config.json:1:4: more content after the end of the top-level value");

        ConfigProblem bareWord = parse("{ \"sync\": { \"interval_minutes\": ten } }").errors().get(0);
        assertThat(bareWord.toString()).startsWith("config.json:1:33: unrecognized word 'ten'");
    }

    @Test
    void columnsCountCharactersNotBytes() {
        String text = "{ \"calendars\": { \"中文\": { \"type\": \"folder\", \"path\": 1 } } }";
        ConfigProblem p = parse(text).errors().get(0);

        assertThat(p.path()).isEqualTo("calendars[\"中文\"].path");
        assertThat(p.column()).isEqualTo(text.indexOf(": 1") + 3);
    }

    @Test
    void duplicateKeysAreErrors() {
        String text = "{\n  \"pairs\": [],\n  \"pairs\": []\n}";
        ConfigLoadResult result = parse(text);

        assertThat(result.errors()).extracting(ConfigProblem::toString)
                .containsExactly("config.json:3:3: pairs: duplicate key \"pairs\" (first at line 2:3); keep one of them");
    }

    @Test
    void anEmptyFileOrANonObjectIsAnError() {
        assertThat(parse("  // nothing\n").errors()).extracting(ConfigProblem::message)
                .containsExactly("the file is empty; it needs a JSON object, at least {}");
        assertThat(parse("[]").errors()).extracting(ConfigProblem::message)
                .containsExactly("the file must hold one JSON object { … } (got a list)");
    }

    @Test
    void feedUrlsMayBeFilePathsAndTildeExpands() {
        String text = """
                { "calendars": {
                    "f1": { "type": "feed", "url": "~/Downloads/holidays.ics" },
                    "f2": { "type": "feed", "url": "feeds/x.ics" },
                    "f3": { "type": "feed", "url": "https://example.org/a.ics" },
                    "f4": { "type": "feed", "url": "ftp://example.org/a.ics" },
                    "f5": { "type": "folder", "path": "~bob/x" }
                } }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.errors()).extracting(ConfigProblem::path).containsExactly("calendars.f4.url", "calendars.f5.path");
        ConfigLoadResult ok = parse(text.replace("\"url\": \"ftp", "\"url\": \"https").replace("~bob/x", "~"));
        CalSyncConfig config = ok.config().orElseThrow();
        CalendarConfig.Feed f1 = (CalendarConfig.Feed) config.calendars().get("f1");
        assertThat(f1.localFile()).contains(Path.of("/home/wang/Downloads/holidays.ics"));
        assertThat(((CalendarConfig.Feed) config.calendars().get("f2")).localFile()).contains(CONFIG_DIR.resolve("feeds/x.ics"));
        assertThat(((CalendarConfig.Feed) config.calendars().get("f3")).localFile()).isEmpty();
        assertThat(config.calendars().get("f5")).isEqualTo(new CalendarConfig.Folder("f5", HOME));
    }

    @Test
    void twoEntriesForOneFolderAreNotTwoCalendars() {
        String text = """
                { "calendars": { "a": { "type": "folder", "path": "~/x" }, "b": { "type": "folder", "path": "/home/wang/x/" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b" } ] }
                """;
        assertThat(parse(text).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("are the same calendar (folder /home/wang/x)"));
    }

    @Test
    void conflictOnAMirrorIsAWarning() {
        String text = """
                { "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "c": { "type": "folder", "path": "c" }, "d": { "type": "folder", "path": "d" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b", "conflict": "target-wins" },
                             { "name": "q", "source": "c", "target": "d", "mode": "two-way", "conflict": "target-wins" } ] }
                """;
        ConfigLoadResult result = parse(text);

        assertThat(result.warnings()).extracting(ConfigProblem::path).containsExactly("pairs[0].conflict");
        assertThat(result.config().orElseThrow().pairs()).extracting(PairConfig::conflict)
                .containsExactly(ConflictPolicy.SOURCE_WINS, ConflictPolicy.TARGET_WINS);
    }

    @Test
    void referencesWithoutAnySectionSaySoInsteadOfListingNothing() {
        String text = """
                { "calendars": { "w": { "account": "icloud", "name": "Work" } },
                  "pairs": [ { "name": "p", "source": "w", "target": "x" } ] }
                """;
        assertThat(parse(text).errors()).extracting(ConfigProblem::message).containsExactly(
                "no account named \"icloud\": there is no \"accounts\" section; add one like"
                        + " { \"icloud\": { \"type\": \"caldav\", \"url\": …, \"username\": … } }",
                "no calendar named \"x\" (calendars: w)");
    }

    @Test
    void loadsFromDiskAndReportsAMissingOrNonUtf8File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        assertThat(new ConfigLoader(HOME).load(file).errors()).extracting(ConfigProblem::toString)
                .containsExactly(file + ": no such file");

        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        assertThat(new ConfigLoader(HOME).load(file).errors()).extracting(ConfigProblem::toString)
                .containsExactly(file + ":1:3: is not UTF-8 text: byte 0xE9 here is not valid UTF-8 (in Latin-1 or"
                        + " Windows-1252 it would be \"é\"); save the file as UTF-8");

        Files.writeString(file, "\uFEFF{ \"calendars\": { \"a\": { \"type\": \"folder\", \"path\": \"rel\" } } }");
        CalSyncConfig config = new ConfigLoader(HOME).load(file).config().orElseThrow();
        assertThat(config.calendars().get("a")).isEqualTo(new CalendarConfig.Folder("a", dir.resolve("rel")));
    }

    @Test
    void accountNamesMapToPasswordVariables() {
        assertThat(AccountConfig.passwordVariable("icloud")).isEqualTo("CALSYNC_PASSWORD_ICLOUD");
        assertThat(AccountConfig.passwordVariable("my-fastmail")).isEqualTo("CALSYNC_PASSWORD_MY_FASTMAIL");
        assertThat(parse("{ \"accounts\": { \"ä\": { \"url\": \"https://x.org/\" } } }").errors())
                .extracting(ConfigProblem::path).containsExactly("accounts[\"ä\"]");
    }

    @Test
    void expandingSeriesInATwoWayPairIsAnErrorAtItsMode() {
        ConfigLoadResult result = parse("""
                {
                  "sync": { "expand_recurring": true },
                  "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "c": { "type": "folder", "path": "c" } },
                  "pairs": [ { "name": "m", "source": "a", "target": "b" },
                             { "name": "t", "source": "a", "target": "c", "mode": "two-way" } ]
                }
                """);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pairs[1].mode");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("expand_recurring").contains("mirror");
        });
    }

    @Test
    void anIntervalLongerThanAYearIsRefusedWithItsLine() {
        ConfigLoadResult result = parse("""
                {
                  "sync": { "interval_minutes": 525600 },
                  "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" } },
                  "pairs": [ { "name": "p", "source": "a", "target": "b", "sync": { "interval_minutes": 153722868 } } ]
                }
                """);

        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:4:89: pairs[0].sync.interval_minutes: must be a whole number from 1 to 525600 (a year)"
                        + " (got 153722868)");
    }

    @Test
    void twoPairsWritingOneCalendarAreAnError() {
        ConfigLoadResult result = parse("""
                {
                  "calendars": { "a": { "type": "folder", "path": "a" }, "b": { "type": "folder", "path": "b" },
                                 "same-as-b": { "type": "folder", "path": "./b" }, "c": { "type": "folder", "path": "c" },
                                 "d": { "type": "folder", "path": "d" } },
                  "pairs": [ { "name": "first", "source": "a", "target": "b" },
                             { "name": "second", "source": "c", "target": "same-as-b" },
                             { "name": "both-ways", "source": "b", "target": "d", "mode": "two-way" },
                             { "name": "off", "source": "c", "target": "b", "enabled": false },
                             { "name": "reads-b", "source": "b", "target": "c" } ]
                }
                """);

        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:6:59: pairs[1].target: calendar \"same-as-b\" (folder /home/wang/.config/calsync/b) is already"
                        + " written by pair \"first\" (pairs[0].target, line 5); two pairs writing one calendar undo each other's"
                        + " changes on every run. Let one pair write it (a two-way pair writes both of its calendars),"
                        + " or give the other pair a calendar of its own, or set \"enabled\": false on one of them",
                "config.json:7:47: pairs[2].source: calendar \"b\" (folder /home/wang/.config/calsync/b) is already written by"
                        + " pair \"first\" (pairs[0].target, line 5); two pairs writing one calendar undo each other's"
                        + " changes on every run. Let one pair write it (a two-way pair writes both of its calendars),"
                        + " or give the other pair a calendar of its own, or set \"enabled\": false on one of them");
    }

    @Test
    void aNonUtf8FileNamesTheLineAndColumnOfItsFirstBadByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        byte[] head = "{\n  // 同步\n  \"x\": \"caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '}';
        Files.write(file, bytes);

        ConfigProblem p = new ConfigLoader(HOME).load(file).errors().get(0);

        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(12);
        assertThat(p.message()).contains("0xE9").contains("\"é\"").contains("save the file as UTF-8");
    }
}
