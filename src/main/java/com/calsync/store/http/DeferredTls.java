package com.calsync.store.http;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * TLS set up when the first https connection needs it, not when an HTTP client is built.
 *
 * <p>{@code HttpClient.Builder.build()} asks {@code SSLContext.getDefault()} and its default
 * parameters unless both are given (JDK 17, {@code jdk.internal.net.http.HttpClientImpl}'s
 * constructor), which loads the TLS stack (about 220 classes) and reads the CA store even for a
 * plain-http server. Given here: a context that creates the real one on first use (an https
 * connection asks it for an {@code SSLEngine}), and empty parameters, which leave the engine's
 * own defaults (protocols, cipher suites) in place, as {@code SSLEngine.setSSLParameters}
 * documents for null values. Verification is unchanged: the engine comes from the real context.
 */
public final class DeferredTls {
    private DeferredTls() {
    }

    /** {@code builder} with the JDK's default TLS, set up on first use. */
    public static HttpClient.Builder applyTo(HttpClient.Builder builder) {
        return applyTo(builder, DeferredTls::jdkDefault);
    }

    /** {@code builder} with the TLS context {@code context} makes, asked for once, on first use. */
    public static HttpClient.Builder applyTo(HttpClient.Builder builder, Supplier<SSLContext> context) {
        return builder.sslContext(context(context)).sslParameters(new SSLParameters());
    }

    /** A context that asks {@code real} for the real one the first time it is used. */
    static SSLContext context(Supplier<SSLContext> real) {
        return new SSLContext(new Spi(real), null, "TLS") {
        };
    }

    private static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no TLS: " + e.getMessage(), e);
        }
    }

    /** Hands every call to the real context, made once on the first. */
    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> factory;
        private volatile SSLContext real;

        Spi(Supplier<SSLContext> factory) {
            this.factory = factory;
        }

        private SSLContext real() {
            SSLContext r = real;
            if (r == null) {
                synchronized (this) {
                    r = real;
                    if (r == null) {
                        r = factory.get();
                        real = r;
                    }
                }
            }
            return r;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("a deferred TLS context is set up by its factory, not initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
