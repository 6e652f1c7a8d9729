package com.calsync.sync;

import com.calsync.ical.Fingerprinter;
import com.calsync.ical.ItemParser;
import com.calsync.ical.OccurrenceFinder;
import com.calsync.ical.PropertyMerger;
import com.calsync.ical.RecurrenceExpander;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The iCalendar operations the engine uses, gathered so they can be passed around as one. Each
 * is built on first use: setting up ical4j costs about half a second, and a run in which nothing
 * changed never parses anything.
 */
public final class IcalKit {
    private final Supplier<ItemParser> parser;
    private final Supplier<Fingerprinter> fingerprinter;
    private final Supplier<OccurrenceFinder> occurrences;
    private final Supplier<RecurrenceExpander> expander;
    private final Supplier<PropertyMerger> merger;

    private IcalKit(Supplier<ItemParser> parser, Supplier<Fingerprinter> fingerprinter,
                    Supplier<OccurrenceFinder> occurrences, Supplier<RecurrenceExpander> expander,
                    Supplier<PropertyMerger> merger) {
        this.parser = parser;
        this.fingerprinter = fingerprinter;
        this.occurrences = occurrences;
        this.expander = expander;
        this.merger = merger;
    }

    /**
     * @param localZone where floating times and all-day dates are placed: the user's zone, as
     *                  their calendar app shows them
     */
    public static IcalKit standard(ZoneId localZone) {
        return new IcalKit(once(ItemParser::new), once(Fingerprinter::new), once(() -> new OccurrenceFinder(localZone)),
                once(() -> new RecurrenceExpander(localZone)), once(PropertyMerger::new));
    }

    public ItemParser parser() {
        return parser.get();
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter.get();
    }

    public OccurrenceFinder occurrences() {
        return occurrences.get();
    }

    public RecurrenceExpander expander() {
        return expander.get();
    }

    public PropertyMerger merger() {
        return merger.get();
    }

    /** A supplier that builds its value once, on the first call, safely across threads. */
    private static <T> Supplier<T> once(Supplier<T> build) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            value = v = build.get();
                        }
                    }
                }
                return v;
            }
        };
    }
}
