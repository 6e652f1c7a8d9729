package com.calsync.store.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request and reads its whole answer within {@link HttpLimits}: an overall deadline
 * from the first byte sent to the last byte received (the JDK's request timeout only covers the
 * wait for the headers, so a body that trickles would otherwise hold the sync for good), and a
 * body size limit that is checked while reading, before the body is held, and again after
 * {@code Content-Encoding: gzip/deflate} is undone.
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /** An answer read in full: status, headers, the decoded body and the URL that answered. */
    public record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * @param what the request as a user reads it in an error, e.g. {@code GET https://…/feed.ics}
     * @throws HttpTimeoutException when the answer is not complete within the request timeout
     * @throws ResponseTooLargeException when the body (decoded) is larger than the limit
     * @throws IOException for any other network failure, as the JDK reports it
     */
    public static Response send(HttpClient http, HttpRequest request, HttpLimits limits, String what)
            throws IOException, InterruptedException {
        long timeoutMs = limits.requestTimeout().toMillis();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new CappedBody(limits.maxBodyBytes(), info.headers()));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Since JDK 16 cancelling the future aborts the exchange and closes its connection.
            future.cancel(true);
            long seconds = limits.requestTimeout().toSeconds();
            // config.json sets whole seconds; only tests use shorter deadlines, which must not read "0 s"
            String limit = seconds * 1000 == limits.requestTimeout().toMillis() ? seconds + " s"
                    : limits.requestTimeout().toMillis() + " ms";
            throw new HttpTimeoutException(what + " did not answer completely within " + limit
                    + " (the limit \"" + HttpLimits.TIMEOUT_KEY + "\" in config.json's \"limits\")");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BodyTooLarge) {
                throw new ResponseTooLargeException("the answer to " + what, limits);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
        byte[] body = ContentDecoding.decode(response.body(), response.headers().firstValue("Content-Encoding").orElse(""),
                limits, "the answer to " + what);
        return new Response(response.statusCode(), response.headers(), body, response.uri());
    }

    /**
     * How the JDK reports a pooled connection that the server had closed: not one byte of an
     * answer came back, so the server never saw the request and it may be sent again at once.
     * (A cut-off body also ends in "EOF reached while reading", but below a different message.)
     */
    public static boolean isStaleConnection(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
    }

    /** Raised inside the body subscriber when the limit is passed; becomes {@link ResponseTooLargeException}. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("answer body too large");
        }
    }

    /** Collects the body, refusing it as soon as it passes {@code max} bytes (or says it will). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final OptionalLong declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<byte[]> chunks = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;

        CappedBody(long max, HttpHeaders headers) {
            this.max = max;
            this.declared = headers.firstValueAsLong("Content-Length");
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared.isPresent() && declared.getAsLong() > max) {
                s.cancel();
                result.completeExceptionally(new BodyTooLarge());
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                size += b.remaining();
                if (size > max) {
                    chunks.clear();
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                chunks.add(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            chunks.clear();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            byte[] all = new byte[(int) size];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            chunks.clear();
            result.complete(all);
        }
    }
}
