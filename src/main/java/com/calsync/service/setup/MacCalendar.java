package com.calsync.service.setup;

import java.util.Optional;

/**
 * A calendar of macOS Calendar as the Settings window lists it.
 *
 * @param title    its title in Calendar
 * @param source   the account it belongs to in Calendar's sidebar ("iCloud", "On My Mac")
 * @param color    "#RRGGBB" when macOS said
 * @param writable whether CalSync may write to it (a subscription may not)
 */
public record MacCalendar(String title, String source, Optional<String> color, boolean writable) {
}
