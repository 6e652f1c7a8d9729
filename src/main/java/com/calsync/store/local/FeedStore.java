package com.calsync.store.local;

import com.calsync.ical.ItemParser;
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
import com.calsync.store.http.BoundedExchange;
import com.calsync.store.http.HttpClients;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.http.Origin;
import com.calsync.store.http.Redirects;
import com.calsync.store.http.ResponseTooLargeException;
import com.calsync.store.http.TlsTrust;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

    private final URI url;          // null for a file feed
    private final Path file;        // null for an HTTP feed
    private final Path cacheFolder; // may be null
    private final HttpClient http;
    private final FeedDecoder decoder;
    private final HttpLimits limits;
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
        this(location, cacheFolder, HttpLimits.DEFAULTS, clock);
    }

    /** A feed whose downloads keep to {@code limits} (deadline, size after decompression). */
    public FeedStore(String location, Path cacheFolder, HttpLimits limits, Clock clock) {
        // a file feed needs no client (building one starts a selector thread)
        this(location, cacheFolder, feedUri(location) == null ? null : HttpClients.create(limits), new ItemParser(),
                clock, limits);
    }

    /** @param http the client for an http(s) feed; may be null for a file feed */
    public FeedStore(String location, Path cacheFolder, HttpClient http, ItemParser parser, Clock clock) {
        this(location, cacheFolder, http, parser, clock, HttpLimits.DEFAULTS);
    }

    /**
     * @param http   a client from {@link HttpClients}: redirects are followed here, by
     *               {@link Redirects}' rules, not by the client
     * @param limits the deadline and size limit of each download
     */
    public FeedStore(String location, Path cacheFolder, HttpClient http, ItemParser parser, Clock clock,
                     HttpLimits limits) {
        Objects.requireNonNull(location, "location");
        URI uri = feedUri(location);
        this.url = uri;
        this.file = uri != null ? null
                : (location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location))
                        .toAbsolutePath().normalize();
        this.cacheFolder = cacheFolder;
        this.http = uri == null ? http : Objects.requireNonNull(http, "http");
        this.decoder = new FeedDecoder(Objects.requireNonNull(parser, "parser"));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        String version = FeedStore.class.getPackage().getImplementationVersion();
        this.userAgent = "CalSync/" + (version == null ? "dev" : version);
        this.last = uri == null ? null : loadCache();
    }

    /** A client with the timeouts and redirect policy feeds need (see {@link HttpClients}). */
    public static HttpClient defaultClient() {
        return HttpClients.create(HttpLimits.DEFAULTS);
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
        return decoder.items(body, describe(), "a file or an earlier download");
    }

    private Fetched readFile() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String stamp = attributes.lastModifiedTime().toInstant() + "-" + attributes.size();
            if (last != null && stamp.equals(last.fileStamp())) {
                return last;
            }
            if (attributes.size() > limits.maxBodyBytes()) {
                throw new ResponseTooLargeException("the calendar file " + file, limits);
            }
            String body = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (!FeedDecoder.isCalendar(body)) {
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
        URI at = url;
        for (int hop = 0; hop <= Redirects.MAX_HOPS; hop++) {
            BoundedExchange.Response response = exchange(at);
            int status = response.status();
            if (Redirects.isRedirect(status)) {
                // Feeds carry no credentials, so any origin may be followed; never down to http.
                URI next = Redirects.target(at, response.header("Location"), status);
                log.debug("{} redirected ({}) to {}", redacted(at), status, redacted(next));
                at = next;
                continue;
            }
            if (status == 304 && last != null) {
                return last;
            }
            if (status == 200) {
                String contentType = response.header("Content-Type").orElse("no content type");
                String body = FeedDecoder.text(response.body(), contentType);
                decoder.items(body, describe(), contentType); // refuse what is no calendar before caching it
                Fetched fetched = new Fetched(body, response.header("ETag").filter(FeedStore::sendable).orElse(null),
                        response.header("Last-Modified").filter(FeedStore::sendable).orElse(null), null);
                saveCache(fetched);
                return fetched;
            }
            throw statusError(status, response.header("Retry-After"), at);
        }
        throw new StoreException(describe() + " redirected more than " + Redirects.MAX_HOPS
                + " times (a redirect loop?); check the subscription URL");
    }

    /** One GET, conditional when an earlier download left validators, bounded by {@link #limits}. */
    private BoundedExchange.Response exchange(URI at) {
        HttpRequest.Builder request = HttpRequest.newBuilder(at)
                .timeout(limits.requestTimeout())
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
        requests.incrementAndGet();
        try {
            try {
                return BoundedExchange.send(http, request.build(), limits, "GET " + redacted(at));
            } catch (IOException e) {
                if (!BoundedExchange.isStaleConnection(e)) {
                    throw e;
                }
                // a pooled connection the server had closed: the request never reached it
                return BoundedExchange.send(http, request.build(), limits, "GET " + redacted(at));
            }
        } catch (IOException e) {
            Optional<String> tls = TlsTrust.explain(e, Origin.of(at), "a CA the JDK trusts (feeds use the JDK's CAs)");
            if (tls.isPresent()) {
                throw new StoreException("Cannot fetch " + describe() + ": " + tls.get(), e);
            }
            throw new StoreUnavailableException("Cannot reach " + describe() + ": " + describeFailure(e)
                    + "; will retry on the next sync", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Fetching " + describe() + " was interrupted", null, e);
        }
    }

    /** A validator a server sent that can be sent back as a header (no CR, LF or other control characters). */
    static boolean sendable(String value) {
        return !value.isBlank() && value.length() <= 1024 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private StoreException statusError(int status, Optional<String> retryAfterHeader, URI uri) {
        String where = redacted(uri);
        if (status == 429 || status >= 500) {
            Duration retryAfter = RetryAfter.parse(retryAfterHeader.orElse(null), clock).orElse(null);
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
