package com.calsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the app itself behaves, from config.json's {@code "app"} section (the Settings window's
 * General page writes it): whether the menu-bar app shows notifications, and how much CalSync
 * writes to calsync.log.
 *
 * @param notifications desktop notifications when a pair starts failing, recovers or holds deletions
 * @param logLevel      CalSync's log level; empty keeps the built-in one (info)
 */
public record AppSettings(boolean notifications, Optional<LogLevel> logLevel) {
    public static final AppSettings DEFAULTS = new AppSettings(true, Optional.empty());

    /** The keys of the {@code "app"} section. */
    public static final List<String> KEYS = List.of("notifications", "log_level");

    /** How much CalSync logs, as config.json names it. */
    public enum LogLevel {
        DEBUG, INFO, WARN, ERROR;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<LogLevel> byJsonName(String name) {
            return Arrays.stream(values()).filter(l -> l.jsonName().equals(name)).findFirst();
        }

        public static List<String> jsonNames() {
            return Arrays.stream(values()).map(LogLevel::jsonName).toList();
        }
    }
}
