package com.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up benchmark on CalSync from this class path: each quick command, and status against a real daemon. */
@Tag("external")
class StartupBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void timesEachQuickCommandAndStatusWhileADaemonRuns() throws Exception {
        List<String> launcher = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "com.calsync.App");

        List<StartupBenchmark.Row> rows = new StartupBenchmark(new PrintWriter(new StringWriter(), true))
                .run(List.of(launcher), work, 1);

        assertThat(rows).extracting(StartupBenchmark.Row::command)
                .containsExactly("--version", "status (no service)", "status (service running)");
        assertThat(rows).allSatisfy(r -> assertThat(r.median().cpuMillis()).isPositive());
        assertThat(rows.get(0).median().exit()).isZero();
        assertThat(rows.get(2).median().exit()).as("status answered by the running daemon").isZero();
        assertThat(rows.get(1).median().exit()).as("status with no service").isNotZero();
    }
}
