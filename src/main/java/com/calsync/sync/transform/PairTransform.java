package com.calsync.sync.transform;

import com.calsync.ical.transform.EventFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a mirror pair does to events on their way to the target: how much it copies
 * ({@code copy}), what it leaves out ({@code skip}, {@code skip_title}) and the title prefix.
 * {@link #NONE} (copy everything, as it is) is the default, and the only one two-way pairs allow.
 *
 * @param copy        how much of each event is copied
 * @param busyTitle   the title of busy copies
 * @param titlePrefix put before every copy's title; empty for none
 * @param skip        the kinds of events left out
 * @param skipTitle   a regular expression: events whose title contains a match are left out (case
 *                    ignored); empty for none
 * @param owners      the e-mail addresses of the source account's owner, for {@code skip: declined}
 */
public record PairTransform(CopyMode copy, String busyTitle, String titlePrefix, Set<EventFilter.Rule> skip,
                            Optional<String> skipTitle, Set<String> owners) {
    public static final String DEFAULT_BUSY_TITLE = "Busy";
    public static final PairTransform NONE = new PairTransform(CopyMode.FULL, DEFAULT_BUSY_TITLE, "", Set.of(),
            Optional.empty(), Set.of());
    /**
     * Goes into {@link #fingerprint()}: raise it when what a transform writes changes, so each
     * pair rewrites its copies once with the new code.
     */
    private static final int VERSION = 1;

    public PairTransform {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(busyTitle, "busyTitle");
        Objects.requireNonNull(titlePrefix, "titlePrefix");
        skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
        owners = Set.copyOf(new TreeSet<>(owners));
    }

    /** Copies everything as it is: the untransformed, byte-faithful path. */
    public boolean isIdentity() {
        return copy == CopyMode.FULL && titlePrefix.isEmpty() && skip.isEmpty() && skipTitle.isEmpty();
    }

    /**
     * The copies differ from their source in content (details dropped, a title changed), so they
     * get UIDs of their own ({@link com.calsync.ical.transform.CopyUid}); a pair that only leaves
     * events out copies the others under their own UIDs.
     */
    public boolean rewritesCopies() {
        return copy != CopyMode.FULL || !titlePrefix.isEmpty();
    }

    /** The filter the {@code skip} settings make. */
    public EventFilter filter() {
        return new EventFilter(skip, skipTitle, owners);
    }

    /**
     * A text that changes whenever the copies this transform writes would change: the state
     * database keeps it, and a pair whose transform changed rewrites its copies once.
     */
    public String fingerprint() {
        if (isIdentity()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        parts.add("v" + VERSION);
        parts.add("copy=" + copy.jsonName());
        if (copy == CopyMode.BUSY || copy == CopyMode.NO_DETAILS) {
            parts.add("busy_title=" + busyTitle);
        }
        parts.add("title_prefix=" + titlePrefix);
        parts.add("skip=" + String.join(",", skipNames()));
        parts.add("skip_title=" + skipTitle.orElse(""));
        parts.add("owner=" + String.join(",", new TreeSet<>(owners)));
        return String.join("\n", parts);
    }

    /** The {@code skip} names, in a fixed order. */
    public List<String> skipNames() {
        return EventFilter.Rule.jsonNames().stream()
                .filter(n -> skip.contains(EventFilter.Rule.byJsonName(n).orElseThrow())).toList();
    }

    /** In words, for the tray and the command line: {@code busy copy ("Busy"), skips declined}; empty for {@link #NONE}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        switch (copy) {
            case BUSY -> parts.add("busy copy (\"" + busyTitle + "\")");
            case NO_DETAILS -> parts.add("no details");
            case FULL -> { }
        }
        if (!titlePrefix.isEmpty()) {
            parts.add("prefix \"" + titlePrefix + "\"");
        }
        List<String> skips = new ArrayList<>(skipNames());
        skipTitle.ifPresent(t -> skips.add("titles /" + t + "/"));
        if (!skips.isEmpty()) {
            parts.add("skips " + String.join(", ", skips));
        }
        return String.join(", ", parts);
    }

    /**
     * Why a two-way pair cannot have this transform, or empty when it can (only {@link #NONE}).
     * A copy that was changed on its way cannot flow back: the target's version would overwrite
     * the source with "Busy" titles and missing details, and a left-out event would look deleted.
     */
    public Optional<String> whyNotTwoWay() {
        if (copy != CopyMode.FULL) {
            return Optional.of("\"copy\": \"" + copy.jsonName() + "\" leaves details behind, so a two-way pair would"
                    + " write the stripped copy back over the original");
        }
        if (!titlePrefix.isEmpty()) {
            return Optional.of("a title prefix would come back to the source and be added again on every round");
        }
        if (!isIdentity()) {
            return Optional.of("events left out on the way to the target would look deleted there and be deleted"
                    + " from the source");
        }
        return Optional.empty();
    }
}
