package com.calsync.cli;

import com.calsync.service.ControlClient;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceState;
import com.calsync.service.StatusFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prints (asserts nothing) what the headless daemon costs: the time from running
 * {@code calsync start} to {@code status} answering, and idle resident memory and CPU time over
 * a minute with three folder pairs configured. Linux only (reads /proc).
 *
 * <p>Run: {@code java -cp <test class path> com.calsync.cli.DaemonFootprint [idle-seconds]}
 */
public final class DaemonFootprint {
    private DaemonFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path home = Files.createTempDirectory("calsync-footprint");
        StringBuilder calendars = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        for (int p = 1; p <= 3; p++) {
            Path src = Files.createDirectories(home.resolve("src" + p));
            Files.createDirectories(home.resolve("dst" + p));
            for (int i = 1; i <= 50; i++) {
                Files.writeString(src.resolve("e" + i + ".ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                        "PRODID:-//CalSync footprint//EN", "BEGIN:VEVENT", "UID:p" + p + "-e" + i + "@footprint",
                        "DTSTAMP:20261101T000000Z",
                        "DTSTART:" + java.time.LocalDate.now().plusDays(i).toString().replace("-", "") + "T090000Z",
                        "DURATION:PT1H", "SUMMARY:Event " + i, "END:VEVENT", "END:VCALENDAR", ""));
            }
            calendars.append(p > 1 ? "," : "").append("\"s").append(p).append("\":{\"type\":\"folder\",\"path\":\"src").append(p)
                    .append("\"},\"d").append(p).append("\":{\"type\":\"folder\",\"path\":\"dst").append(p).append("\"}");
            pairs.append(p > 1 ? "," : "").append("{\"name\":\"pair").append(p).append("\",\"source\":\"s").append(p)
                    .append("\",\"target\":\"d").append(p).append("\",\"sync\":{\"interval_minutes\":").append(5 * p).append("}}");
        }
        Files.writeString(home.resolve("config.json"), "{\"calendars\":{" + calendars + "},\"pairs\":[" + pairs + "]}");

        String java = ProcessHandle.current().info().command().orElseThrow();
        long t0 = System.nanoTime();
        Process start = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dcalsync.logging=builtin", "com.calsync.App", "start", "--home", home.toString())
                .redirectErrorStream(true).start();
        ControlClient client = new ControlClient(home.resolve("state/calsync.sock"));
        Optional<JsonNode> status = Optional.empty();
        while (status.isEmpty()) {
            status = client.send(client.request("status"));
            if (status.isEmpty()) {
                Thread.sleep(10);
            }
        }
        long answeredMs = (System.nanoTime() - t0) / 1_000_000;
        start.waitFor();
        String startOutput = new String(start.getInputStream().readAllBytes()).trim();
        long pid = status.get().path("pid").asLong();
        System.out.println("calsync start → status answering: " + answeredMs + " ms (start printed: " + startOutput + ")");

        // idle means after the first run of every pair
        while (true) {
            ServiceSnapshot s = StatusFile.mapper().treeToValue(client.send(client.request("status")).orElseThrow().get("status"),
                    ServiceSnapshot.class);
            if (s.pairs().stream().allMatch(p -> p.lastResult() != null) && s.state() == ServiceState.IDLE) {
                break;
            }
            Thread.sleep(200);
        }
        long ticksPerSecond = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start()
                .getInputStream().readAllBytes()).trim());
        long cpuBefore = cpuTicks(pid);
        long rssMax = 0;
        for (int i = 0; i < idleSeconds; i++) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, rssKb(pid));
        }
        long cpuMs = (cpuTicks(pid) - cpuBefore) * 1000 / ticksPerSecond;
        System.out.println("idle over " + idleSeconds + " s with 3 pairs: RSS " + rssKb(pid) / 1024 + " MB (max " + rssMax / 1024
                + " MB), CPU " + cpuMs + " ms (" + String.format("%.3f", cpuMs / (idleSeconds * 10.0)) + " % of a core)");
        System.out.println("JVM options of the daemon: " + DetachedDaemonLauncher.JVM_OPTIONS);
        client.send(client.request("stop"));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    private static long rssKb(long pid) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        return lines.stream().filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElse(0);
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the ")" that ends the command name: state is field 3, utime 14, stime 15
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
