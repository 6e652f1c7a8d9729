package com.calsync.ical;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * iCalendar text comes from servers, feeds and folders: the parser and the splitter fail only
 * with {@link MalformedItemException}. Replays {@code ItemParserFuzzTestInputs/} in every build;
 * src/docs/fuzzing.md fuzzes it.
 */
class ItemParserFuzzTest {
    private final ItemParser parser = new ItemParser();

    @FuzzTest(maxDuration = "24h")
    void parseAndSplit(@NotNull String ics) {
        try {
            CalendarItem item = parser.parse(ics);
            item.uid().length();
        } catch (MalformedItemException expected) {
            // unreadable text: the parser's own, typed error
        }
        try {
            for (CalendarItem item : parser.split(ics).items()) {
                parser.parse(item.text());
            }
        } catch (MalformedItemException expected) {
            // as above
        }
    }
}
