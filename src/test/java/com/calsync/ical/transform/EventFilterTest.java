package com.calsync.ical.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.transform.EventFilter.Rule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static IcsComponent event(String... lines) {
        return IcsDocument.parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T090000Z\r\n"
                + String.join("\r\n", lines) + (lines.length > 0 ? "\r\n" : "") + "END:VEVENT\r\nEND:VCALENDAR\r\n")
                .mainComponents().get(0);
    }

    private static EventFilter all() {
        return new EventFilter(Set.of(Rule.values()), Optional.of("^focus"), List.of("Me@Example.org"));
    }

    @Test
    void eachRuleNamesItsReason() {
        assertThat(all().reasonToSkip(event("TRANSP:TRANSPARENT"))).contains("shown as free");
        assertThat(all().reasonToSkip(event("STATUS:CANCELLED"))).contains("cancelled");
        assertThat(all().reasonToSkip(event("SUMMARY:Focus time"))).contains("title matches skip_title /^focus/");
        IcsComponent allDay = IcsDocument.parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                + "DTSTART;VALUE=DATE:20261201\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").mainComponents().get(0);
        assertThat(all().reasonToSkip(allDay)).contains("all-day");
    }

    @Test
    void declinedCountsOnlyTheOwnersAnswerByAddressOrEmailParameter() {
        assertThat(all().reasonToSkip(event("ATTENDEE;PARTSTAT=DECLINED:MAILTO:me@example.ORG")))
                .contains("declined by me@example.org");
        assertThat(all().reasonToSkip(event("ATTENDEE;PARTSTAT=DECLINED;EMAIL=me@example.org:urn:uuid:1")))
                .isPresent();
        assertThat(all().reasonToSkip(event("ATTENDEE;PARTSTAT=DECLINED:mailto:someone@else.org",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org"))).isEmpty();
    }

    @Test
    void anEventNoRuleMatchesIsKept() {
        assertThat(all().reasonToSkip(event("SUMMARY:Team sync", "TRANSP:OPAQUE", "STATUS:CONFIRMED"))).isEmpty();
        assertThat(new EventFilter(Set.of(), Optional.empty(), Set.of()).reasonToSkip(event("STATUS:CANCELLED")))
                .as("no rules, nothing left out").isEmpty();
    }
}
