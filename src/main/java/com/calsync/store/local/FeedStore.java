package com.calsync.store.local;

import com.calsync.ical.CalendarItem;
import com.calsync.ical.ItemParser;
import com.calsync.ical.MalformedItemException;
import com.calsync.ical.TimeWindow;
import com.calsync.platform.AtomicFiles;
import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.RetryAfter;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.StoredItem;
import com.calsync.store.http.DeferredTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only calendar from one {@code .ics} file or an {@code http(s)://} / {@code webcal://}
 * subscription (webcal is fetched over https).
 *
 * <p>The feed is split into one item per UID ({@link ItemParser#split}); an item's href is
 * {@link ItemFileName#forUid} and its etag the SHA-256 of its text. {@link #list} fetches the
 * feed with a conditional request (If-None-Match / If-Modified-Since), so an unchanged feed costs
 * one 304; {@link #get} serves the body from that fetch without asking again. Given a cache
 * folder, the last body and its validators survive restarts.
 *
 * <p>Errors: 404/410 and other refusals → {@link StoreException} naming the URL; 5xx, 429 and
 * network failures → {@link StoreUnavailableException} (with Retry-After when sent); a body that
 * is not a VCALENDAR → {@link StoreException}. Writes → {@link ReadOnlyStoreException}.
 */
public final class FeedStore implements CalendarStore {
    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;          // null for a file feed
    private final Path file;        // null for an HTTP feed
    private final Path cacheFolder; // may be null
    private final HttpClient http;
    private final ItemParser parser;
    private final Clock clock;
    private final String userAgent;
    private final AtomicLong requests = new AtomicLong();

    private Fetched last;           // guarded by this
    private Map<String, StoredItem> items; // split of last.body, guarded by this

    /** What the feed last returned, with the validators for the next conditional request. */
    private record Fetched(String body, String etag, String lastModified, String fileStamp) {}

    /**
     * A feed with a default HTTP client.
     *
     * @param cacheFolder where the last body is kept across restarts, or null
     * @param clock       when a download happened (for the cache's file stamp)
     */
    public FeedStore(String location, Path cacheFolder, Clock clock) {
        // a file feed needs no client (building one starts a selector thread)
        this(location, cacheFolder, feedUri(location) == null ? null : defaultClient(), new ItemParser(), clock);
    }

    /** @param http the client for an http(s) feed; may be null for a file feed */
    public FeedStore(String location, Path cacheFolder, HttpClient http, ItemParser parser, Clock clock) {
        Objects.requireNonNull(location, "location");
        URI uri = feedUri(location);
        this.url = uri;
        this.file = uri != null ? null
                : (location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location))
                        .toAbsolutePath().normalize();
        this.cacheFolder = cacheFolder;
        this.http = uri == null ? http : Objects.requireNonNull(http, "http");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        String version = FeedStore.class.getPackage().getImplementationVersion();
        this.userAgent = "CalSync/" + (version == null ? "dev" : version);
        this.last = uri == null ? null : loadCache();
    }

    /** A client with the timeouts and redirect policy feeds need. */
    public static HttpClient defaultClient() {
        return DeferredTls.applyTo(HttpClient.newBuilder())
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The URL to fetch for a location, webcal:// becoming https://; null when it is a file path. */
    static URI feedUri(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("webcal://")) {
                return new URI("https://" + location.substring("webcal://".length()));
            }
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return new URI(location);
            }
        } catch (java.net.URISyntaxException e) {
            throw new StoreException("The feed URL " + location + " is not a valid URL: " + e.getMessage(), e);
        }
        return null;
    }

    @Override
    public String describe() {
        return url != null ? "feed " + redacted(url) : "file feed " + file;
    }

    @Override
    public StoreCapabilities capabilities() {
        return StoreCapabilities.readOnlyStore();
    }

    @Override
    public synchronized Listing list(TimeWindow window) {
        refresh();
        Map<String, String> etags = new LinkedHashMap<>();
        items.forEach((href, item) -> etags.put(href, item.etag()));
        return Listing.of(etags);
    }

    @Override
    public synchronized List<StoredItem> get(Collection<String> hrefs) {
        if (items == null) {
            refresh();
        }
        List<StoredItem> found = new ArrayList<>();
        for (String href : hrefs) {
            StoredItem item = items.get(href);
            if (item != null) {
                found.add(item);
            }
        }
        return found;
    }

    @Override
    public ItemRef create(String uid, String ics) {
        throw readOnly();
    }

    @Override
    public String update(String href, String ics, String etag) {
        throw readOnly();
    }

    @Override
    public void delete(String href, String etag) {
        throw readOnly();
    }

    @Override
    public long requestCount() {
        return requests.get();
    }

    private ReadOnlyStoreException readOnly() {
        return new ReadOnlyStoreException(describe() + " is read-only: a subscription cannot be written to;"
                + " use it only as a mirror source");
    }

    /** Fetches the feed (conditionally) and re-splits it when its body changed. */
    private void refresh() {
        Fetched fetched = url != null ? fetchHttp() : readFile();
        if (items != null && last != null && fetched.body().equals(last.body())) {
            last = fetched;
            return;
        }
        last = fetched;
        items = split(fetched.body());
    }

    private Map<String, StoredItem> split(String body) {
        ItemParser.SplitResult result;
        try {
            result = parser.split(body);
        } catch (MalformedItemException e) {
            throw new StoreException(describe() + " could not be read as iCalendar: " + e.getMessage(), e);
        }
        result.skipped().forEach(reason -> log.warn("{}: {}", describe(), reason));
        Map<String, StoredItem> split = new LinkedHashMap<>();
        for (CalendarItem item : result.items()) {
            String href = ItemFileName.forUid(item.uid());
            split.put(href, new StoredItem(href, ItemFileName.sha256Hex(item.text()), item.text()));
        }
        return split;
    }

    private Fetched readFile() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String stamp = attributes.lastModifiedTime().toInstant() + "-" + attributes.size();
            if (last != null && stamp.equals(last.fileStamp())) {
                return last;
            }
            String body = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (!isCalendar(body)) {
                throw new StoreException("The calendar file " + file + " is not an iCalendar file (it does not start"
                        + " with BEGIN:VCALENDAR); check the path in the configuration");
            }
            return new Fetched(body, null, null, stamp);
        } catch (NoSuchFileException e) {
            throw new StoreException("The calendar file " + file + " does not exist; check the path in the configuration", e);
        } catch (IOException e) {
            throw new StoreException("Cannot read the calendar file " + file + ": " + e.getMessage(), e);
        }
    }

    private Fetched fetchHttp() {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Accept", "text/calendar, */*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .GET();
        if (last != null && last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        if (last != null && last.lastModified() != null) {
            request.header("If-Modified-Since", last.lastModified());
        }
        HttpResponse<InputStream> response;
        requests.incrementAndGet();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot reach " + describe() + ": " + describeFailure(e)
                    + "; will retry on the next sync", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Fetching " + describe() + " was interrupted", null, e);
        }
        int status = response.statusCode();
        try (InputStream raw = response.body()) {
            if (status == 304 && last != null) {
                return last;
            }
            if (status == 200) {
                String body = decode(response, raw);
                String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
                requireCalendar(body, contentType);
                Fetched fetched = new Fetched(body, response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null), null);
                saveCache(fetched);
                return fetched;
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Reading " + describe() + " failed: " + describeFailure(e), null, e);
        }
        throw statusError(response);
    }

    private StoreException statusError(HttpResponse<?> response) {
        int status = response.statusCode();
        String where = redacted(response.uri());
        if (status == 429 || status >= 500) {
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
                    .orElse(null);
            return new StoreUnavailableException("The server of " + where + " answered HTTP " + status
                    + (status == 429 ? " (too many requests)" : " (server error)") + "; will retry"
                    + (retryAfter != null ? " in " + retryAfter.toSeconds() + " s" : " on the next sync"),
                    retryAfter, null);
        }
        if (status == 404 || status == 410) {
            return new StoreException("The feed " + where + " is " + (status == 404 ? "not found" : "gone")
                    + " (HTTP " + status + "); check the subscription URL");
        }
        if (status == 401 || status == 403) {
            return new StoreException("The feed " + where + " refused access (HTTP " + status
                    + "); feeds are fetched without credentials, check that the URL is a public subscription link");
        }
        return new StoreException("The feed " + where + " answered HTTP " + status + "; check the subscription URL");
    }

    /** The URL without any user:password part, for messages and logs. */
    static String redacted(URI uri) {
        String raw = uri.getRawUserInfo();
        return raw == null ? uri.toString() : uri.toString().replace(raw + "@", "");
    }

    private static boolean isCalendar(String body) {
        return body.replace("\uFEFF", "").stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
    }

    private void requireCalendar(String body, String gotWhat) {
        String start = body.replace("\uFEFF", "").stripLeading();
        if (!isCalendar(body)) {
            String preview = start.length() > 60 ? start.substring(0, 60) + "…" : start;
            throw new StoreException(describe() + " did not return an iCalendar feed (got " + gotWhat
                    + ", starting \"" + preview.replaceAll("\\s+", " ") + "\"); check the URL or path");
        }
    }

    private static String decode(HttpResponse<?> response, InputStream raw) throws IOException {
        InputStream in = raw;
        if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(raw);
        }
        byte[] bytes = in.readAllBytes();
        return new String(bytes, charsetOf(response.headers().firstValue("Content-Type").orElse("")));
    }

    private static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", ""));
                } catch (RuntimeException unknown) {
                    break;
                }
            }
        }
        return StandardCharsets.UTF_8; // iCalendar's default (RFC 5545 §3.1.4)
    }

    private static String describeFailure(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private Path cacheBase() {
        return cacheFolder.resolve("feed-" + ItemFileName.sha256Hex(url.toString()).substring(0, 24));
    }

    private Fetched loadCache() {
        if (cacheFolder == null) {
            return null;
        }
        Path body = cacheBase().resolveSibling(cacheBase().getFileName() + ".ics");
        Path meta = cacheBase().resolveSibling(cacheBase().getFileName() + ".properties");
        if (!Files.isRegularFile(body) || !Files.isRegularFile(meta)) {
            return null;
        }
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return new Fetched(Files.readString(body, StandardCharsets.UTF_8), properties.getProperty("etag"),
                    properties.getProperty("lastModified"), null);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the unreadable feed cache {}: {}", body, e.toString());
            return null;
        }
    }

    private void saveCache(Fetched fetched) {
        if (cacheFolder == null) {
            return;
        }
        Path base = cacheBase();
        try {
            Files.createDirectories(cacheFolder);
            Properties properties = new Properties();
            Optional.ofNullable(fetched.etag()).ifPresent(v -> properties.setProperty("etag", v));
            Optional.ofNullable(fetched.lastModified()).ifPresent(v -> properties.setProperty("lastModified", v));
            properties.setProperty("url", url.toString());
            // body first, then the validators: a crash in between only costs one full fetch
            writeAtomically(base.resolveSibling(base.getFileName() + ".ics"),
                    fetched.body().getBytes(StandardCharsets.UTF_8));
            var out = new java.io.ByteArrayOutputStream();
            properties.store(out, "CalSync feed cache");
            writeAtomically(base.resolveSibling(base.getFileName() + ".properties"), out.toByteArray());
        } catch (IOException e) {
            log.warn("Could not cache {} in {}: {}", describe(), cacheFolder, e.toString());
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes, AtomicFiles.Access.DEFAULT);
    }
}
