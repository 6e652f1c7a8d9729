package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.transform.EventFilter.Rule;
import com.calsync.sync.transform.CopyMode;
import com.calsync.sync.transform.PairTransform;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A pair's copy settings and whole-account pairs in config.json: read, and each mistake named at its place. */
class PairTransformConfigTest {
    private static final Path HOME = Path.of("/home/wang");
    private final ConfigLoader loader = new ConfigLoader(HOME);

    private static String config(String pairs) {
        return """
                {
                  "accounts": {
                    "icloud": { "url": "https://caldav.icloud.com/", "username": "me@icloud.com" },
                    "nas":    { "url": "https://nas.local/dav/", "username": "me" }
                  },
                  "calendars": {
                    "family": { "account": "icloud", "name": "Family" },
                    "work":   { "account": "nas", "name": "Work" },
                    "backup": { "type": "folder", "path": "~/Calendars/backup" },
                    "feed":   { "type": "feed", "url": "https://example.org/h.ics" }
                  },
                  "pairs": [
                """ + pairs + """
                  ]
                }
                """;
    }

    private ConfigLoadResult parse(String pairs) {
        return loader.parse(config(pairs), "config.json", HOME.resolve(".config/calsync"));
    }

    private List<String> errors(String pairs) {
        return parse(pairs).errors().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aFamilyToWorkBusyPairIsRead() {
        ConfigLoadResult result = parse("""
                    { "name": "family-busy", "source": "family", "target": "work", "copy": "busy",
                      "busy_title": "Family time", "title_prefix": "[F] ", "skip": ["declined", "free", "all-day", "cancelled"],
                      "skip_title": "^private:" }
                """);

        assertThat(result.problems()).isEmpty();
        PairTransform t = result.config().orElseThrow().pair("family-busy").orElseThrow().transform();
        assertThat(t.copy()).isEqualTo(CopyMode.BUSY);
        assertThat(t.busyTitle()).isEqualTo("Family time");
        assertThat(t.titlePrefix()).isEqualTo("[F] ");
        assertThat(t.skip()).containsExactlyInAnyOrder(Rule.DECLINED, Rule.FREE, Rule.ALL_DAY, Rule.CANCELLED);
        assertThat(t.skipTitle()).contains("^private:");
        assertThat(t.owners()).as("the owner is the source account's user name, an e-mail address")
                .containsExactly("me@icloud.com");
    }

    @Test
    void aPairWithoutCopySettingsCopiesEventsAsTheyAre() {
        ConfigLoadResult result = parse("""
                    { "name": "p", "source": "family", "target": "work" }
                """);

        assertThat(result.config().orElseThrow().pair("p").orElseThrow().transform()).isEqualTo(PairTransform.NONE);
    }

    @Test
    void twoWayWithATransformIsAnErrorThatSaysWhyAtTheKey() {
        String text = """
                    { "name": "p", "source": "family", "target": "work", "mode": "two-way",
                      "copy": "busy" }
                """;

        assertThat(errors(text)).containsExactly("config.json:14:15: pairs[0].copy: a two-way pair copies events as they"
                + " are: \"copy\": \"busy\" leaves details behind, so a two-way pair would write the stripped copy back"
                + " over the original; use \"mode\": \"mirror\" (the source stays as it is and the target gets the"
                + " copies), or remove this key");
        assertThat(errors("""
                    { "name": "p", "source": "family", "target": "work", "mode": "two-way", "skip": ["free"] }
                """)).singleElement().asString().matches("config.json:13:\\d+: pairs\\[0\\]\\.skip: a two-way pair"
                + " copies events as they are: events left out.*");
        ConfigProblem atCopy = parse(text).errors().get(0);
        assertThat(config(text).split("\n", -1)[atCopy.line() - 1].substring(atCopy.column() - 1))
                .as("the problem points at the value of \"copy\"").startsWith("\"busy\"");
    }

    @Test
    void unknownValuesAreNamedWithSuggestions() {
        assertThat(errors("""
                    { "name": "p", "source": "family", "target": "work", "copy": "bussy",
                      "skip": ["declined", "allday"], "skip_title": "([a-z]" }
                """)).containsExactly(
                "config.json:13:66: pairs[0].copy: \"bussy\" is not one of full, no-details, busy, did you mean busy?",
                "config.json:14:28: pairs[0].skip[1]: \"allday\" is not one of free, declined, all-day, cancelled, did you"
                        + " mean all-day? (to leave out events by title, use \"skip_title\")",
                "config.json:14:53: pairs[0].skip_title: is not a valid regular expression: Unclosed group near"
                        + " position 6 (write a literal ( or [ as \\\\( or \\\\[)");
    }

    @Test
    void declinedNeedsAnOwnerWhenTheSourceAccountNameIsNoAddress() {
        // "work" is on account nas, whose user name "me" is no e-mail address
        assertThat(errors("""
                    { "name": "p", "source": "work", "target": "backup", "skip": ["declined"] }
                """)).singleElement().asString().startsWith("config.json:13:66: pairs[0].skip: \"declined\" needs to know"
                + " whose answer counts: add \"owner\"");
        ConfigLoadResult withOwner = parse("""
                    { "name": "p", "source": "work", "target": "backup", "skip": ["declined"], "owner": ["Me@Work.example"] }
                """);
        assertThat(withOwner.problems()).isEmpty();
        assertThat(withOwner.config().orElseThrow().pair("p").orElseThrow().transform().owners())
                .containsExactly("Me@Work.example");
    }

    @Test
    void settingsWithoutEffectAreWarnedAbout() {
        ConfigLoadResult result = parse("""
                    { "name": "p", "source": "family", "target": "work", "busy_title": "Busy!", "owner": "me@x.example" }
                """);

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:13:72: warning: pairs[0].busy_title: has no effect unless \"copy\" is \"busy\" (or"
                        + " \"no-details\", for events marked private)",
                "config.json:13:90: warning: pairs[0].owner: has no effect unless \"skip\" lists \"declined\"");
    }

