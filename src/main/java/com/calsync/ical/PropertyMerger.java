package com.calsync.ical;

import java.util.Optional;

/**
 * Three-way merge of two edits of one item: when each property was changed on one side only,
 * the result carries both edits; when both sides changed the same property differently, there
 * is no merge and the pair's conflict policy decides.
 */
public final class PropertyMerger {
    public Optional<String> merge(CalendarItem base, CalendarItem ours, CalendarItem theirs) {
        throw new UnsupportedOperationException("TODO");
    }
}
