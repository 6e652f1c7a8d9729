package com.calsync.store.caldav;

import com.calsync.platform.JsonText;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where discovery found a calendar, kept so the next open skips discovery's requests: the
 * calendar's {@link CalendarInfo}, what was asked for ({@code key}: account URL, user and the
 * configured name or path, so a config change never reuses it) and when it was found.
 *
 * @param key       what was looked up; see {@link #keyOf}
 * @param checkedAt when discovery found it
 */
public record KnownCalendar(String key, Instant checkedAt, CalendarInfo info) {

    /** What identifies a lookup: the account's URL and user and the calendar's configured name or path. */
    public static String keyOf(CalDavAccount account, String calendarNameOrPath) {
        return account.baseUrl() + " " + (account.hasCredentials() ? account.username() : "") + " " + calendarNameOrPath;
    }

    /** As text for the pair's state (JSON). */
    public String toText() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("key", key);
        o.put("checked_at", checkedAt.toString());
        o.put("url", info.url().toString());
        o.put("display_name", info.displayName());
        o.put("color", info.color().orElse(null));
        o.put("ctag", info.ctag().orElse(null));
        o.put("sync_collection", info.syncCollection());
        o.put("components", new ArrayList<Object>(new TreeSet<>(info.components())));
        o.put("writable", info.writable());
        return JsonText.write(o);
    }

    /** Reads {@link #toText()}'s text; empty for anything else (an older or damaged value is just looked up again). */
    public static Optional<KnownCalendar> parse(String text) {
        try {
            Map<String, Object> o = JsonText.parseObject(text);
            List<String> components = new ArrayList<>();
            if (o.get("components") instanceof List<?> l) {
                l.forEach(c -> components.add(String.valueOf(c)));
            }
            CalendarInfo info = new CalendarInfo(URI.create((String) o.get("url")), (String) o.get("display_name"),
                    Optional.ofNullable((String) o.get("color")), Optional.ofNullable((String) o.get("ctag")),
                    Boolean.TRUE.equals(o.get("sync_collection")), Set.copyOf(components),
                    Boolean.TRUE.equals(o.get("writable")));
            return Optional.of(new KnownCalendar(java.util.Objects.requireNonNull((String) o.get("key"), "key"), Instant.parse((String) o.get("checked_at")), info));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
