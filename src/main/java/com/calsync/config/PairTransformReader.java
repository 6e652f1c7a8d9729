package com.calsync.config;

import com.calsync.config.ConfigTreeReader.Site;
import com.calsync.ical.transform.EventFilter;
import com.calsync.sync.SyncMode;
import com.calsync.sync.transform.CopyMode;
import com.calsync.sync.transform.PairTransform;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a pair's copy settings ({@code copy}, {@code busy_title}, {@code title_prefix},
 * {@code skip}, {@code skip_title}, {@code owner}) into a {@link PairTransform}, reporting each
 * problem at its key.
 */
final class PairTransformReader {
    static final List<String> KEYS = List.of("copy", "busy_title", "title_prefix", "skip", "skip_title", "owner");

    /** Where problems go: {@link ConfigTreeReader}'s error and warning lists. */
    interface Problems {
        void error(Site site, String message);

        void warning(Site site, String message);
    }

    private final Problems problems;

    PairTransformReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param accountOwner the source account's user name when it is an e-mail address: how the
     *                     owner is known for {@code skip: declined} when {@code owner} is not given
     */
    PairTransform read(JsonNode pair, Site at, SyncMode mode, Optional<String> accountOwner) {
        CopyMode copy = CopyMode.FULL;
        Optional<String> copyText = text(pair, at, "copy");
        if (copyText.isPresent()) {
            Optional<CopyMode> m = CopyMode.byJsonName(copyText.get());
            if (m.isEmpty()) {
                problems.error(at.key("copy"), quoted(copyText.get()) + " is not one of "
                        + String.join(", ", CopyMode.jsonNames()) + Suggestions.didYouMean(copyText.get(), CopyMode.jsonNames()));
            }
            copy = m.orElse(CopyMode.FULL);
        }
        String busyTitle = text(pair, at, "busy_title").orElse(PairTransform.DEFAULT_BUSY_TITLE);
        if (pair.has("busy_title") && copy == CopyMode.FULL) {
            problems.warning(at.key("busy_title"), "has no effect unless \"copy\" is \"busy\" (or \"no-details\","
                    + " for events marked private)");
        }
        String prefix = "";
        JsonNode prefixNode = pair.get("title_prefix");
        if (prefixNode != null) {
            if (prefixNode.isTextual()) {
                prefix = prefixNode.textValue();
            } else {
                problems.error(at.key("title_prefix"), "must be a string in double quotes, e.g. \"[Work] \"");
            }
        }
        Set<EventFilter.Rule> skip = skipRules(pair.get("skip"), at.key("skip"));
        Optional<String> skipTitle = text(pair, at, "skip_title").filter(t -> validPattern(t, at.key("skip_title")));
        Set<String> owners = owners(pair.get("owner"), at.key("owner"));
        if (pair.has("owner") && !skip.contains(EventFilter.Rule.DECLINED)) {
            problems.warning(at.key("owner"), "has no effect unless \"skip\" lists \"declined\"");
        }
        if (skip.contains(EventFilter.Rule.DECLINED) && owners.isEmpty()) {
            if (accountOwner.isPresent()) {
                owners = Set.of(accountOwner.get());
            } else {
                problems.error(at.key("skip"), "\"declined\" needs to know whose answer counts: add \"owner\":"
                        + " \"you@example.org\" (your address as invitations name you), or use a CalDAV source whose"
                        + " account's \"username\" is your e-mail address");
            }
        }
        PairTransform transform = new PairTransform(copy, busyTitle, prefix, skip, skipTitle, owners);
        if (mode == SyncMode.TWO_WAY) {
            transform.whyNotTwoWay().ifPresent(why -> problems.error(at.key(firstTransformKey(pair)),
                    "a two-way pair copies events as they are: " + why + "; use \"mode\": \"mirror\" (the source"
                            + " stays as it is and the target gets the copies), or remove this key"));
        }
        return transform;
    }

    private static String firstTransformKey(JsonNode pair) {
        for (String key : List.of("copy", "title_prefix", "skip", "skip_title")) {
            if (pair.has(key)) {
                return key;
            }
        }
        return "copy";
    }

    private Set<EventFilter.Rule> skipRules(JsonNode node, Site site) {
        if (node == null) {
            return Set.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isTextual()) {
            items.add(node);
        } else if (node.isArray()) {
            node.forEach(items::add);
        } else {
            problems.error(site, "must be a list such as [\"declined\", \"free\"]; known: "
                    + String.join(", ", EventFilter.Rule.jsonNames()));
            return Set.of();
        }
        Set<EventFilter.Rule> rules = EnumSet.noneOf(EventFilter.Rule.class);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Site itemSite = node.isArray() ? site.index(i) : site;
            Optional<EventFilter.Rule> rule = item.isTextual() ? EventFilter.Rule.byJsonName(item.textValue()) : Optional.empty();
            if (rule.isEmpty()) {
                String typed = item.isTextual() ? item.textValue() : item.toString();
                problems.error(itemSite, quoted(typed) + " is not one of " + String.join(", ", EventFilter.Rule.jsonNames())
                        + Suggestions.didYouMean(typed, EventFilter.Rule.jsonNames())
                        + " (to leave out events by title, use \"skip_title\")");
            } else if (!rules.add(rule.get())) {
                problems.warning(itemSite, quoted(item.textValue()) + " is listed twice");
            }
        }
        return rules;
    }

    private boolean validPattern(String pattern, Site site) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            problems.error(site, "is not a valid regular expression: " + e.getDescription() + " near position "
                    + e.getIndex() + " (write a literal ( or [ as \\\\( or \\\\[)");
            return false;
        }
    }

    private Set<String> owners(JsonNode node, Site site) {
        if (node == null) {
            return Set.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isTextual()) {
            items.add(node);
        } else if (node.isArray()) {
            node.forEach(items::add);
        } else {
            problems.error(site, "must be an e-mail address, or a list of them");
            return Set.of();
        }
        Set<String> owners = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Site itemSite = node.isArray() ? site.index(i) : site;
            if (!item.isTextual() || !item.textValue().contains("@")) {
                problems.error(itemSite, "must be an e-mail address such as \"me@example.org\" (got " + item + ")");
            } else {
                owners.add(item.textValue().trim());
            }
        }
        return owners;
    }

    private Optional<String> text(JsonNode pair, Site at, String key) {
        JsonNode value = pair.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problems.error(at.key(key), value.isTextual() ? "must not be empty" : "must be a string in double quotes");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
