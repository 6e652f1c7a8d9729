package com.calsync.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, valid config.json. Build it with {@link ConfigLoader}, which checks that every
 * pair's calendars and every calendar's account exist.
 *
 * @param sync      the top-level {@code sync} section merged over the defaults
 * @param accounts  by name, in file order
 * @param calendars by name, in file order
 * @param pairs     in file order
 * @param app       the {@code app} section: notifications, log level
 */
public record CalSyncConfig(
        SyncSettings sync,
        Map<String, AccountConfig> accounts,
        Map<String, CalendarConfig> calendars,
        List<PairConfig> pairs,
        AppSettings app) {

    /** A config whose {@code app} section is absent. */
    public CalSyncConfig(SyncSettings sync, Map<String, AccountConfig> accounts, Map<String, CalendarConfig> calendars,
                         List<PairConfig> pairs) {
        this(sync, accounts, calendars, pairs, AppSettings.DEFAULTS);
    }

    public CalSyncConfig {
        // LinkedHashMap copies keep file order, which `config check` and the tray show
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
        pairs = List.copyOf(pairs);
        app = app == null ? AppSettings.DEFAULTS : app;
    }

    /** The settings one pair runs with: defaults, then the top-level section, then the pair's. */
    public SyncSettings settingsFor(PairConfig pair) {
        return pair.sync().applyTo(sync);
    }

    public Optional<PairConfig> pair(String name) {
        return pairs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<PairConfig> enabledPairs() {
        return pairs.stream().filter(PairConfig::enabled).toList();
    }

    public CalendarConfig sourceOf(PairConfig pair) {
        return calendars.get(pair.source());
    }

    public CalendarConfig targetOf(PairConfig pair) {
        return calendars.get(pair.target());
    }
}
