package com.calsync.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code bench startup} ({@link BenchCommand}): how long the quick commands take as whole
 * processes, for each way of starting CalSync given (e.g. {@code target/bin/calsync}, which uses
 * the class-data archive, and {@code java -jar target/calsync.jar}): {@code --version},
 * {@code status} with no service running, then {@code status} while a {@code daemon} started the
 * same way runs (the daemon is stopped with {@code stop} afterwards). Each in a fresh CalSync home
 * whose demo config a first {@code sync} wrote. Medians of the repeats, wall and CPU time.
 */
final class StartupBenchmark {
    /** One command's median run. */
    record Row(String launcher, String command, TimedProcess median) {}

    private final PrintWriter progress;

    StartupBenchmark(PrintWriter progress) {
        this.progress = progress;
    }

    List<Row> run(List<List<String>> launchers, Path work, int repeats) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (List<String> launcher : launchers) {
            Path home = Files.createDirectories(work.resolve("home-" + ++n));
            Map<String, String> env = Map.of("CALSYNC_HOME", home.toString());
            String name = String.join(" ", launcher);
            progress.printf("  %s …%n", name);
            progress.flush();
            once(launcher, env, home, "sync"); // writes the demo config
            rows.add(new Row(name, "--version", median(launcher, env, home, repeats, "--version")));
            rows.add(new Row(name, "status (no service)", median(launcher, env, home, repeats, "status")));
            List<String> daemon = new ArrayList<>(launcher);
            daemon.add("daemon");
            ProcessBuilder serviceBuilder = new ProcessBuilder(daemon).redirectErrorStream(true)
                    .redirectOutput(home.resolve("daemon.log").toFile());
            serviceBuilder.environment().putAll(env);
            Process service = serviceBuilder.start();
            try {
                Path socket = home.resolve("state").resolve("calsync.sock");
                for (int i = 0; i < 600 && !Files.exists(socket); i++) {
                    Thread.sleep(100);
                }
                if (!Files.exists(socket)) {
                    throw new IOException("the daemon of " + name + " made no control socket in 60 s: "
                            + Files.readString(home.resolve("daemon.log")));
                }
                rows.add(new Row(name, "status (service running)", median(launcher, env, home, repeats, "status")));
                once(launcher, env, home, "stop");
                service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                service.destroy();
            }
        }
        return rows;
    }

    private static TimedProcess median(List<String> launcher, Map<String, String> env, Path home, int repeats, String command)
            throws IOException, InterruptedException {
        List<TimedProcess> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(once(launcher, env, home, command));
        }
        runs.sort(Comparator.comparingLong(TimedProcess::wallMillis));
        return runs.get(runs.size() / 2);
    }

    private static TimedProcess once(List<String> launcher, Map<String, String> env, Path home, String command)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(launcher);
        full.add(command);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        TimedProcess timed = TimedProcess.run(full, env, out, err);
        if (timed.exit() != 0 && !command.equals("status")) {
            throw new IOException("`" + String.join(" ", full) + "` exited with " + timed.exit() + ": "
                    + Files.readString(err));
        }
        return timed;
    }
}
