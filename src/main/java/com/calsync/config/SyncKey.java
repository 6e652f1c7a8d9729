package com.calsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a {@code sync} section (top level or a pair's override), with the JSON name the
 * seed used, the value's kind and its allowed range. Validation, defaults and the commented
 * default config all read from here so the three cannot drift apart.
 */
public enum SyncKey {
    INTERVAL_MINUTES("interval_minutes", Kind.WHOLE_NUMBER, 1, SyncKey.MAX_INTERVAL_MINUTES),
    SYNC_PAST_DAYS("sync_past_days", Kind.WHOLE_NUMBER, 0, SyncKey.MAX_DAYS),
    SYNC_FUTURE_DAYS("sync_future_days", Kind.WHOLE_NUMBER, 1, SyncKey.MAX_DAYS),
    EXPAND_RECURRING("expand_recurring", Kind.BOOLEAN, 0, 0),
    VERIFY_THRESHOLD("verify_threshold", Kind.WHOLE_NUMBER, 0, Integer.MAX_VALUE),
    OVERRIDE_ICLOUD_DELETIONS("override_icloud_deletions", Kind.BOOLEAN, 0, 0),
    SKIP_SYNC_ON_TOO_MANY_MISSING("skip_sync_on_too_many_missing", Kind.BOOLEAN, 0, 0),
    MAX_MISSING_COUNT("max_missing_count", Kind.WHOLE_NUMBER, 0, Integer.MAX_VALUE),
    MAX_MISSING_PERCENT("max_missing_percent", Kind.WHOLE_NUMBER, 0, 100);

    /** A hundred years: long enough for anyone, short enough that window arithmetic never overflows. */
    static final int MAX_DAYS = 36_500;
    /**
     * A year. The scheduler counts in nanoseconds, where 153 722 868 minutes and more overflow a
     * long (a pair then showed "syncing now" for ever); nobody needs a pair synced less often.
     */
    static final int MAX_INTERVAL_MINUTES = 525_600;

    /** What a key's value is. */
    public enum Kind { WHOLE_NUMBER, BOOLEAN }

    private final String jsonName;
    private final Kind kind;
    private final int min;
    private final int max;

    SyncKey(String jsonName, Kind kind, int min, int max) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    /** The key as written in config.json. */
    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    /** Smallest allowed value of a {@link Kind#WHOLE_NUMBER} key. */
    public int min() {
        return min;
    }

    /** Largest allowed value of a {@link Kind#WHOLE_NUMBER} key. */
    public int max() {
        return max;
    }

    /** What the key accepts, phrased for an error message: "a whole number ≥ 1", "true or false". */
    public String allowed() {
        if (kind == Kind.BOOLEAN) {
            return "true or false";
        }
        if (max == Integer.MAX_VALUE) {
            return "a whole number ≥ " + min;
        }
        if (max == MAX_INTERVAL_MINUTES) {
            return "a whole number from " + min + " to " + max + " (a year)";
        }
        return "a whole number from " + min + " to " + max;
    }

    public static Optional<SyncKey> byJsonName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(SyncKey::jsonName).toList();
    }
}
