package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json's {@code limits} section and an account's {@code ca_file}. */
class ConfigLimitsTest {
    @TempDir
    Path home;

    private ConfigLoadResult parse(String text) {
        return new ConfigLoader(home).parse(text, "config.json", home.resolve(".config/calsync"));
    }

    @Test
    void withoutALimitsSectionTheDefaultsHold() {
        CalSyncConfig config = parse("{}").config().orElseThrow();

        assertThat(config.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(Limits.DEFAULTS).isEqualTo(new Limits(60, 30, 64, 4));
    }

    @Test
    void writesInFlightCanBeTurnedDownToOneAtATimeAndAreCapped() {
        assertThat(parse("{ \"limits\": { \"max_writes_in_flight\": 1 } }").config().orElseThrow().limits())
                .isEqualTo(new Limits(60, 30, 64, 1));

        ConfigLoadResult tooMany = parse("{ \"limits\": {\n  \"max_writes_in_flight\": 50 } }");
        assertThat(tooMany.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:2:27: limits.max_writes_in_flight: must be a whole number from 1 to 8 (got 50)");
    }

    @Test
    void eachLimitCanBeRaisedAndAMissingOneKeepsItsDefault() {
        CalSyncConfig config = parse("{ \"limits\": { \"max_response_mb\": 256, \"run_timeout_minutes\": 90 } }")
                .config().orElseThrow();

        assertThat(config.limits()).isEqualTo(new Limits(60, 90, 256));
        assertThat(config.limits().runTimeout()).hasMinutes(90);
    }

    @Test
    void aLimitOutOfRangeOrInQuotesNamesTheKeyTheLineAndTheRange() {
        ConfigLoadResult result = parse("""
                { "limits": {
                    "request_timeout_seconds": 0,
                    "max_response_mb": "64",
                    "max_respons_mb": 1
                } }
                """);

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "config.json:2:32: limits.request_timeout_seconds: must be a whole number from 5 to 3600 (got 0)",
                "config.json:3:24: limits.max_response_mb: must be a whole number from 1 to 4096, written without quotes"
                        + " (got \"64\")");
        assertThat(result.warnings()).extracting(ConfigProblem::path).containsExactly("limits.max_respons_mb");
    }

    @Test
    void aNumberNoJavaTypeCanHoldIsASyntaxErrorAtItNotACrash() {
        // found by ConfigLoaderFuzzTest: Jackson threw a bare NumberFormatException out of the loader
        ConfigLoadResult result = parse("{ \"limits\": {\n  \"max_response_mb\": 9e555555555555555599 } }");

        assertThat(result.config()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("9e555555555555555599 is out of range");
        });
    }

    @Test
    void anAccountsCaFileIsAPathRelativeToTheConfigFolderAndAMissingOneIsAWarning() throws Exception {
        Path ca = Files.createDirectories(home.resolve(".config/calsync")).resolve("home-ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n");
        String text = """
                { "accounts": {
                    "nas": { "url": "https://nas.local/dav/", "username": "me", "ca_file": "home-ca.pem" },
                    "gone": { "url": "https://other.local/", "username": "me", "ca_file": "~/certs/none.pem" }
                } }
                """;

        ConfigLoadResult result = parse(text);

        CalSyncConfig config = result.config().orElseThrow();
        assertThat(config.accounts().get("nas").caFile()).isEqualTo(Optional.of(ca));
        assertThat(config.accounts().get("gone").caFile()).isEqualTo(Optional.of(home.resolve("certs/none.pem")));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("accounts.gone.ca_file");
            assertThat(w.message()).contains("no such file", "PEM certificate of your server's CA");
        });
    }
}
