package com.calsync.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The commands of the control socket: a request's {@code "cmd"}. {@link ControlRequest} carries
 * one with its arguments; the service answers each (see README, "Control socket").
 */
public enum ControlCommand {
    /** Is a service there? Answers its pid. */
    PING,
    /** The service's {@link ServiceSnapshot}. */
    STATUS,
    /** Queue every pair, or one; optionally wait for the runs and answer their results. */
    SYNC,
    PAUSE,
    RESUME,
    /** Stop the run in progress after its current item. */
    CANCEL,
    /** Read config.json now. */
    RELOAD,
    /** Stop the service gracefully, after answering. */
    STOP;

    /** The name on the wire: {@code "ping"}, {@code "sync"}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a command; the message lists the known ones */
    public static ControlCommand named(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown command \"" + name + "\"; known: "
                        + Arrays.stream(values()).map(ControlCommand::wireName).collect(Collectors.joining(", "))));
    }
}
