package com.calsync.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a run of one pair ended. */
public enum SyncOutcome {
    /** Everything planned was done (possibly nothing). */
    OK,
    /** Done, but some items failed and will be retried, or deletions are held. */
    PARTIAL,
    /** The run stopped: a store was unreachable, verification failed, or the state could not be saved. */
    FAILED;

    /** The name in reports, status.json and logs: {@code ok}, {@code partial}, {@code failed}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncOutcome ofLabel(String label) {
        return Arrays.stream(values()).filter(o -> o.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome \"" + label + "\""));
    }
}
