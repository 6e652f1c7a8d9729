package com.calsync.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What the service is doing as a whole; status.json's {@code state}. */
public enum ServiceState {
    /** Running, waiting for the next pair to fall due. */
    IDLE,
    /** A pair is syncing ({@code current_pair}). */
    SYNCING,
    /** Running, but scheduled runs are held until resumed. */
    PAUSED,
    /** Not running: the status of a service that stopped (or died). */
    STOPPED;

    /** The name in status.json and the control socket's answers. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ServiceState ofJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service state \"" + name + "\""));
    }
}
