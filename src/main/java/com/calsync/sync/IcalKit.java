package com.calsync.sync;

import com.calsync.ical.Fingerprinter;
import com.calsync.ical.ItemParser;
import com.calsync.ical.OccurrenceFinder;
import com.calsync.ical.PropertyMerger;
import com.calsync.ical.RecurrenceExpander;

/** The iCalendar operations the engine uses, gathered so they can be passed around as one. */
public record IcalKit(ItemParser parser, Fingerprinter fingerprinter, OccurrenceFinder occurrences,
                      RecurrenceExpander expander, PropertyMerger merger) {

    public static IcalKit standard() {
        return new IcalKit(new ItemParser(), new Fingerprinter(), new OccurrenceFinder(),
                new RecurrenceExpander(), new PropertyMerger());
    }
}
