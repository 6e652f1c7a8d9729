package com.calsync.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hostile corpus under {@code src/test/resources/corpus-hostile/}: files written for issue 10
 * in the shapes real exports take that stop other tools (broken zones, odd RDATEs, no UID, text
 * after the end, producers' quirks), each with the outcome a sync must give it. Its README lists
 * the same, for people.
 */
public final class HostileCorpus {
    private HostileCorpus() {
    }

    /** What a sync does with a file. */
    public enum Expect {
        /** ical4j reads it (with what it cannot read set aside): copied as it is. */
        CARRIED,
        /** ical4j cannot read it even so: copied byte for byte as text. */
        CARRIED_AS_TEXT,
        /** Not an event CalSync can copy: skipped, and the run says it needs the user. */
        SKIPPED_NEEDS_YOU,
        /** Left out by design (a to-do, outside the window): skipped without bothering the user. */
        SKIPPED_BY_DESIGN,
        /** Two files share a UID: one of them is carried, the other skipped as needing the user. */
        ONE_OF_TWO_SKIPPED
    }

    /**
     * One file.
     *
     * @param events     the events it holds (0 for a to-do or a file that is not iCalendar)
     * @param reasonWord a word the skip reason must contain, for skipped files
     */
    public record Case(String file, Expect expect, int events, String reasonWord) {}

    private static final List<Case> CASES = List.of(
            carried("alarm-without-action.ics"),
            carried("bad-attendee-param.ics"),
            carried("blank-lines-inside.ics"),
            carried("bom-and-lf.ics"),
            carried("control-characters.ics"),
            carried("count-and-until.ics"),
            carried("date-start-timed-end.ics"),
            carried("dtend-before-dtstart.ics"),
            new Case("duplicate-uid-a.ics", Expect.ONE_OF_TWO_SKIPPED, 1, "same UID"),
            new Case("duplicate-uid-b.ics", Expect.ONE_OF_TWO_SKIPPED, 1, "same UID"),
            new Case("empty.ics", Expect.SKIPPED_NEEDS_YOU, 0, "empty"),
            carried("event-site-method-request.ics"),
            carried("exchange-zone-description-tzid.ics"),
            carried("freebusy-beside-event.ics"),
            carried("geo-with-comma.ics"),
            new Case("html-error-page.ics", Expect.SKIPPED_NEEDS_YOU, 0, "not iCalendar"),
            carried("invalid-geo.ics"),
            carried("latin1-bytes.ics"),
            carried("libical-broken-series.ics"),
            carried("long-unfolded-line.ics"),
            carried("lotus-notes-export.ics"),
            carried("lowercase-names.ics"),
            carried("minutely-forever.ics"),
            new Case("mismatched-end.ics", Expect.CARRIED_AS_TEXT, 1, null),
            carried("missing-end-vcalendar.ics"),
            carried("mixed-line-ends.ics"),
            carried("no-uid.ics"),
            new Case("only-vtimezone.ics", Expect.SKIPPED_NEEDS_YOU, 0, "no VEVENT"),
            carried("orphan-override.ics"),
            carried("orphan-thisandfuture-override.ics"),
            new Case("past-event.ics", Expect.SKIPPED_BY_DESIGN, 1, "no occurrence"),
            carried("rdate-malformed-time.ics"),
            carried("rdate-period-of-dates.ics"),
            carried("rdate-value-time.ics"),
            carried("recurrence-id-date-for-timed-series.ics"),
            carried("rscale-ethiopic.ics"),
            carried("text-after-end.ics"),
            carried("time-without-seconds.ics"),
            new Case("two-uids-in-one-file.ics", Expect.SKIPPED_NEEDS_YOU, 2, "a file of its own"),
            carried("unknown-tzid-no-vtimezone.ics"),
            carried("utc-offset-out-of-range.ics"),
            carried("vtimezone-observance-without-dtstart.ics"),
            new Case("vtodo-in-event-calendar.ics", Expect.CARRIED, 0, null));

    private static Case carried(String file) {
        return new Case(file, Expect.CARRIED, 1, null);
    }

    public static List<Case> cases() {
        return CASES;
    }

    public static Optional<Case> of(String file) {
        return CASES.stream().filter(c -> c.file().equals(file)).findFirst();
    }

    /** Every file of the corpus, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ics")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files' bytes exactly as stored (some are not UTF-8 on purpose). */
    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(folder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("no hostile corpus file " + file, e);
        }
    }

    public static String readme() {
        try {
            return Files.readString(folder().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events the corpus holds. */
    public static int events() {
        return CASES.stream().mapToInt(Case::events).sum();
    }

    public static Path folder() {
        URL url = HostileCorpus.class.getResource("/corpus-hostile/README.md");
        if (url == null) {
            throw new IllegalStateException("hostile corpus not on the test class path (src/test/resources/corpus-hostile)");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
