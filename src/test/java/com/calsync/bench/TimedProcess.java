package com.calsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command run as a whole process, with its wall time and the CPU time (user + system) it and
 * its children used. On a shared, loaded machine the CPU time is the steadier figure: wall time
 * there is mostly waiting for a core. The CPU time comes from bash's {@code times} builtin, which
 * reports what the waited-for children used.
 */
record TimedProcess(int exit, long wallMillis, long cpuMillis) {
    private static final Pattern TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

    /** Runs {@code command} with {@code env} added, its output into {@code stdout} and {@code stderr}. */
    static TimedProcess run(List<String> command, Map<String, String> env, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        Path times = Files.createTempFile("calsync-bench-times", ".txt");
        try {
            List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "t=$1; shift; \"$@\"; rc=$?; times >\"$t\"; exit $rc",
                    "bash", times.toString()));
            wrapped.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(wrapped).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(env);
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            return new TimedProcess(exit, wallMillis, childrenCpuMillis(Files.readString(times, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** The second line of {@code times}: the children's user and system time, e.g. {@code 0m1.250s 0m0.310s}. */
    static long childrenCpuMillis(String timesOutput) {
        String[] lines = timesOutput.strip().split("\n");
        if (lines.length < 2) {
            return -1;
        }
        Matcher m = TIME.matcher(lines[1]);
        double seconds = 0;
        int found = 0;
        while (m.find()) {
            seconds += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
            found++;
        }
        return found == 2 ? Math.round(seconds * 1000) : -1;
    }
}
