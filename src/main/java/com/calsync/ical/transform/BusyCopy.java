package com.calsync.ical.transform;

/**
 * A busy-only copy: the times of an item and nothing else ({@link DetailStripper}), each component
 * titled with the same text ("Busy"), so a calendar shows the time as taken without telling what
 * takes it.
 */
public final class BusyCopy {
    private final DetailStripper stripper = new DetailStripper();

    public IcsDocument apply(IcsDocument document, String title) {
        return stripper.strip(document, false).mapMain(c -> c.with(ContentLine.text("SUMMARY", title)));
    }
}
