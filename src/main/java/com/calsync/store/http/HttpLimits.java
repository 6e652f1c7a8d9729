package com.calsync.store.http;

import java.time.Duration;

/**
 * How long and how big one HTTP exchange with a server may be. Servers are not trusted to end
 * their answers: a body that trickles or never ends, or that grows huge (or expands to huge
 * after decompression), is cut off with an error that names the limit and the config key that
 * raises it.
 *
 * @param connectTimeout  to open the connection (and finish TLS)
 * @param requestTimeout  overall, from sending the request to the last byte of the answer
 * @param maxBodyBytes    largest answer body accepted, counted after decompression
 */
public record HttpLimits(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes) {
    /** The key in config.json's {@code limits} section that sets {@link #requestTimeout}. */
    public static final String TIMEOUT_KEY = "request_timeout_seconds";
    /** The key in config.json's {@code limits} section that sets {@link #maxBodyBytes}, in MB. */
    public static final String SIZE_KEY = "max_response_mb";

    /**
     * 60 s per request: a multiget of 100 events takes well under a second on a healthy server.
     * 64 MB: about 100 000 events of typical size in one answer, far more than one multiget
     * (100 items) or a listing of a 50 000-event calendar (about 15 MB) needs.
     */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(60),
            64L * 1024 * 1024);

    public HttpLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || maxBodyBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + connectTimeout + ", " + requestTimeout
                    + ", " + maxBodyBytes);
        }
    }

    /** The limits with {@code request_timeout_seconds} and {@code max_response_mb} as configured. */
    public static HttpLimits of(int requestTimeoutSeconds, int maxResponseMb) {
        return new HttpLimits(DEFAULTS.connectTimeout(), Duration.ofSeconds(requestTimeoutSeconds),
                (long) maxResponseMb * 1024 * 1024);
    }

    /** The size limit as people read it: "64 MB". */
    public String sizeText() {
        long mb = maxBodyBytes / (1024 * 1024);
        return mb > 0 && mb * 1024 * 1024 == maxBodyBytes ? mb + " MB" : maxBodyBytes + " bytes";
    }
}
