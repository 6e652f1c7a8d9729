package com.calsync.store.local;

import com.calsync.ical.ItemParser;
import com.calsync.store.StoreException;
import com.calsync.store.http.ContentDecoding;
import com.calsync.store.http.HttpLimits;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * A feed's body as a server sends it: compressed or not, in any charset, any bytes. Decoding
 * it fails only with {@link StoreException} (a too large answer included).
 * Replays {@code FeedDecodingFuzzTestInputs/} in every build; src/docs/fuzzing.md fuzzes it.
 */
class FeedDecodingFuzzTest {
    private static final String[] ENCODINGS = {"", "gzip", "deflate", "x-gzip", "identity", "br"};
    private static final String[] TYPES = {"text/calendar", "text/calendar; charset=utf-8",
            "text/calendar; charset=ISO-8859-1", "text/calendar; charset=\"utf-16\"", "text/html", "",
            "text/calendar; charset=nonsense-42"};
    private final FeedDecoder decoder = new FeedDecoder(new ItemParser());
    /** Small, so the size limit itself is exercised. */
    private final HttpLimits limits = new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 256 * 1024);

    @FuzzTest(maxDuration = "24h")
    void decode(FuzzedDataProvider data) {
        String encoding = data.pickValue(ENCODINGS);
        String type = data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(40);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            byte[] decoded = ContentDecoding.decode(body, encoding, limits, "the answer to GET https://example.org/f.ics");
            decoder.items(FeedDecoder.text(decoded, type), "feed https://example.org/f.ics", type);
        } catch (StoreException expected) {
            // refused with a message: not gzip, too large, not a calendar, unreadable
        }
    }
}
