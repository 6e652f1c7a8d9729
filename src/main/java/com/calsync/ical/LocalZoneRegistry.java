package com.calsync.ical;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * The zone registry for one parse. IANA and Windows names go straight to java.time zones; only
 * a TZID that {@link ZoneResolver} does not know falls back to ical4j's own registry, fed with
 * the file's VTIMEZONEs. That keeps a stale embedded VTIMEZONE from shifting events and skips
 * ical4j's costly build of zone rules from VTIMEZONE text (milliseconds for Outlook's 1601 rules).
 */
final class LocalZoneRegistry implements TimeZoneRegistry {
    private final ZoneResolver zones;
    private final List<TimeZone> fileZones = new ArrayList<>();
    private TimeZoneRegistry fallback;
    private final Map<String, ZoneRules> rules = new AbstractMap<>() {
        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Set<Entry<String, ZoneRules>> entrySet() {
            return fallback().getZoneRules().entrySet();
        }
    };

    LocalZoneRegistry(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public void register(TimeZone timezone) {
        register(timezone, false);
    }

    @Override
    public void register(TimeZone timezone, boolean update) {
        // Never "update": that would fetch the zone from the network.
        if (fallback != null) {
            fallback.register(timezone, false);
        } else {
            fileZones.add(timezone);
        }
    }

    @Override
    public void clear() {
        fileZones.clear();
        if (fallback != null) {
            fallback.clear();
        }
    }

    @Override
    public TimeZone getTimeZone(String id) {
        return fallback().getTimeZone(id);
    }

    /**
     * ical4j only asks {@code isEmpty()} here before calling {@link #getZoneId}; answering "not
     * empty" without building anything keeps the zone rules of the file unbuilt until needed.
     */
    @Override
    public Map<String, ZoneRules> getZoneRules() {
        return rules;
    }

    @Override
    public ZoneId getZoneId(String tzId) {
        Optional<ZoneId> known = zones.resolve(tzId);
        return known.isPresent() ? known.get() : fallback().getZoneId(tzId);
    }

    @Override
    public String getTzId(String zoneId) {
        String tzid = fallback().getTzId(zoneId);
        return tzid != null ? tzid : zoneId;
    }

    private TimeZoneRegistry fallback() {
        if (fallback == null) {
            fallback = TimeZoneRegistryFactory.getInstance().createRegistry();
            fileZones.forEach(z -> fallback.register(z, false));
            fileZones.clear();
        }
        return fallback;
    }
}
