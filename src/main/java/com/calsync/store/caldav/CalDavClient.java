package com.calsync.store.caldav;

import com.calsync.store.RetryAfter;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.http.DeferredTls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer under the CalDAV store: sends one WebDAV request with the account's Basic
 * credentials, retries it when that is safe, and turns "cannot reach the server" into
 * {@link StoreUnavailableException} and a refused login into {@link CalDavAuthenticationException}.
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
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong staleConnectionRetries = new AtomicLong();
    /**
     * The Authorization header, built on first use and kept: asking the password supplier (a
     * keychain) on every request would be slow and may prompt the user. Dropped after a 401.
     */
    private final AtomicReference<String> authorization;

    public CalDavClient(CalDavAccount account, HttpClient http, Duration requestTimeout, RetryPolicy retryPolicy,
                        Sleeper sleeper, Clock clock) {
        this(account, http, requestTimeout, retryPolicy, sleeper, clock, new AtomicReference<>());
    }

    private CalDavClient(CalDavAccount account, HttpClient http, Duration requestTimeout, RetryPolicy retryPolicy,
                         Sleeper sleeper, Clock clock, AtomicReference<String> authorization) {
        this.authorization = authorization;
        this.account = account;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client with the usual settings: 10 s to connect, 60 s per request, {@link RetryPolicy#defaults()}. */
    public static CalDavClient create(CalDavAccount account, Clock clock) {
        return new CalDavClient(account, httpClient(Duration.ofSeconds(10)), Duration.ofSeconds(60),
                RetryPolicy.defaults(), Sleeper.real(), clock);
    }

    /**
     * HTTP/1.1, redirects followed (never from https to http), the JDK's TLS verification, set up
     * only when an https server is first reached ({@link DeferredTls}).
     */
    public static HttpClient httpClient(Duration connectTimeout) {
        return DeferredTls.applyTo(HttpClient.newBuilder())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Another client on the same connection pool and settings, with its own request count. */
    public CalDavClient withOwnCounter() {
        return new CalDavClient(account, http, requestTimeout, retryPolicy, sleeper, clock, authorization);
    }

    public CalDavAccount account() {
        return account;
    }

    /** HTTP requests sent by this client so far, retries included (not the stale-connection resends). */
    public long requestCount() {
        return requests.get();
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
        Duration lastRetryAfter = null;
        Exception lastFailure = null;
        String lastProblem = "";
        int staleResends = 0;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            Duration wait;
            long started = System.nanoTime();
            requests.incrementAndGet();
            try {
                HttpResponse<byte[]> response = exchange(toHttpRequest(request));
                int status = response.statusCode();
                log.debug("{} {} -> {} in {} ms (attempt {})", request.method(), request.uri(), status,
                        (System.nanoTime() - started) / 1_000_000, attempt);
                if (status == 401) {
                    authorization.set(null);
                    throw new CalDavAuthenticationException("authentication failed for account " + account.name()
                            + " at " + request.uri() + ": check the user name and password"
                            + " (iCloud needs an app-specific password, made at appleid.apple.com;"
                            + " Fastmail and Google need an app password too)");
                }
                if (status == 429 || status == 503) {
                    Optional<Duration> retryAfter = retryAfter(response);
                    lastRetryAfter = retryAfter.orElse(null);
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
                    wait = retryPolicy.backoffAfter(attempt);
                } else {
                    return new Answer(status, response.headers().map(), response.body(), response.uri(), outcomeUnknown);
                }
            } catch (IOException e) {
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
        throw new StoreUnavailableException(describe(request) + " failed " + retryPolicy.maxAttempts()
                + " times (last: " + lastProblem + "): the server is unreachable or overloaded, try again later",
                lastRetryAfter, lastFailure);
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
     * One exchange, bounded as a whole: the request timeout alone only covers the wait for the
     * answer's headers, so a body that stops flowing would otherwise hang the sync for good.
     */
    private HttpResponse<byte[]> exchange(HttpRequest httpRequest) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + requestTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
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

    private HttpRequest toHttpRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        if (account.hasCredentials()) {
            builder.header("Authorization", authorization.updateAndGet(a -> a != null ? a : basicCredentials()));
        }
        return builder.build();
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

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
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
