package com.calsync.sync.transform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How much of each event a pair copies: config.json's {@code "copy"}. */
public enum CopyMode {
    /** Everything, byte for byte (the default). */
    FULL("full"),
    /** Title and times; description, location, attendees, alarms and the rest stay behind. */
    NO_DETAILS("no-details"),
    /** Times only, titled with the pair's busy title ("Busy"). */
    BUSY("busy");

    private final String jsonName;

    CopyMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<CopyMode> byJsonName(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }

    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(CopyMode::jsonName).toList();
    }
}
