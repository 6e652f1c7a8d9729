package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionProviderTest {
    @TempDir
    Path home;

    @Test
    void theVersionNamesTheOperatingSystemCalSyncWasGiven() {
        StringWriter out = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                Map.of(), Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.named("Plan 9"), home);

        assertThat(CalSyncCommand.commandLine(environment).execute("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("calsync ").contains("Java ", ", Plan 9 ");
    }
}
