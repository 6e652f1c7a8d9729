package com.calsync.ical.transform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps of an item only when its events take place: start, end or duration, recurrence (rule,
 * dates, exceptions, the RECURRENCE-ID of each override), transparency and status (whether the
 * time is taken), the time zones these use, and optionally the title. Description, location,
 * attendees, organizer, alarms, attachments, URL, categories, CLASS and every X- property are
 * dropped, and so are calendar-level names such as X-WR-CALNAME. Lines that are kept are written
 * back as they were read.
 */
public final class DetailStripper {
    /** What a kept component still says; UID and DTSTAMP because RFC 5545 requires them. */
    static final Set<String> TIME = Set.of("UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE",
            "EXDATE", "EXRULE", "RECURRENCE-ID", "TRANSP", "STATUS");
    private static final Set<String> CALENDAR_KEPT = Set.of("VERSION", "CALSCALE");
    /** Replaces the producer's PRODID, which names the app (and sometimes the account) the item came from. */
    static final String PRODID = "-//CalSync//copy without details//EN";

    public IcsDocument strip(IcsDocument document, boolean keepTitle) {
        IcsDocument stripped = document.mapMain(c -> c.retain(part -> part instanceof ContentLine line
                && (TIME.contains(line.name()) || keepTitle && line.name().equals("SUMMARY"))));
        Set<String> zones = zonesUsed(stripped.mainComponents());
        IcsComponent calendar = stripped.calendar()
                .retain(part -> part instanceof ContentLine line ? CALENDAR_KEPT.contains(line.name())
                        : part instanceof IcsComponent c && (IcsDocument.MAIN.contains(c.name())
                        || c.name().equals("VTIMEZONE") && c.property("TZID").map(t -> zones.contains(t.value())).orElse(false)))
                .with(ContentLine.of("PRODID", Map.of(), PRODID));
        if (calendar.property("VERSION").isEmpty()) {
            calendar = calendar.add(ContentLine.of("VERSION", Map.of(), "2.0"));
        }
        return stripped.with(calendar);
    }

    private static Set<String> zonesUsed(List<IcsComponent> components) {
        Set<String> used = new HashSet<>();
        for (IcsComponent c : components) {
            for (ContentLine line : c.properties()) {
                line.param("TZID").ifPresent(used::add);
            }
        }
        return used;
    }
}
