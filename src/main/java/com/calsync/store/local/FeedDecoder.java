package com.calsync.store.local;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed's body (already transfer-decoded) into items: text in the charset its
 * Content-Type names (UTF-8 otherwise, RFC 5545 §3.1.4), checked to be a VCALENDAR, split into
 * one item per UID. Everything it refuses is a {@link StoreException} saying why.
 */
final class FeedDecoder {
    private static final Logger log = LoggerFactory.getLogger(FeedDecoder.class);

    private final ItemParser parser;

    FeedDecoder(ItemParser parser) {
        this.parser = parser;
    }

    /** The body as text, in the charset {@code contentType} names. */
    static String text(byte[] body, String contentType) {
        return new String(body, charsetOf(contentType));
    }

    /**
     * @param what the feed, for messages ("feed https://…")
     * @param gotWhat what the server said it sent (its Content-Type), for the error when it is no calendar
     */
    Map<String, StoredItem> items(String body, String what, String gotWhat) {
        requireCalendar(body, what, gotWhat);
        ItemParser.SplitResult result;
        try {
            result = parser.split(body);
        } catch (MalformedItemException e) {
            throw new StoreException(what + " could not be read as iCalendar: " + e.getMessage(), e);
        }
        result.skipped().forEach(reason -> log.warn("{}: {}", what, reason));
        Map<String, StoredItem> split = new LinkedHashMap<>();
        for (CalendarItem item : result.items()) {
            String href = ItemFileName.forUid(item.uid());
            split.put(href, new StoredItem(href, ItemFileName.sha256Hex(item.text()), item.text()));
        }
        for (com.calsync.ical.OpaqueItem item : result.opaque()) {
            // ical4j cannot read it, but it can be copied: the sync carries it as text
            log.info("{}: UID {} is carried as text ({})", what, item.uid(), item.problem());
            String href = ItemFileName.forUid(item.uid());
            split.putIfAbsent(href, new StoredItem(href, ItemFileName.sha256Hex(item.text()), item.text()));
        }
        return split;
    }

    static boolean isCalendar(String body) {
        return body.replace("\uFEFF", "").stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
    }

    private static void requireCalendar(String body, String what, String gotWhat) {
        if (!isCalendar(body)) {
            String start = body.replace("\uFEFF", "").stripLeading();
            String preview = start.length() > 60 ? start.substring(0, 60) + "…" : start;
            throw new StoreException(what + " did not return an iCalendar feed (got " + gotWhat
                    + ", starting \"" + preview.replaceAll("\\s+", " ") + "\"); check the URL or path");
        }
    }

    static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (RuntimeException unknown) {
                    break;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
