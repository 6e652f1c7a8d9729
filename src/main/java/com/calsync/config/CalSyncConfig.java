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
 * @param limits    the {@code limits} section: request and run deadlines, answer size
 * @param app       the {@code app} section: notifications, log level
 */
public record CalSyncConfig(
        SyncSettings sync,
        Map<String, AccountConfig> accounts,
        Map<String, CalendarConfig> calendars,
        List<PairConfig> pairs,
        Limits limits,
        AppSettings app) {

    /** A config with the default {@link Limits} and no {@code app} section. */
    public CalSyncConfig(SyncSettings sync, Map<String, AccountConfig> accounts, Map<String, CalendarConfig> calendars,
                         List<PairConfig> pairs) {
        this(sync, accounts, calendars, pairs, Limits.DEFAULTS, AppSettings.DEFAULTS);
    }

    /** A config with {@code limits} and no {@code app} section. */
    public CalSyncConfig(SyncSettings sync, Map<String, AccountConfig> accounts, Map<String, CalendarConfig> calendars,
                         List<PairConfig> pairs, Limits limits) {
        this(sync, accounts, calendars, pairs, limits, AppSettings.DEFAULTS);
    }

    /** A config with the default {@link Limits}. */
    public CalSyncConfig(SyncSettings sync, Map<String, AccountConfig> accounts, Map<String, CalendarConfig> calendars,
                         List<PairConfig> pairs, AppSettings app) {
        this(sync, accounts, calendars, pairs, Limits.DEFAULTS, app);
    }

    public CalSyncConfig {
        // LinkedHashMap copies keep file order, which `config check` and the tray show
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
        pairs = List.copyOf(pairs);
        limits = limits == null ? Limits.DEFAULTS : limits;
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

    /** The pair's source calendar; null for a whole-account pair, whose calendars are found at run time. */
    public CalendarConfig sourceOf(PairConfig pair) {
        return calendars.get(pair.source());
    }

    /** The pair's target calendar; null for a whole-account pair (see {@link PairConfig#wholeAccount()}). */
    public CalendarConfig targetOf(PairConfig pair) {
        return calendars.get(pair.target());
    }
}
