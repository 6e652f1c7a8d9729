package com.calsync.store.caldav;

import com.calsync.store.RetryAfter;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.http.BoundedExchange;
import com.calsync.store.http.HttpClients;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.http.Origin;
import com.calsync.store.http.Redirects;
import com.calsync.store.http.TlsTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer under the CalDAV store: sends one WebDAV request with the account's Basic
 * credentials, retries it when that is safe, and turns "cannot reach the server" into
 * {@link StoreUnavailableException} and a refused login into {@link CalDavAuthenticationException}.
 *
 * <p>Hostile servers: the password is sent only to the account's <em>trusted origins</em> — the
 * configured URL's and those discovery found in answers from a trusted origin (iCloud's
 * {@code pNN-caldav.icloud.com}, see {@link #trust}). Redirects are followed here, hop by hop
 * ({@link Redirects}): to a trusted origin with the password, to another origin only for reads
 * and without it, never from https to http; writes are not redirected to another origin at all.
 * Each exchange is bounded by {@link HttpLimits} (overall deadline, body size), a refused TLS
 * certificate fails at once with how to trust it, and a header value that cannot be sent (an etag
 * with CR/LF) fails that request, never the client.
 *
 * <p>Every request this client sends is safe to repeat: reads (PROPFIND, REPORT, GET) always,
 * and writes only ever go out conditional (PUT with If-None-Match or If-Match, DELETE with
 * If-Match), so a repeat after a lost answer cannot clobber anything; callers learn from
 * {@link Answer#outcomeUnknownBefore()} that an earlier attempt may have gone through.
 */
public final class CalDavClient {
    private static final Logger log = LoggerFactory.getLogger(CalDavClient.class);
    static final String USER_AGENT = "CalSync/0.1";

    private final CalDavAccount account;
    private final HttpClient http;
    private final HttpLimits limits;
    /** Where the password may go; shared by {@link #withOwnCounter} copies, grown by discovery. */
    private final Set<Origin> trusted;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong staleConnectionRetries = new AtomicLong();
    private final AtomicLong busyAnswers = new AtomicLong();
    /** The Retry-After of the last busy answer; null when it had none. */
    private final AtomicReference<Duration> lastBusyRetryAfter = new AtomicReference<>();
    /**
     * The Authorization header, built on first use and kept: asking the password supplier (a
     * keychain) on every request would be slow and may prompt the user. Dropped after a 401.
     */
    private final AtomicReference<String> authorization;

    public CalDavClient(CalDavAccount account, HttpClient http, Duration requestTimeout, RetryPolicy retryPolicy,
                        Sleeper sleeper, Clock clock) {
        this(account, http, new HttpLimits(HttpLimits.DEFAULTS.connectTimeout(), requestTimeout,
                HttpLimits.DEFAULTS.maxBodyBytes()), retryPolicy, sleeper, clock);
    }

    /**
     * @param http a client from {@link HttpClients}: it must not follow redirects itself, or the
     *             password would go wherever a server points
     */
    public CalDavClient(CalDavAccount account, HttpClient http, HttpLimits limits, RetryPolicy retryPolicy,
                        Sleeper sleeper, Clock clock) {
        this(account, http, limits, retryPolicy, sleeper, clock, new AtomicReference<>(),
                ConcurrentHashMap.newKeySet());
        trusted.add(Origin.of(account.baseUrl()));
    }

    private CalDavClient(CalDavAccount account, HttpClient http, HttpLimits limits, RetryPolicy retryPolicy,
                         Sleeper sleeper, Clock clock, AtomicReference<String> authorization, Set<Origin> trusted) {
        this.authorization = authorization;
        this.account = account;
        this.http = http;
        this.limits = limits;
        this.trusted = trusted;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client with the usual settings: {@link HttpLimits#DEFAULTS}, {@link RetryPolicy#defaults()}. */
    public static CalDavClient create(CalDavAccount account, Clock clock) {
        return create(account, HttpLimits.DEFAULTS, clock);
    }

    /** A client keeping to {@code limits}, trusting the account's {@code ca_file} as well as the JDK's CAs. */
    public static CalDavClient create(CalDavAccount account, HttpLimits limits, Clock clock) {
        return new CalDavClient(account, HttpClients.create(limits, account.caFile()), limits, RetryPolicy.defaults(),
                Sleeper.real(), clock);
    }

    /** HTTP/1.1, redirects left to this class, the JDK's TLS verification (see {@link HttpClients}). */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClients.create(connectTimeout);
    }

    /** Another client on the same connection pool, settings and trusted origins, with its own request count. */
    public CalDavClient withOwnCounter() {
        return new CalDavClient(account, http, limits, retryPolicy, sleeper, clock, authorization, trusted);
    }

    /**
     * Lets the password go to {@code url}'s origin too: discovery calls this for the principal and
     * calendar home it found in an answer from a trusted origin (iCloud keeps each account's
     * calendars on a host of its own). An answer from an untrusted origin never widens the set.
     */
    void trust(URI url, Answer foundIn) {
        if (isTrusted(foundIn.uri())) {
            Origin origin = Origin.of(url);
            if (trusted.add(origin)) {
                log.debug("account {}: {} named by {} is trusted with the password", account.name(), origin,
                        Origin.of(foundIn.uri()));
            }
        }
    }

    /** Whether the password may be sent to {@code url}. */
    boolean isTrusted(URI url) {
        try {
            return trusted.contains(Origin.of(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public HttpLimits limits() {
        return limits;
    }

    public CalDavAccount account() {
        return account;
    }

    /** HTTP requests sent by this client so far, retries included (not the stale-connection resends). */
    public long requestCount() {
        return requests.get();
    }

    /** How often the server answered 429 or 503 to this client's requests so far, and the last Retry-After. */
    public com.calsync.store.BusyAnswers busyAnswers() {
        // read the wait first: a count that moved on meanwhile is then matched by at most a newer wait
        Duration wait = lastBusyRetryAfter.get();
        return new com.calsync.store.BusyAnswers(busyAnswers.get(), Optional.ofNullable(wait));
    }

    /**
     * Requests resent at once because they went out on a pooled connection the server had
     * already closed. Radicale answers HTTP/1.0 and closes every connection, but the JDK's client
     * pools it unless the answer says "Connection: close", so the next request sometimes meets a
     * dead socket and gets no bytes back.
     */
    public long staleConnectionRetries() {
        return staleConnectionRetries.get();
    }

    /**
     * Sends {@code request}, retrying connection failures, timeouts, 5xx (when the request
     * allows) and 429/503 (after the server's Retry-After when it is short enough).
     *
     * @return the first answer that is not retried, whatever its status
     * @throws StoreUnavailableException when the retries are used up or the server asks for a long pause
     * @throws CalDavAuthenticationException on 401
     */
    Answer send(Request request) {
        boolean outcomeUnknown = false;
        Answer lastServerError = null; // the last retried 5xx answer
        int serverErrors = 0; // attempts answered with a retried 5xx
        Duration lastRetryAfter = null;
        Exception lastFailure = null;
        String lastProblem = "";
        int staleResends = 0;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            Duration wait;
            long started = System.nanoTime();
            requests.incrementAndGet();
            try {
                BoundedExchange.Response response = followingRedirects(request);
                int status = response.status();
                log.debug("{} {} -> {} in {} ms (attempt {})", request.method(), request.uri(), status,
                        (System.nanoTime() - started) / 1_000_000, attempt);
                if (status == 401) {
                    if (!isTrusted(response.uri())) {
                        throw new CalDavAuthenticationException(describe(request) + " was redirected to "
                                + Origin.of(response.uri()) + ", which asks for a login; CalSync sends the password"
                                + " only to the account's own server (" + Origin.of(account.baseUrl()) + "). If "
                                + Origin.of(response.uri()) + " really is your server, use it in the account's url");
                    }
                    authorization.set(null);
                    throw new CalDavAuthenticationException("authentication failed for account " + account.name()
                            + " at " + request.uri() + ": check the user name and password"
                            + " (iCloud needs an app-specific password, made at appleid.apple.com;"
                            + " Fastmail and Google need an app password too)");
                }
                if (status == 429 || status == 503) {
                    Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
                    lastRetryAfter = retryAfter.orElse(null);
                    lastBusyRetryAfter.set(lastRetryAfter);
                    busyAnswers.incrementAndGet();
                    lastProblem = "HTTP " + status;
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(retryPolicy.maxRetryAfter()) > 0) {
                        throw new StoreUnavailableException(describe(request) + " answered HTTP " + status
                                + " and asks to wait " + retryAfter.get().toSeconds() + " s: try again later",
                                retryAfter.get(), null);
                    }
                    Duration backoff = retryPolicy.backoffAfter(attempt);
                    wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
                } else if (request.retryServerErrors() && (status == 500 || status == 502 || status == 504 || status == 408)) {
                    // The server may have done the work before failing.
                    outcomeUnknown = true;
                    lastProblem = "HTTP " + status;
                    lastServerError = new Answer(status, response.headers().map(), response.body(), response.uri(), true);
                    serverErrors++;
                    wait = retryPolicy.backoffAfter(attempt);
                } else {
                    return new Answer(status, response.headers().map(), response.body(), response.uri(), outcomeUnknown);
                }
            } catch (IOException e) {
                Optional<String> tls = TlsTrust.explain(e, Origin.of(request.uri()),
                        "\"ca_file\" of account \"" + account.name() + "\"");
                if (tls.isPresent()) {
                    // Not retried: the same certificate comes back every time.
                    throw new StoreException(describe(request) + " failed: " + tls.get(), e);
                }
                if (isStaleConnection(e) && staleResends < 2) {
                    // No byte came back on a connection the server had closed while it sat in the
                    // pool: the server never saw the request. Resend at once, counting neither an
                    // attempt nor a request, and without marking the outcome unknown (that would turn
                    // a real 404 on DELETE into "already done"). Should the server in truth have
                    // processed it and died without a byte, the conditional request makes the resend
                    // harmless: a 412 or 404 that the caller handles like any other.
                    log.debug("{} met a closed pooled connection; resending", describe(request));
                    staleResends++;
                    staleConnectionRetries.incrementAndGet();
                    requests.decrementAndGet();
                    attempt--;
                    continue;
                }
                log.debug("{} {} failed after {} ms (attempt {}): {}", request.method(), request.uri(),
                        (System.nanoTime() - started) / 1_000_000, attempt, e.toString());
                // A refused connection never carried the request; anything later may have.
                if (!(e instanceof ConnectException)) {
                    outcomeUnknown = true;
                }
                lastFailure = e;
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = retryPolicy.backoffAfter(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(describe(request) + " was interrupted", null, e);
            }
            if (attempt < retryPolicy.maxAttempts()) {
                log.info("{} failed ({}), retrying in {} ms", describe(request), lastProblem, wait.toMillis());
                pause(wait, request);
            }
        }
        String message = describe(request) + " failed " + retryPolicy.maxAttempts()
                + " times (last: " + lastProblem + "): the server is unreachable or overloaded, try again later";
        if (serverErrors == retryPolicy.maxAttempts()) {
            throw new ServerErrorException(message, lastRetryAfter, lastServerError);
        }
        throw new StoreUnavailableException(message, lastRetryAfter, lastFailure);
    }

    /**
     * The server answered every attempt of a request with a server error (500, 502, 504, 408):
     * unlike a connection failure or "busy" (503, 429) these are answers, which the store may take
     * as being about the one item it sent (Xandikos fails some valid items with 500).
     */
    static final class ServerErrorException extends StoreUnavailableException {
        private final transient Answer answer;

        ServerErrorException(String message, Duration retryAfter, Answer answer) {
            super(message, retryAfter, null);
            this.answer = answer;
        }

        Answer answer() {
            return answer;
        }
    }

    /**
     * How the JDK reports a pooled connection that the server had closed: not one byte of an
     * answer came back. (A cut-off body also ends in "EOF reached while reading", but below a
     * different message, so only this one counts.)
     */
    static boolean isStaleConnection(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
    }

    /**
     * Sends {@code request} and follows redirects by this class's rules (see the class comment),
     * each hop one exchange bounded by {@link #limits}.
     */
    private BoundedExchange.Response followingRedirects(Request request) throws IOException, InterruptedException {
        URI at = request.uri();
        String method = request.method();
        byte[] body = request.body();
        for (int hop = 0; hop <= Redirects.MAX_HOPS; hop++) {
            BoundedExchange.Response response = BoundedExchange.send(http, toHttpRequest(request, at, method, body),
                    limits, method + " " + at + " (account " + account.name() + ")");
            if (!Redirects.isRedirect(response.status())) {
                return response;
            }
            URI next = Redirects.target(at, response.header("Location"), response.status());
            if (!isTrusted(next) && !Redirects.isRead(method)) {
                throw new StoreException(describe(request) + " was redirected to " + Origin.of(next) + ", another server"
                        + " than the account's " + Origin.of(account.baseUrl()) + "; CalSync does not send changes"
                        + " (or the password) there. If the calendar really moved, update the account's url");
            }
            if (!isTrusted(next)) {
                log.info("{} redirected to {}, another origin: following without the password", describe(request),
                        Origin.of(next));
            }
            if (response.status() == 303) {
                method = "GET";
                body = null;
            }
            at = next;
        }
        throw new StoreException(describe(request) + " was redirected more than " + Redirects.MAX_HOPS
                + " times (a redirect loop?); check the account's url");
    }

    private void pause(Duration wait, Request request) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(describe(request) + " was interrupted", null, e);
        }
    }

    private String describe(Request request) {
        return request.method() + " " + request.uri() + " (account " + account.name() + ")";
    }

    private HttpRequest toHttpRequest(Request request, URI at, String method, byte[] body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(at)
                    .timeout(limits.requestTimeout())
                    .header("User-Agent", USER_AGENT)
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            request.headers().forEach(builder::header);
            if (account.hasCredentials() && isTrusted(at)) {
                builder.header("Authorization", authorization.updateAndGet(a -> a != null ? a : basicCredentials()));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            // A header value the JDK refuses (CR/LF in an etag the server sent): fail this request only.
            throw new StoreException(describe(request) + " cannot be sent: a header value holds characters HTTP does"
                    + " not allow (" + Hrefs.printable(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    private String basicCredentials() {
        char[] password = account.password() == null ? new char[0] : account.password().get();
        CharBuffer chars = CharBuffer.allocate(account.username().length() + 1 + password.length);
        chars.put(account.username()).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(raw);
        } finally {
            // Keep the secret's lifetime short; the header string itself cannot be wiped.
            Arrays.fill(password, '\0');
            Arrays.fill(chars.array(), '\0');
            Arrays.fill(raw, (byte) 0);
        }
    }

    private Optional<Duration> retryAfter(Optional<String> header) {
        return RetryAfter.parse(header.orElse(null), clock);
    }

    /**
     * One WebDAV request. {@code retryServerErrors} false hands 500/502/504 back to the caller
     * (a sync-collection REPORT whose token Xandikos rejects with 500).
     */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, boolean retryServerErrors) {
        Request {
            headers = Map.copyOf(headers);
        }

        static Request xml(String method, URI uri, String depth, String xml) {
            return new Request(method, uri, Map.of("Depth", depth, "Content-Type", "application/xml; charset=utf-8"),
                    xml.getBytes(StandardCharsets.UTF_8), true);
        }

        Request withoutServerErrorRetries() {
            return new Request(method, uri, headers, body, false);
        }
    }

    /**
     * A server's answer. {@code outcomeUnknownBefore}: an earlier attempt of the same request
     * failed in a way that leaves open whether the server carried it out.
     */
    record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body, URI uri,
                  boolean outcomeUnknownBefore) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The start of the body, for error messages. */
        String bodyExcerpt() {
            String text = bodyText().strip().replaceAll("\\s+", " ");
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
