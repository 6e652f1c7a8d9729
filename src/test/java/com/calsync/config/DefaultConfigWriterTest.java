package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultConfigWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void writesACommentedConfigThatLoadsWithoutAnyProblem(@TempDir Path home) throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.empty(), Map.of(), Os.LINUX, home);

        DefaultConfigWriter.FirstRun run = new DefaultConfigWriter(CLOCK, home).writeIfMissing(paths).orElseThrow();

        String text = Files.readString(paths.configFile());
        assertThat(text).contains("// ", "\"url\": \"~/.local/state/calsync/demo/sample-calendar.ics\"");
        for (SyncKey key : SyncKey.values()) {
            assertThat(text).contains("\"" + key.jsonName() + "\": " + SyncSettings.DEFAULTS.value(key));
        }
        ConfigLoadResult loaded = new ConfigLoader(home).load(paths.configFile());
        assertThat(loaded.problems()).isEmpty();
        CalSyncConfig config = loaded.config().orElseThrow();
        assertThat(config.sync()).isEqualTo(SyncSettings.DEFAULTS);
        PairConfig demo = config.pair(DefaultConfigWriter.DEMO_PAIR).orElseThrow();
        CalendarConfig.Feed source = (CalendarConfig.Feed) config.sourceOf(demo);
        assertThat(source.localFile()).contains(run.sampleFile());
        assertThat(config.targetOf(demo)).isEqualTo(new CalendarConfig.Folder(DefaultConfigWriter.DEMO_TARGET, run.demoFolder()));
        assertThat(Files.readString(run.sampleFile())).isEqualTo(new SampleCalendar(CLOCK).render());
        assertThat(run.describe()).contains(paths.configFile().toString(), run.demoFolder().toString());
    }

    @Test
    void filesAreForTheUserAlone(@TempDir Path base) throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(base.resolve("cs")), Map.of(), Os.LINUX, base);

        new DefaultConfigWriter(CLOCK, base).writeIfMissing(paths).orElseThrow();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.configFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.configDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.stateDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.demoDir()))).isEqualTo("rwx------");
        try (var left = Files.list(paths.configDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config.json", "state");
        }
    }

    @Test
    void anExistingConfigIsNeverTouched(@TempDir Path base) throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(base), Map.of(), Os.LINUX, base);
        Files.writeString(paths.configFile(), "{ \"sync\": {} }");

        assertThat(new DefaultConfigWriter(CLOCK, base).writeIfMissing(paths)).isEmpty();
        assertThat(Files.readString(paths.configFile())).isEqualTo("{ \"sync\": {} }");
        assertThat(paths.demoDir()).doesNotExist();
    }

    @Test
    void pathsOutsideHomeAreWrittenInFullAndEscaped(@TempDir Path base) throws Exception {
        Path odd = base.resolve("with \"quote\" and \\ slash");
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(odd), Map.of(), Os.LINUX, Path.of("/nonexistent-home"));

        DefaultConfigWriter.FirstRun run = new DefaultConfigWriter(CLOCK, Path.of("/nonexistent-home")).writeIfMissing(paths).orElseThrow();

        CalSyncConfig config = new ConfigLoader(Path.of("/nonexistent-home")).load(paths.configFile()).config().orElseThrow();
        assertThat(config.calendars().get(DefaultConfigWriter.DEMO_TARGET))
                .isEqualTo(new CalendarConfig.Folder(DefaultConfigWriter.DEMO_TARGET, run.demoFolder()));
    }
}
