package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** config.json's "app" section: notifications and log level, checked like every other key. */
class AppSettingsTest {
    private final ConfigLoader loader = new ConfigLoader(Path.of("/home/me"));

    private ConfigLoadResult parse(String text) {
        return loader.parse(text, "config.json", Path.of("/home/me"));
    }

    @Test
    void absentMeansNotificationsOnAndTheBuiltInLevel() {
        assertThat(parse("{}").config().orElseThrow().app()).isEqualTo(AppSettings.DEFAULTS);
    }

    @Test
    void bothKeysAreRead() {
        AppSettings app = parse("{ \"app\": { \"notifications\": false, \"log_level\": \"debug\" } }").config().orElseThrow().app();

        assertThat(app).isEqualTo(new AppSettings(false, Optional.of(AppSettings.LogLevel.DEBUG)));
    }

    @Test
    void wrongValuesAreNamedWithTheirLine() {
        ConfigLoadResult result = parse("{\n  \"app\": { \"notifications\": \"yes\", \"log_level\": \"verbose\", \"colour\": 1 }\n}");

        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:2:29: app.notifications: must be true or false (got \"yes\")",
                "config.json:2:49: app.log_level: \"verbose\" is not one of debug, info, warn, error");
        assertThat(result.warnings()).singleElement().asString().contains("app.colour: unknown key");
    }
}
