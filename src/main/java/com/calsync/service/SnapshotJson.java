package com.calsync.service;

import com.calsync.platform.JsonText;
import com.calsync.service.ServiceSnapshot.PairStatus;
import com.calsync.service.ServiceSnapshot.Progress;
import com.calsync.service.ServiceSnapshot.RunRecord;
import com.calsync.service.ServiceSnapshot.RunResult;
import com.calsync.service.ServiceSnapshot.SideCounts;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ServiceSnapshot} to and from JSON with the JDK alone ({@link JsonText}), for the command
 * line's quick path ({@code calsync status}, {@code test}), which must not wait for Jackson to
 * load. The names and forms are those {@link StatusFile#mapper()} uses (status.json, the control
 * socket's answers); {@code SnapshotJsonTest} holds both to the same text.
 */
public final class SnapshotJson {
    private SnapshotJson() {
    }

    /** A snapshot from status.json's text or a status answer's {@code "status"} object. */
    public static ServiceSnapshot read(Map<String, Object> o) {
        return new ServiceSnapshot(bool(o, "running"), number(o, "pid"), instant(o, "started"), instant(o, "stopped"),
                enumOf(o, "state", ServiceState::ofJsonName), string(o, "current_pair"), instant(o, "last_sync"),
                instant(o, "next_sync"), number(o, "sync_count"), number(o, "error_count"), boxed(o, "last_duration_ms"),
                string(o, "config_file"), string(o, "config_error"), list(o, "pairs", SnapshotJson::pair),
                list(o, "history", SnapshotJson::runRecord), object(o, "progress", p -> new Progress(number(p, "done"),
                        number(p, "total"))));
    }

    /** One run's result, as the {@code sync} answer with {@code wait} lists them. */
    public static RunResult readRunResult(Map<String, Object> o) {
        return new RunResult(enumOf(o, "outcome", SyncOutcome::ofLabel), instant(o, "finished"), number(o, "duration_ms"),
                object(o, "source", SnapshotJson::counts), object(o, "target", SnapshotJson::counts), (int) number(o, "skipped"),
                (int) number(o, "held"), string(o, "guard_note"), (int) number(o, "errors"), string(o, "failure"),
                string(o, "held_reason"), strings(o, "held_titles"));
    }

    /** {@code s} as Jackson writes it with its default pretty printer (what {@code status --json} prints). */
    public static String pretty(ServiceSnapshot s) {
        return JsonText.pretty(tree(s));
    }

    /** {@code s} as a tree of maps and lists, in the field order Jackson uses. */
    public static Map<String, Object> tree(ServiceSnapshot s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("running", s.running());
        o.put("pid", s.pid());
        o.put("started", text(s.started()));
        o.put("stopped", text(s.stopped()));
        o.put("state", s.state() == null ? null : s.state().jsonName());
        o.put("current_pair", s.currentPair());
        o.put("last_sync", text(s.lastSync()));
        o.put("next_sync", text(s.nextSync()));
        o.put("sync_count", s.syncCount());
        o.put("error_count", s.errorCount());
        o.put("last_duration_ms", s.lastDurationMs());
        o.put("config_file", s.configFile());
        o.put("config_error", s.configError());
        o.put("pairs", s.pairs().stream().map(SnapshotJson::tree).toList());
        o.put("history", s.history().stream().map(SnapshotJson::tree).toList());
        o.put("progress", s.progress() == null ? null : progress(s.progress()));
        return o;
    }

    private static Map<String, Object> tree(PairStatus p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", p.name());
        o.put("source", p.source());
        o.put("target", p.target());
        o.put("mode", p.mode() == null ? null : p.mode().jsonName());
        o.put("interval_minutes", (long) p.intervalMinutes());
        o.put("running", p.running());
        o.put("next_run", text(p.nextRun()));
        o.put("sync_count", p.syncCount());
        o.put("error_count", p.errorCount());
        o.put("consecutive_failures", (long) p.consecutiveFailures());
        o.put("last_result", p.lastResult() == null ? null : tree(p.lastResult()));
        o.put("last_error", p.lastError());
        // absent unless set, as @JsonInclude(NON_NULL) has Jackson write them
        if (p.parent() != null) {
            o.put("parent", p.parent());
        }
        if (p.transform() != null) {
            o.put("transform", p.transform());
        }
        return o;
    }

    /** A run's result as the {@code status} and {@code sync} answers carry it. */
    public static Map<String, Object> tree(RunResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("outcome", r.outcome() == null ? null : r.outcome().label());
        o.put("finished", text(r.finished()));
        o.put("duration_ms", r.durationMs());
        o.put("source", r.source() == null ? null : tree(r.source()));
        o.put("target", r.target() == null ? null : tree(r.target()));
        o.put("skipped", (long) r.skipped());
        o.put("held", (long) r.held());
        o.put("guard_note", r.guardNote());
        o.put("errors", (long) r.errors());
        o.put("failure", r.failure());
        o.put("held_reason", r.heldReason());
        o.put("held_titles", r.heldTitles());
        return o;
    }

    private static Map<String, Object> tree(SideCounts c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("created", c.created());
        o.put("updated", c.updated());
        o.put("deleted", c.deleted());
        return o;
    }

    private static Map<String, Object> tree(RunRecord r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("pair", r.pair());
        o.put("time", text(r.time()));
        o.put("duration_ms", r.durationMs());
        o.put("changes", r.changes());
        o.put("outcome", r.outcome() == null ? null : r.outcome().label());
        return o;
    }

    private static Map<String, Object> progress(Progress p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("done", p.done());
        o.put("total", p.total());
        return o;
    }

    // --- reading ---------------------------------------------------------------------------------

    private static PairStatus pair(Map<String, Object> o) {
        return new PairStatus(string(o, "name"), string(o, "source"), string(o, "target"),
                enumOf(o, "mode", SyncMode::ofJsonName), (int) number(o, "interval_minutes"), bool(o, "running"),
                instant(o, "next_run"), number(o, "sync_count"), number(o, "error_count"),
                (int) number(o, "consecutive_failures"), object(o, "last_result", SnapshotJson::readRunResult),
                string(o, "last_error"), string(o, "parent"), string(o, "transform"));
    }

    private static SideCounts counts(Map<String, Object> o) {
        return new SideCounts(number(o, "created"), number(o, "updated"), number(o, "deleted"));
    }

    private static RunRecord runRecord(Map<String, Object> o) {
        return new RunRecord(string(o, "pair"), instant(o, "time"), number(o, "duration_ms"), number(o, "changes"),
                enumOf(o, "outcome", SyncOutcome::ofLabel));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String string(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v == null ? null : v.toString();
    }

    private static boolean bool(Map<String, Object> o, String name) {
        return Boolean.TRUE.equals(o.get(name));
    }

    private static long number(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static Long boxed(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v instanceof Number n ? n.longValue() : null;
    }

    private static Instant instant(Map<String, Object> o, String name) {
        String v = string(o, name);
        return v == null ? null : Instant.parse(v);
    }

    private static <E> E enumOf(Map<String, Object> o, String name, Function<String, E> byName) {
        String v = string(o, name);
        return v == null ? null : byName.apply(v);
    }

    @SuppressWarnings("unchecked")
    private static <T> T object(Map<String, Object> o, String name, Function<Map<String, Object>, T> read) {
        return o.get(name) instanceof Map<?, ?> m ? read.apply((Map<String, Object>) m) : null;
    }

    private static List<String> strings(Map<String, Object> o, String name) {
        List<String> out = new ArrayList<>();
        if (o.get(name) instanceof List<?> l) {
            l.forEach(e -> out.add(String.valueOf(e)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> o, String name, Function<Map<String, Object>, T> read) {
        List<T> out = new ArrayList<>();
        if (o.get(name) instanceof List<?> l) {
            for (Object e : l) {
                if (e instanceof Map<?, ?> m) {
                    out.add(read.apply((Map<String, Object>) m));
                }
            }
        }
        return out;
    }
}
