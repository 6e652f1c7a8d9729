package com.calsync.config;

/**
 * The {@code limits} section of config.json: how long and how big CalSync lets a server's answers
 * and a pair's run be. Servers are not trusted to end what they send; these bound it.
 *
 * @param requestTimeoutSeconds one request, from sending it to the last byte of the answer
 * @param runTimeoutMinutes     one run of one pair; a run past it is cancelled (what it wrote so
 *                              far is kept) so the other pairs go on, and it is retried later
 * @param maxResponseMb         one answer body (a listing, a multiget, a feed), after decompression
 * @param maxWritesInFlight     creates and updates sent at once to a CalDAV server (the sync sends
 *                              fewer while the server slows down or answers busy); 1 sends one at a time
 */
public record Limits(int requestTimeoutSeconds, int runTimeoutMinutes, int maxResponseMb, int maxWritesInFlight) {
    /** The section's key in config.json. */
    public static final String SECTION = "limits";
    public static final String REQUEST_TIMEOUT_SECONDS = "request_timeout_seconds";
    public static final String RUN_TIMEOUT_MINUTES = "run_timeout_minutes";
    public static final String MAX_RESPONSE_MB = "max_response_mb";
    public static final String MAX_WRITES_IN_FLIGHT = "max_writes_in_flight";

    /**
     * 60 s per request (a healthy server answers a 100-item multiget in well under a second);
     * 30 min per run (a first sync that needs longer is simply continued by the next run, since
     * every write is recorded as it is made); 64 MB per answer (about 100 000 typical events);
     * 4 writes in flight (past that a small server only queues them; see src/docs/performance.md).
     */
    public static final Limits DEFAULTS = new Limits(60, 30, 64, 4);

    /** Allowed ranges, as {min, max}, for validation and messages. */
    static final int[] REQUEST_TIMEOUT_RANGE = {5, 3600};
    static final int[] RUN_TIMEOUT_RANGE = {1, 1440};
    static final int[] MAX_RESPONSE_RANGE = {1, 4096};
    static final int[] MAX_WRITES_IN_FLIGHT_RANGE = {1, 8};

    /** Limits with the default writes in flight. */
    public Limits(int requestTimeoutSeconds, int runTimeoutMinutes, int maxResponseMb) {
        this(requestTimeoutSeconds, runTimeoutMinutes, maxResponseMb, 4);
    }

    public java.time.Duration runTimeout() {
        return java.time.Duration.ofMinutes(runTimeoutMinutes);
    }
}
