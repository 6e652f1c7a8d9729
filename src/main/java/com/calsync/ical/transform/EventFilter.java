package com.calsync.ical.transform;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which events a pair leaves out, one component (a master or one override) at a time.
 *
 * <p>The account owner, for {@link Rule#DECLINED}, is known by e-mail address: an ATTENDEE whose
 * address ({@code mailto:} value, or its EMAIL parameter) is one of {@code owners} and whose
 * PARTSTAT is DECLINED means the owner declined. Addresses compare without regard to case.
 */
public final class EventFilter {

    /** What a pair may leave out; {@link #jsonName()} is its name in config.json's {@code skip}. */
    public enum Rule {
        /** Free time: TRANSP:TRANSPARENT (shown as "free" by calendar apps). */
        FREE("free"),
        /** The account's owner declined (ATTENDEE with the owner's address and PARTSTAT=DECLINED). */
        DECLINED("declined"),
        /** All-day events: DTSTART is a DATE. */
        ALL_DAY("all-day"),
        /** STATUS:CANCELLED. */
        CANCELLED("cancelled");

        private final String jsonName;

        Rule(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Rule> byJsonName(String name) {
            return Arrays.stream(values()).filter(r -> r.jsonName.equals(name)).findFirst();
        }

        public static List<String> jsonNames() {
            return Arrays.stream(values()).map(Rule::jsonName).toList();
        }
    }

    private final Set<Rule> rules;
    private final Optional<Pattern> title;
    private final Set<String> owners;

    /**
     * @param title  leaves out components whose SUMMARY contains a match (case is ignored)
     * @param owners the account owner's e-mail addresses, for {@link Rule#DECLINED}
     */
    public EventFilter(Collection<Rule> rules, Optional<String> title, Collection<String> owners) {
        this.rules = rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
        this.title = title.map(t -> Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        this.owners = owners.stream().map(EventFilter::address).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEmpty() {
        return rules.isEmpty() && title.isEmpty();
    }

    /** Why {@code component} is left out, or empty when it is kept. */
    public Optional<String> reasonToSkip(IcsComponent component) {
        if (rules.contains(Rule.CANCELLED) && valueIs(component, "STATUS", "CANCELLED")) {
            return Optional.of("cancelled");
        }
        if (rules.contains(Rule.DECLINED)) {
            for (ContentLine attendee : component.properties("ATTENDEE")) {
                boolean declined = attendee.param("PARTSTAT").map(p -> p.equalsIgnoreCase("DECLINED")).orElse(false);
                if (declined && isOwner(attendee)) {
                    return Optional.of("declined by " + address(attendee.value()));
                }
            }
        }
        if (rules.contains(Rule.FREE) && valueIs(component, "TRANSP", "TRANSPARENT")) {
            return Optional.of("shown as free");
        }
        if (rules.contains(Rule.ALL_DAY) && component.property("DTSTART").map(EventFilter::isDate).orElse(false)) {
            return Optional.of("all-day");
        }
        if (title.isPresent()) {
            String summary = component.property("SUMMARY").map(ContentLine::text).orElse("");
            if (title.get().matcher(summary).find()) {
                return Optional.of("title matches skip_title /" + title.get().pattern() + "/");
            }
        }
        return Optional.empty();
    }

    private boolean isOwner(ContentLine attendee) {
        return owners.contains(address(attendee.value()))
                || attendee.param("EMAIL").map(e -> owners.contains(address(e))).orElse(false);
    }

    private static boolean valueIs(IcsComponent component, String property, String value) {
        return component.property(property).map(p -> p.value().trim().equalsIgnoreCase(value)).orElse(false);
    }

    /** A DATE (all-day) start: VALUE=DATE, or a value of eight digits. */
    static boolean isDate(ContentLine start) {
        return start.param("VALUE").map(v -> v.equalsIgnoreCase("DATE")).orElse(false)
                || start.value().trim().matches("\\d{8}");
    }

    /** An address as compared: without {@code mailto:}, trimmed, lower case. */
    static String address(String value) {
        String v = value.trim();
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            v = v.substring(7);
        }
        return v.toLowerCase(Locale.ROOT);
    }
}
