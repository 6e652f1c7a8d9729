package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.App;
import com.calsync.service.ControlServer;
import com.calsync.service.StatusFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick commands run in a JVM whose class path holds CalSync's own classes and nothing else:
 * proof that they load no library (picocli, Jackson, Logback), which is what makes them start fast.
 */
@Tag("external")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FastPathProcessTest {
    @TempDir
    Path home;

    private record Result(int code, String out) {
    }

    private Result calsync(String... args) throws IOException, InterruptedException {
        Path classes;
        try {
            classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), "com.calsync.App", "--home", home.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    @Test
    void statusVersionAndLogsNeedNoLibraryWhileSyncDoes() throws Exception {
        Result version = calsync("--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).startsWith("calsync ");

        Result notRunning = calsync("status");
        assertThat(notRunning.code()).as(notRunning.out()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(notRunning.out()).contains("CalSync is not running and has not run yet");

        ObjectMapper json = StatusFile.mapper();
        try (ControlServer server = new ControlServer(home.resolve("state/calsync.sock"), request -> {
            var ok = json.createObjectNode().put("ok", true).put("pid", 4242);
            return request.path("cmd").asText().equals("status") ? ok.set("status", json.valueToTree(FastPathTest.running()))
                    : ok.put("state", "paused");
        }).start()) {
            Result status = calsync("status", "--json");
            assertThat(status.code()).as(status.out()).isZero();
            assertThat(status.out()).contains("\"pid\" : 4242", "\"name\" : \"work\"");
            Result pause = calsync("pause");
            assertThat(pause.out()).isEqualTo("CalSync is paused.\n");
        }

        Result sync = calsync("sync");
        assertThat(sync.code()).as("the full command line needs its libraries").isNotZero();
        assertThat(sync.out()).contains("NoClassDefFoundError");
    }
}
