package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one watcher open on each macOS Calendar (EventKit) calendar that an enabled pair uses, and
 * asks for a sync of those pairs when the watcher reports a change: an edit in Calendar syncs
 * within seconds instead of at the next interval. Follows config reloads; a watcher that cannot
 * open (no calendar access yet, calendar gone) is retried by {@link #retry()} and at the next
 * reload. Small on purpose: the sync runs open their own stores.
 */
public final class CalendarWatchers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CalendarWatchers.class);

    /** Opens a watcher on one EventKit calendar; {@code onChange} runs (on any thread) after a change. */
    @FunctionalInterface
    public interface Opener {
        AutoCloseable open(CalendarConfig.EventKit calendar, Runnable onChange);
    }

    private final Opener opener;
    /** Open watchers, by calendar. */
    private final Map<CalendarConfig.EventKit, AutoCloseable> open = new HashMap<>();
    /** Every watched calendar and the pairs that use it; replaced whole on update. */
    private volatile Map<CalendarConfig.EventKit, List<String>> pairsByCalendar = Map.of();
    private volatile Consumer<String> syncNow = pair -> { };
    /** Calendars whose watcher failed to open, with the last reason (logged once per reason). */
    private final Map<CalendarConfig.EventKit, String> failed = new HashMap<>();

    public CalendarWatchers(Opener opener) {
        this.opener = opener;
    }

    /** Watches nothing: for systems without EventKit and for tests of other things. */
    public static CalendarWatchers none() {
        return new CalendarWatchers((calendar, onChange) -> () -> { });
    }

    /**
     * Watches the EventKit calendars of {@code config}'s enabled pairs (and stops watching the
     * others); a change asks {@code syncNow} to sync each pair that uses the calendar.
     */
    public synchronized void update(CalSyncConfig config, Consumer<String> syncNow) {
        this.syncNow = syncNow;
        Map<CalendarConfig.EventKit, List<String>> wanted = new LinkedHashMap<>();
        for (PairConfig pair : config.enabledPairs()) {
            if (pair.wholeAccount().isPresent()) {
                continue; // whole accounts are CalDAV accounts, never the Mac's Calendar
            }
            Set<CalendarConfig> sides = new LinkedHashSet<>(List.of(config.sourceOf(pair), config.targetOf(pair)));
            for (CalendarConfig side : sides) {
                if (side instanceof CalendarConfig.EventKit eventKit) {
                    wanted.computeIfAbsent(eventKit, c -> new ArrayList<>()).add(pair.name());
                }
            }
        }
        pairsByCalendar = Map.copyOf(wanted);
        for (CalendarConfig.EventKit gone : new ArrayList<>(open.keySet())) {
            if (!wanted.containsKey(gone)) {
                closeQuietly(gone, open.remove(gone));
            }
        }
        failed.keySet().retainAll(wanted.keySet());
        for (CalendarConfig.EventKit calendar : wanted.keySet()) {
            if (!open.containsKey(calendar)) {
                tryOpen(calendar);
            }
        }
    }

    /**
     * Opens the watchers that could not open before — call it when calendar access was granted —
     * and syncs the pairs of each one that opens now, since their last run failed for lack of it.
     */
    public synchronized void retry() {
        for (CalendarConfig.EventKit calendar : new ArrayList<>(failed.keySet())) {
            if (tryOpen(calendar)) {
                changed(calendar);
            }
        }
    }

    /** The calendars watched now. */
    public synchronized Set<CalendarConfig.EventKit> watching() {
        return Set.copyOf(open.keySet());
    }

    private boolean tryOpen(CalendarConfig.EventKit calendar) {
        try {
            open.put(calendar, opener.open(calendar, () -> changed(calendar)));
            if (failed.remove(calendar) != null) {
                log.info("watching macOS Calendar {} for changes now", calendar.describe());
            }
            return true;
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            if (!reason.equals(failed.put(calendar, reason))) {
                log.warn("cannot watch macOS Calendar {} for changes ({}); its pairs sync on their interval until it can",
                        calendar.describe(), reason);
            }
            return false;
        }
    }

    private void changed(CalendarConfig.EventKit calendar) {
        List<String> pairs = pairsByCalendar.getOrDefault(calendar, List.of());
        if (!pairs.isEmpty()) {
            log.info("macOS Calendar changed: syncing {}", String.join(", ", pairs));
        }
        for (String pair : pairs) {
            try {
                syncNow.accept(pair);
            } catch (RuntimeException e) {
                log.warn("could not queue a sync of {} after a change in macOS Calendar: {}", pair, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        open.forEach(this::closeQuietly);
        open.clear();
        failed.clear();
        pairsByCalendar = Map.of();
    }

    private void closeQuietly(CalendarConfig.EventKit calendar, AutoCloseable watcher) {
        try {
            watcher.close();
        } catch (Exception e) {
            log.warn("closing the watcher of {}: {}", calendar.describe(), e.getMessage());
        }
    }
}
