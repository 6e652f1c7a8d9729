package com.calsync.service;

import com.calsync.sync.ItemChange;
import com.calsync.sync.ItemError;
import com.calsync.sync.Side;
import com.calsync.sync.SkippedItem;
import com.calsync.sync.SyncReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The stable JSON form of sync reports ({@code calsync sync --json}), documented in the README.
 * Field names are snake_case; new fields may be added, existing ones keep their meaning. The
 * service writes it too, for a {@code calsync sync --json} it runs for the command line.
 */
public final class SyncReportJson {
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode toJson(List<SyncReport> reports) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode pairs = root.putArray("pairs");
        reports.forEach(r -> pairs.add(pair(r)));
        return root;
    }

    public String render(List<SyncReport> reports) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(reports));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private ObjectNode pair(SyncReport r) {
        ObjectNode p = mapper.createObjectNode();
        p.put("pair", r.pair());
        p.put("mode", r.mode().jsonName());
        p.put("dry_run", r.dryRun());
        p.put("outcome", r.outcome().label());
        p.put("started", r.started().toString());
        p.put("duration_ms", r.durationMs());
        for (Side side : Side.values()) {
            ObjectNode s = p.putObject(side.label());
            s.put("created", r.count(side, ItemChange.Kind.CREATED));
            s.put("updated", r.count(side, ItemChange.Kind.UPDATED));
            s.put("deleted", r.count(side, ItemChange.Kind.DELETED));
            s.put("skipped", r.skipped().stream().filter(k -> k.side() == side).count());
            s.put("fetched", r.fetched().getOrDefault(side, 0));
            s.put("requests", r.requests().getOrDefault(side, 0L));
        }
        ArrayNode changes = p.putArray("changes");
        r.changes().forEach(c -> changes.add(change(c)));
        ArrayNode skipped = p.putArray("skipped");
        for (SkippedItem s : r.skipped()) {
            skipped.addObject().put("side", s.side().label()).put("href", s.href()).put("reason", s.reason())
                    .put("kind", s.kind().label());
        }
        ObjectNode guard = p.putObject("guard");
        guard.put("holding", !r.held().isEmpty());
        guard.put("note", HeldDeletionsNote.of(r));
        ArrayNode held = guard.putArray("held");
        r.held().forEach(c -> held.add(change(c)));
        ArrayNode errors = p.putArray("errors");
        for (ItemError e : r.errors()) {
            errors.addObject().put("side", e.side().label()).put("uid", e.key()).put("title", e.title())
                    .put("message", e.message());
        }
        p.put("failure", r.failure());
        ObjectNode transform = p.putObject("transform");
        transform.put("copy", r.transform().copy().jsonName());
        if (r.transform().copy() != com.calsync.sync.transform.CopyMode.FULL) {
            transform.put("busy_title", r.transform().busyTitle());
        } else {
            transform.putNull("busy_title");
        }
        if (r.transform().titlePrefix().isEmpty()) {
            transform.putNull("title_prefix");
        } else {
            transform.put("title_prefix", r.transform().titlePrefix());
        }
        ArrayNode skip = transform.putArray("skip");
        r.transform().skipNames().forEach(skip::add);
        transform.put("skip_title", r.transform().skipTitle().orElse(null));
        transform.put("left_out", r.leftOut());
        if (r.calendar() == null) {
            p.putNull("calendar");
        } else {
            ObjectNode calendar = p.putObject("calendar");
            calendar.put("account_pair", r.calendar().accountPair());
            calendar.put("source", r.calendar().source());
            calendar.put("target", r.calendar().target());
            calendar.put("target_created", r.calendar().targetCreated());
        }
        return p;
    }

    private ObjectNode change(ItemChange c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("side", c.side().label());
        n.put("action", c.kind().label());
        n.put("uid", c.key());
        n.put("title", c.title());
        n.put("href", c.href());
        n.put("why", c.why());
        return n;
    }
}