    @Test
    void aWholeAccountPairNamesTheCalendarsAndWhereEachGoes() {
        ConfigLoadResult result = parse("""
                    { "name": "all", "source": "icloud:*", "target": "nas:*" },
                    { "name": "some", "source": "icloud:Fam*", "target": "nas:Copy of *", "copy": "busy" },
                    { "name": "files", "source": "icloud:*", "target": "backup" }
                """);

        assertThat(result.problems()).isEmpty();
        CalSyncConfig config = result.config().orElseThrow();
        WholeAccount all = config.pair("all").orElseThrow().wholeAccount().orElseThrow();
        assertThat(all).isEqualTo(new WholeAccount("icloud", "*", new WholeAccount.IntoAccount("nas", "*")));
        WholeAccount some = config.pair("some").orElseThrow().wholeAccount().orElseThrow();
        assertThat(some.matches("family")).isTrue();
        assertThat(some.matches("Work")).isFalse();
        assertThat(WholeAccount.targetName("Copy of *", "Family")).isEqualTo("Copy of Family");
        assertThat(config.pair("files").orElseThrow().wholeAccount().orElseThrow().target())
                .isEqualTo(new WholeAccount.IntoFolder("backup", HOME.resolve("Calendars/backup")));
        assertThat(config.pair("some").orElseThrow().transform().copy()).isEqualTo(CopyMode.BUSY);
    }

    @Test
    void wholeAccountMistakesAreNamedAtTheirKey() {
        assertThat(errors("""
                    { "name": "a", "source": "icloud:*", "target": "work" },
                    { "name": "b", "source": "family", "target": "nas:*" },
                    { "name": "c", "source": "icloud:*", "target": "nas:Work" },
                    { "name": "d", "source": "icloud:*", "target": "icloud:*" },
                    { "name": "e", "source": "icluod:*", "target": "nas:*" },
                    { "name": "f", "source": "icloud:", "target": "nas:*" }
                """)).containsExactly(
                "config.json:13:52: pairs[0].target: the source \"icloud:*\" names several calendars, so the target"
                        + " must hold one calendar for each: \"ACCOUNT:*\" (calendars of that name, made when missing) or"
                        + " a folder calendar (one sub-folder each); \"work\" is a caldav calendar",
                "config.json:14:30: pairs[1].source: \"family\" is one calendar, but the target \"nas:*\" names an"
                        + " account's calendars; a pair over calendars by name needs a source like \"nas:*\" too (or"
                        + " name one target calendar under \"calendars\")",
                "config.json:15:52: pairs[2].target: \"nas:Work\" must hold one * where each calendar's name goes, such as"
                        + " \"nas:*\" (the same names) or \"nas:Family *\"",
                "config.json:16:52: pairs[3].target: \"icloud:*\" would sync each calendar of account \"icloud\" with"
                        + " itself; name another account, or another name such as \"icloud:Copy of *\"",
                "config.json:17:30: pairs[4].source: no calendar named \"icluod:*\", and no account named \"icluod\","
                        + " did you mean icloud? for \"icluod:*\" to name its calendars (accounts: icloud, nas)",
                "config.json:18:30: pairs[5].source: names no calendars after \"icloud:\"; write \"icloud:*\" for all"
                        + " of them, or a name such as \"icloud:Work*\"");
    }

    @Test
    void aCalendarWhoseNameHasAColonIsStillACalendar() {
        String text = config("""
                    { "name": "p", "source": "icloud:odd", "target": "work" }
                """).replace("\"family\": {", "\"icloud:odd\": { \"type\": \"folder\", \"path\": \"~/odd\" }, \"family\": {");

        ConfigLoadResult result = loader.parse(text, "config.json", HOME);

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().orElseThrow().pair("p").orElseThrow().wholeAccount()).isEmpty();
    }

    @Test
    void theDesignDocumentsBusyPairLoads() {
        ConfigLoadResult result = loader.parse(ConfigLoaderTest.DESIGN_EXAMPLE.replace("""
                  "sync": { "interval_minutes": 10 } }                          // per-pair overrides
                """, """
                  "sync": { "interval_minutes": 10 } },                         // per-pair overrides
                { "name": "family-busy", "source": "mac-home", "target": "work", "mode": "mirror",
                  "copy": "busy" }                                              // times only, "Busy" titles
                """), "config.json", HOME);

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().orElseThrow().pair("family-busy").orElseThrow().transform())
                .isEqualTo(new PairTransform(CopyMode.BUSY, "Busy", "", Set.of(), Optional.empty(), Set.of()));
    }
}
