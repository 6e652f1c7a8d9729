package com.calsync.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.file.Path;

/**
 * config.json is typed by people: whatever it holds, the loader never throws, it reports
 * problems. Replays {@code ConfigLoaderFuzzTestInputs/} in every build; src/docs/fuzzing.md fuzzes it.
 */
class ConfigLoaderFuzzTest {
    private final ConfigLoader loader = new ConfigLoader(Path.of("/home/someone"));

    @FuzzTest(maxDuration = "24h")
    void parse(@NotNull String text) {
        ConfigLoadResult result = loader.parse(text, "config.json", Path.of("/home/someone/.config/calsync"));
        result.errors().forEach(ConfigProblem::toString);
        result.warnings().forEach(ConfigProblem::toString);
    }
}
