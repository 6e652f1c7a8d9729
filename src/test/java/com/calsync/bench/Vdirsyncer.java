package com.calsync.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * vdirsyncer (the Debian package), run as a user would: a config naming one CalDAV collection on
 * each side ({@code collections = null}), {@code discover} once, then whole {@code sync}
 * processes, timed like CalSync's. It syncs both ways; with nothing on its target side and
 * nothing changed that is the same work as a mirror.
 */
final class Vdirsyncer {
    private final Path binary;
    private final String version;

    private Vdirsyncer(Path binary, String version) {
        this.binary = binary;
        this.version = version;
    }

    /** vdirsyncer on the PATH, if it answers --version. */
    static Optional<Vdirsyncer> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "vdirsyncer");
            if (Files.isExecutable(candidate)) {
                try {
                    Process p = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        return Optional.of(new Vdirsyncer(candidate, out.replaceFirst("(?s).*version\\s*", "")));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** First sync into the empty {@code target}, then the median of {@code repeats} no-change syncs. */
    CalDavBenchmark.Comparison measure(Path work, URI source, String user, String password, URI target, int repeats,
                                       PrintWriter progress) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("status"));
        Path config = work.resolve("config");
        Files.writeString(config, """
                [general]
                status_path = "%s"

                [pair bench]
                a = "source"
                b = "target"
                collections = null
                conflict_resolution = "a wins"

                [storage source]
                type = "caldav"
                url = "%s"
                username = "%s"
                password = "%s"

                [storage target]
                type = "caldav"
                url = "%s"
                """.formatted(work.resolve("status"), source, user == null ? "" : user, password == null ? "" : password,
                target), StandardCharsets.UTF_8);
        progress.printf("  vdirsyncer %s: the same calendar into %s …%n", version, target.getPath());
        progress.flush();
        run(work, config, "discover");
        TimedProcess first = run(work, config, "sync");
        List<TimedProcess> unchanged = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            unchanged.add(run(work, config, "sync"));
        }
        unchanged.sort(java.util.Comparator.comparingLong(TimedProcess::wallMillis));
        return new CalDavBenchmark.Comparison(version, first, unchanged.get(unchanged.size() / 2));
    }

    private TimedProcess run(Path work, Path config, String command) throws IOException, InterruptedException {
        Path log = work.resolve(command + ".log");
        TimedProcess timed = TimedProcess.run(List.of(binary.toString(), "-c", config.toString(), command), Map.of(), log,
                work.resolve(command + ".err"));
        if (timed.exit() != 0) {
            throw new IOException("`vdirsyncer " + command + "` exited with " + timed.exit() + ": " + Files.readString(log)
                    + Files.readString(work.resolve(command + ".err")));
        }
        return timed;
    }
}
