package com.calsync.platform.macos;

import com.calsync.platform.DesktopNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS notifications through {@code osascript}, with the text passed as arguments and never
 * pasted into the script: {@code on run argv} receives "any arguments following the script … as a
 * list of strings" (osascript(1)), so quotes, backslashes and newlines in a calendar name are just
 * text. (FXTrayIcon builds {@code display notification "<text>"} by concatenation, and a quote in
 * the text breaks the script silently.)
 *
 * <p>Why not UNUserNotificationCenter: Apple's API works only for a process with a bundle
 * identifier ({@code currentNotificationCenter} raises NSInternalInconsistencyException "bundleProxy
 * != nil" otherwise — pyobjc issue 270 — which would end the JVM; the plain jar has none), and it asks the user for permission per signed app;
 * an ad-hoc-signed build gets no stable identity to hold that permission. osascript works for the
 * jar and the .app alike; macOS files its notifications under Script Editor in System Settings ›
 * Notifications.
 *
 * <p>The call never blocks the caller: osascript runs in the background and is killed after a
 * deadline; a failure is logged with what osascript printed.
 */
public final class AppleScriptNotifier implements DesktopNotifier {
    /** The script: the title and body come in as argv, so nothing in them is ever parsed as AppleScript. */
    static final List<String> SCRIPT = List.of(
            "on run argv",
            "display notification (item 2 of argv) with title (item 1 of argv)",
            "end run");
    /** macOS shows about four lines; longer text is cut here so a huge error does not reach the argv limit. */
    static final int MAX_TEXT = 1_000;
    private static final Logger log = LoggerFactory.getLogger(AppleScriptNotifier.class);

    private final Path osascript;
    private final Duration deadline;

    /**
     * @param osascript the osascript program ({@code /usr/bin/osascript})
     * @param deadline  how long it may take before it is killed
     */
    AppleScriptNotifier(Path osascript, Duration deadline) {
        this.osascript = osascript;
        this.deadline = deadline;
    }

    /** The notifier of a Mac: {@code /usr/bin/osascript}, 10 s. */
    public static AppleScriptNotifier system() {
        return new AppleScriptNotifier(Path.of("/usr/bin/osascript"), Duration.ofSeconds(10));
    }

    /** The command line for one notification: the script, then title and body as its arguments. */
    List<String> command(String title, String body) {
        List<String> argv = new ArrayList<>();
        argv.add(osascript.toString());
        for (String line : SCRIPT) {
            argv.add("-e");
            argv.add(line);
        }
        argv.add(plain(title));
        argv.add(plain(body));
        return argv;
    }

    private static String plain(String text) {
        String s = text == null ? "" : text;
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    @Override
    public void notify(String title, String body) {
        send(title, body);
    }

    /** Starts osascript; the future completes with its exit code (or -1 when it could not start or was killed). */
    CompletableFuture<Integer> send(String title, String body) {
        Process process;
        try {
            process = new ProcessBuilder(command(title, body)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            log.warn("cannot show the notification \"{}\": {} could not start ({})", plain(title), osascript, e.getMessage());
            return CompletableFuture.completedFuture(-1);
        }
        // osascript prints only an error, and little of it: read it as it comes so the pipe never fills
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        return process.onExit().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).handle((p, failure) -> {
            if (failure != null) {
                process.destroyForcibly();
                log.warn("the notification \"{}\" took longer than {} ms; osascript was stopped", plain(title),
                        deadline.toMillis(), failure instanceof TimeoutException ? null : failure);
                return -1;
            }
            int code = p.exitValue();
            if (code != 0) {
                log.warn("macOS did not show the notification \"{}\": osascript exited with {}: {}", plain(title), code,
                        output.join().strip());
            }
            return code;
        });
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] head = in.readNBytes(2_000);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(head, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
