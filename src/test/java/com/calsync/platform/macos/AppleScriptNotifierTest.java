package com.calsync.platform.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The osascript notifier. On Linux a stand-in osascript records the arguments it got: the text
 * must arrive whole, as arguments, whatever it holds. Only a Mac shows the notification itself.
 */
class AppleScriptNotifierTest {
    private static final String TITLE = "Calendar \"Work\" \\ 'failed'";
    private static final String BODY = "line 1\nend tell\" & do shell script \"touch /tmp/x\" & \"\n$(date) `id` \t日历 😀";

    @TempDir
    Path dir;

    @Test
    void theTextIsPassedAsArgumentsAndNeverPartOfTheScript() {
        AppleScriptNotifier notifier = new AppleScriptNotifier(Path.of("/usr/bin/osascript"), Duration.ofSeconds(5));
        List<String> argv = notifier.command(TITLE, BODY);

        assertThat(argv.subList(0, 7)).containsExactly("/usr/bin/osascript", "-e", "on run argv", "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run");
        assertThat(argv.subList(7, argv.size())).containsExactly(TITLE, BODY);
        assertThat(notifier.command(null, "x")).endsWith("", "x");
        assertThat(notifier.command("t", "y".repeat(5000)).get(8)).hasSize(AppleScriptNotifier.MAX_TEXT).endsWith("…");
    }

    @Test
    @Tag("external")
    void aRealProcessGetsTheTextByteForByte() throws Exception {
        Path received = dir.resolve("argv");
        Path fake = script("osascript", "#!/bin/sh\nprintf '%s\\0' \"$@\" > '" + received + "'\n");
        AppleScriptNotifier notifier = new AppleScriptNotifier(fake, Duration.ofSeconds(20));

        assertThat(notifier.send(TITLE, BODY).get(30, TimeUnit.SECONDS)).isZero();

        String[] args = new String(Files.readAllBytes(received), StandardCharsets.UTF_8).split("\0");
        assertThat(Arrays.asList(args)).containsExactly("-e", "on run argv", "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run", TITLE, BODY);
    }

    @Test
    @Tag("external")
    void aHangingOsascriptIsStoppedAtTheDeadlineAndAFailureIsReported() throws Exception {
        AppleScriptNotifier hanging = new AppleScriptNotifier(script("hang", "#!/bin/sh\nexec sleep 60\n"), Duration.ofMillis(300));
        assertThat(hanging.send("t", "b").get(30, TimeUnit.SECONDS)).isEqualTo(-1);

        AppleScriptNotifier failing = new AppleScriptNotifier(script("fail", "#!/bin/sh\necho 'execution error' >&2\nexit 1\n"),
                Duration.ofSeconds(20));
        assertThat(failing.send("t", "b").get(30, TimeUnit.SECONDS)).isEqualTo(1);

        AppleScriptNotifier missing = new AppleScriptNotifier(dir.resolve("no-such-program"), Duration.ofSeconds(1));
        assertThat(missing.send("t", "b").get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    private Path script(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
