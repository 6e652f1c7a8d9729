package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.PairConfig;
import com.calsync.platform.ControlCharacters;
import com.calsync.sync.ItemChange;
import com.calsync.sync.Side;
import com.calsync.sync.SkippedItem;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.sync.SyncReport;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code calsync sync} prints for its runs, a few lines per pair. The service writes the
 * same text when the command line asks it to run the pairs, so the output does not depend on
 * which process synced. Calendar and server text is printed with its control characters escaped.
 */
public final class SyncReportText {
    /** How many changes and skipped items are listed per pair before "… and N more". */
    private static final int LISTED_ITEMS = 15;

    private final CalSyncConfig config;

    /** @param config names each pair's source and target */
    public SyncReportText(CalSyncConfig config) {
        this.config = config;
    }

    /** What {@code calsync sync} says when config.json has no pair to run. */
    public static String nothingConfigured(java.nio.file.Path configFile) {
        return "No pairs configured in " + configFile + ": nothing to sync.";
    }

    /** A whole-account pair reports each of its calendars as a pair of its own. */
    public static List<SyncReport> perCalendar(List<SyncReport> reports) {
        return reports.stream().flatMap(r -> r.calendars().isEmpty() ? Stream.of(r) : r.calendars().stream()).toList();
    }

    /** The worst outcome of {@code reports}: failed over partial over ok. */
    public static SyncOutcome worst(List<SyncReport> reports) {
        return reports.stream().map(SyncReport::outcome).max(Comparator.naturalOrder()).orElse(SyncOutcome.OK);
    }

    /** The lines for every report, each ending in a line break. */
    public String render(List<SyncReport> reports) {
        StringBuilder out = new StringBuilder();
        reports.forEach(r -> append(out, r));
        return out.toString();
    }

    private void append(StringBuilder out, SyncReport r) {
        String arrow = r.mode() == SyncMode.MIRROR ? " → " : " ↔ ";
        line(out, "%s (%s%s%s, %s)%s: %s in %d ms", r.pair(), sourceOf(r), arrow, targetOf(r), r.mode().jsonName(),
                r.dryRun() ? " [dry run: nothing was changed]" : "", outcome(r), r.durationMs());
        if (r.calendar() != null && r.calendar().targetCreated()) {
            line(out, "  %s the target calendar %s", r.dryRun() ? "would make" : "made", r.calendar().target());
        }
        if (!r.transform().isIdentity()) {
            line(out, "  copies: %s%s", r.transform().describe(),
                    r.leftOut() > 0 ? "; " + r.leftOut() + " event(s) left out" : "");
        }
        if (r.failure() != null) {
            line(out, "  failed: %s", esc(r.failure()));
            line(out, "  nothing was deleted; the next run starts again from the last good state.");
        }
        for (Side side : Side.values()) {
            long created = r.count(side, ItemChange.Kind.CREATED);
            long updated = r.count(side, ItemChange.Kind.UPDATED);
            long deleted = r.count(side, ItemChange.Kind.DELETED);
            if (created + updated + deleted > 0) {
                line(out, "  %s%s: %d created, %d updated, %d deleted", r.dryRun() ? "would change " : "",
                        side.label(), created, updated, deleted);
            }
        }
        List<ItemChange> changes = r.changes();
        for (int i = 0; i < Math.min(LISTED_ITEMS, changes.size()); i++) {
            ItemChange c = changes.get(i);
            line(out, "    %s%s on the %s: \"%s\" (%s)", r.dryRun() ? "would be " : "", c.kind().label(),
                    c.side().label(), esc(c.title()), esc(c.why()));
        }
        if (changes.size() > LISTED_ITEMS) {
            line(out, "    … and %d more (--json lists every one)", changes.size() - LISTED_ITEMS);
        }
        if (!r.skipped().isEmpty()) {
            long problems = r.skipped().stream().filter(SkippedItem::needsAttention).count();
            line(out, "  skipped %d item(s)%s:", r.skipped().size(),
                    problems == 0 ? "" : ", " + problems + " of them need you (marked !)");
            // the ones that need the user first, so the list's limit never hides them behind to-dos
            r.skipped().stream().sorted(Comparator.comparing((SkippedItem s) -> !s.needsAttention()))
                    .limit(LISTED_ITEMS).forEach(s -> line(out, "    %s%s %s: %s",
                            s.needsAttention() ? "! " : "", s.side().label(), esc(s.href()), esc(s.reason())));
            if (r.skipped().size() > LISTED_ITEMS) {
                line(out, "    … and %d more (--json lists every one)", r.skipped().size() - LISTED_ITEMS);
            }
        }
        if (!r.held().isEmpty()) {
            line(out, "  HELD: %d deletion(s) not carried out. %s", r.held().size(), esc(HeldDeletionsNote.of(r)));
        }
        r.errors().forEach(e -> line(out, "  error on the %s, %s: %s", e.side().label(),
                esc(e.title() == null || e.title().equals(e.key()) ? e.key() : "\"" + e.title() + "\" (" + e.key() + ")"),
                esc(e.message())));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(java.util.Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    /** The source as config.json names it, or for a whole-account pair's calendar, account and calendar. */
    private String sourceOf(SyncReport r) {
        if (r.calendar() != null) {
            return esc(r.calendar().source());
        }
        return config.pair(r.pair()).map(PairConfig::source).orElse("?");
    }

    private String targetOf(SyncReport r) {
        return r.calendar() != null ? esc(r.calendar().target()) : config.pair(r.pair()).map(PairConfig::target).orElse("?");
    }

    /** Calendar and server text, printed with its control characters (and line breaks) escaped. */
    private static String esc(String text) {
        return ControlCharacters.escape(text);
    }

    private static String outcome(SyncReport r) {
        if (r.outcome() == SyncOutcome.OK && r.nothingChanged()) {
            return "nothing to do";
        }
        return switch (r.outcome()) {
            case OK -> "done";
            case PARTIAL -> "done, needs attention";
            case FAILED -> "FAILED";
        };
    }
}
