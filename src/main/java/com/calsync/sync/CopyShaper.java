package com.calsync.sync;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.OpaqueItem;
import com.calsync.ical.ReadItem;
import com.calsync.ical.RecurrenceExpander;
import com.calsync.ical.TimeWindow;
import com.calsync.sync.transform.Transformer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the target is to get of one source item: each occurrence of a series when the pair expands
 * series ({@code expand_recurring}), each passed through the pair's transform (copy mode, filters,
 * title prefix). This is the one place both apply: reading the source ({@link SideReader}) and
 * writing a copy whose source was not fetched in the run ({@link PlanApplier}) go through it, so
 * what is compared and what is written always agree.
 */
final class CopyShaper {
    private final IcalKit ical;
    private final boolean expand;
    private final TimeWindow window;
    private final Transformer transformer;

    CopyShaper(IcalKit ical, boolean expand, TimeWindow window, Transformer transformer) {
        this.ical = ical;
        this.expand = expand;
        this.window = window;
        this.transformer = transformer;
    }

    /**
     * One item the target is to get (or not).
     *
     * @param key       the item's key: its source UID (with the occurrence for an expanded series)
     * @param source    the source's item (an occurrence of it, when expanded), for its title
     * @param copy      what to write to the target; null when the filters leave it out
     * @param leftOut   why the filters leave it out; null when it is copied
     */
    record Shaped(String key, CalendarItem source, CalendarItem copy, String leftOut) {}

    boolean expands() {
        return expand;
    }

    /**
     * The occurrences of {@code item} in the window when the pair expands series (with what was
     * left out), else the item itself.
     */
    RecurrenceExpander.Expansion occurrences(CalendarItem item) {
        return expand ? ical.expander().expandReporting(item, window)
                : new RecurrenceExpander.Expansion(List.of(item), false, null);
    }

    /**
     * Whether an item ical4j cannot read fully ({@link OpaqueItem}) can go to the target: only as it
     * is, so only when the pair copies events as they are.
     */
    boolean carriesAsText() {
        return transformer.transform().isIdentity();
    }

    /** What the target gets of {@code item}, or of each of its {@link #occurrences}. */
    List<Shaped> shape(List<CalendarItem> occurrences) throws MalformedItemException {
        List<Shaped> shaped = new ArrayList<>(occurrences.size());
        for (CalendarItem occurrence : occurrences) {
            Transformer.Outcome outcome = transformer.apply(occurrence);
            if (outcome instanceof Transformer.Copy copy) {
                shaped.add(new Shaped(occurrence.uid(), occurrence, copy.item(), null));
            } else {
                shaped.add(new Shaped(occurrence.uid(), occurrence, null, ((Transformer.LeftOut) outcome).reason()));
            }
        }
        return shaped;
    }

    /** The text the target gets for {@code key} of the source item {@code sourceText}. */
    String copyText(String sourceText, String key) throws MalformedItemException {
        ReadItem read = ical.parser().read(sourceText);
        if (!(read instanceof CalendarItem item)) {
            if (carriesAsText()) {
                return read.text();
            }
            throw new MalformedItemException(cannotTransform((OpaqueItem) read));
        }
        for (Shaped s : shape(occurrences(item).items())) {
            if (s.key().equals(key)) {
                if (s.copy() == null) {
                    throw new MalformedItemException(key + " is now left out by the pair's filters (" + s.leftOut() + ")");
                }
                return s.copy().text();
            }
        }
        throw new MalformedItemException(expand ? "occurrence " + key + " is no longer part of its series"
                : "it no longer holds " + key);
    }

    /** Why an item read only as text cannot have the pair's copy settings applied. */
    static String cannotTransform(OpaqueItem item) {
        return "CalSync can carry it only as it is (" + item.problem() + "), and the pair's copy settings would change it";
    }
}
