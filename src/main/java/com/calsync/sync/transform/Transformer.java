package com.calsync.sync.transform;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ComponentKind;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.transform.BusyCopy;
import com.calsync.ical.transform.ContentLine;
import com.calsync.ical.transform.CopyUid;
import com.calsync.ical.transform.DetailStripper;
import com.calsync.ical.transform.EventFilter;
import com.calsync.ical.transform.IcsDocument;
import com.calsync.ical.transform.OccurrenceRemover;
import com.calsync.ical.transform.TitlePrefix;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a pair's {@link PairTransform} to one source item: the copy the target gets, or why it
 * gets none. In order: the filter (a left-out master leaves out the item, a left-out override
 * becomes an exception of its series), then the copy mode (an event marked private or
 * confidential by CLASS is copied busy-only in a no-details pair too), the title prefix, and for
 * rewritten copies a UID of their own. An item the transform does not change comes back as it
 * was, the same text: the untransformed path stays byte-faithful. Safe to use from several threads.
 */
public final class Transformer {
    private static final Set<String> PRIVATE_CLASSES = Set.of("PRIVATE", "CONFIDENTIAL");

    private final PairTransform transform;
    private final String pair;
    private final Supplier<ItemParser> parser;
    private final EventFilter filter;
    private final OccurrenceRemover remover = new OccurrenceRemover();
    private final BusyCopy busy = new BusyCopy();
    private final DetailStripper stripper = new DetailStripper();
    private final TitlePrefix prefix = new TitlePrefix();

    /**
     * @param pair   the pair's name in config.json, from which the copies' UIDs are derived
     * @param parser reads the rewritten text back, for its fingerprint and to be sure it is valid
     *               (asked for on first use: an unchanged run parses nothing)
     */
    public Transformer(PairTransform transform, String pair, Supplier<ItemParser> parser) {
        this.transform = transform;
        this.pair = pair;
        this.parser = parser;
        this.filter = transform.filter();
    }

    public PairTransform transform() {
        return transform;
    }

    /** What the target gets of {@code item}. */
    public sealed interface Outcome permits Copy, LeftOut {}

    /** The copy to write; its UID is the copy's, which differs from the source's when the copy is rewritten. */
    public record Copy(CalendarItem item) implements Outcome {}

    /** The item is not copied, for {@code reason} ("declined by me@example.org"). */
    public record LeftOut(String reason) implements Outcome {}

    /**
     * @throws MalformedItemException when the rewritten text cannot be read back (a bug, or a
     *                                source item this code does not understand): the item is skipped
     */
    public Outcome apply(CalendarItem item) throws MalformedItemException {
        if (transform.isIdentity()) {
            return new Copy(item);
        }
        if (transform.copy() != CopyMode.FULL && item.kind() != ComponentKind.VEVENT) {
            return new LeftOut("it is a " + item.kind() + ", and \"copy\": \"" + transform.copy().jsonName()
                    + "\" copies only events");
        }
        IcsDocument document = IcsDocument.parse(item.text());
        OccurrenceRemover.Result filtered = remover.apply(document, filter);
        if (filtered instanceof OccurrenceRemover.LeftOut out) {
            return new LeftOut(out.reason());
        }
        OccurrenceRemover.Kept kept = (OccurrenceRemover.Kept) filtered;
        if (!transform.rewritesCopies() && kept.removed() == 0) {
            return new Copy(item);
        }
        document = kept.document();
        if (transform.copy() == CopyMode.BUSY || transform.copy() == CopyMode.NO_DETAILS && isPrivate(document)) {
            document = busy.apply(document, transform.busyTitle());
        } else if (transform.copy() == CopyMode.NO_DETAILS) {
            document = stripper.strip(document, true);
        }
        document = prefix.apply(document, transform.titlePrefix());
        if (transform.rewritesCopies()) {
            document = CopyUid.apply(document, CopyUid.of(pair, item.uid()));
        }
        return new Copy(parser.get().parse(document.text()));
    }

    /** The UID {@code sourceKey}'s copy has on the target. */
    public String copyUid(String sourceKey) {
        return transform.rewritesCopies() ? CopyUid.of(pair, sourceKey) : sourceKey;
    }

    private static boolean isPrivate(IcsDocument document) {
        return document.mainComponents().stream().flatMap(c -> c.properties("CLASS").stream())
                .map(ContentLine::value).anyMatch(v -> PRIVATE_CLASSES.contains(v.trim().toUpperCase(Locale.ROOT)));
    }
}
