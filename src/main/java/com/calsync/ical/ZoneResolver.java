package com.calsync.ical;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a TZID as producers write it to a java.time zone: IANA names as they are, Windows names
 * (Outlook, Exchange) through CLDR's windowsZones table (territory "001" rows, the common
 * zones only). An IANA or Windows name wins over the file's own VTIMEZONE, which is often stale.
 */
final class ZoneResolver {
    private static final Set<String> IANA = Set.copyOf(ZoneId.getAvailableZoneIds());

    // From CLDR common/supplemental/windowsZones.xml, territory 001.
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("Dateline Standard Time", "Etc/GMT+12"),
            Map.entry("UTC-11", "Etc/GMT+11"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Pacific Standard Time (Mexico)", "America/Tijuana"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Mountain Standard Time (Mexico)", "America/Mazatlan"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Central America Standard Time", "America/Guatemala"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("Canada Central Standard Time", "America/Regina"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("US Eastern Standard Time", "America/Indianapolis"),
            Map.entry("Venezuela Standard Time", "America/Caracas"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("SA Western Standard Time", "America/La_Paz"),
            Map.entry("Pacific SA Standard Time", "America/Santiago"),
            Map.entry("Newfoundland Standard Time", "America/St_Johns"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Buenos_Aires"),
            Map.entry("SA Eastern Standard Time", "America/Cayenne"),
            Map.entry("Greenland Standard Time", "America/Godthab"),
            Map.entry("UTC-02", "Etc/GMT+2"),
            Map.entry("Azores Standard Time", "Atlantic/Azores"),
            Map.entry("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
            Map.entry("UTC", "Etc/UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("W. Central Africa Standard Time", "Africa/Lagos"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Middle East Standard Time", "Asia/Beirut"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Arabic Standard Time", "Asia/Baghdad"),
            Map.entry("Arab Standard Time", "Asia/Riyadh"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("E. Africa Standard Time", "Africa/Nairobi"),
            Map.entry("Iran Standard Time", "Asia/Tehran"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("Pakistan Standard Time", "Asia/Karachi"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("Nepal Standard Time", "Asia/Katmandu"),
            Map.entry("Bangladesh Standard Time", "Asia/Dhaka"),
            Map.entry("SE Asia Standard Time", "Asia/Bangkok"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Taipei Standard Time", "Asia/Taipei"),
            Map.entry("W. Australia Standard Time", "Australia/Perth"),
            Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Cen. Australia Standard Time", "Australia/Adelaide"),
            Map.entry("AUS Central Standard Time", "Australia/Darwin"),
            Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("Tasmania Standard Time", "Australia/Hobart"),
            Map.entry("West Pacific Standard Time", "Pacific/Port_Moresby"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("UTC+12", "Etc/GMT-12"),
            Map.entry("Tonga Standard Time", "Pacific/Tongatapu"));

    /** The zone a TZID names, or empty when it is neither an IANA nor a known Windows name. */
    Optional<ZoneId> resolve(String tzid) {
        if (tzid == null) {
            return Optional.empty();
        }
        String id = tzid.strip();
        if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1);
        }
        // Some producers prefix IANA names with a path, e.g. /mozilla.org/20050126_1/Europe/Berlin.
        if (id.startsWith("/")) {
            int slashes = 0;
            for (int i = id.length() - 1; i >= 0; i--) {
                if (id.charAt(i) == '/' && ++slashes == 2) {
                    id = id.substring(i + 1);
                    break;
                }
            }
        }
        if (IANA.contains(id)) {
            return Optional.of(ZoneId.of(id));
        }
        String windows = WINDOWS.get(id);
        return windows == null ? Optional.empty() : Optional.of(ZoneId.of(windows));
    }
}
