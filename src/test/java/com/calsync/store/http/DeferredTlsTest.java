package com.calsync.store.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is set up by the first https connection, never for a plain-http server, and verifies as before. */
class DeferredTlsTest {
    @TempDir
    Path dir;

    private final AtomicInteger made = new AtomicInteger();

    private Supplier<SSLContext> counting(Supplier<SSLContext> real) {
        return () -> {
            made.incrementAndGet();
            return real.get();
        };
    }

    private static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPlainHttpServerIsReachedWithoutSettingUpTls() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            HttpClient client = DeferredTls.applyTo(HttpClient.newBuilder(), counting(DeferredTlsTest::jdkDefault)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.body()).isEqualTo("hello");
            assertThat(made).as("no TLS context was made").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theFirstEngineMakesTheRealContextOnceAndKeepsItsDefaults() {
        SSLContext deferred = DeferredTls.context(counting(DeferredTlsTest::jdkDefault));
        assertThat(made).hasValue(0);

        SSLEngine engine = deferred.createSSLEngine("example.org", 443);
        engine.setSSLParameters(new SSLParameters()); // what the HTTP client hands every engine
        deferred.createSSLEngine("example.org", 443);

        assertThat(made).hasValue(1);
        SSLEngine plain = jdkDefault().createSSLEngine("example.org", 443);
        assertThat(engine.getEnabledProtocols()).containsExactly(plain.getEnabledProtocols());
        assertThat(engine.getEnabledCipherSuites()).containsExactly(plain.getEnabledCipherSuites());
        assertThatThrownBy(() -> deferred.init(null, null, null)).isInstanceOf(java.security.KeyManagementException.class);
    }

    /** keytool makes a self-signed certificate: a server only a client that trusts it may talk to. */
    @Test
    @Tag("external")
    void anHttpsServerIsVerifiedAsWithTheJdksOwnClient() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret1",
                "-keypass", "secret1", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        String keytoolOut = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(keytoolOut).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "secret1".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "secret1".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            HttpClient trustsIt = DeferredTls.applyTo(HttpClient.newBuilder(), counting(() -> trusting)).build();
            assertThat(made).hasValue(0);
            assertThat(trustsIt.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(204);
            assertThat(made).hasValue(1);

            HttpClient jdkTrust = DeferredTls.applyTo(HttpClient.newBuilder()).build();
            assertThatThrownBy(() -> jdkTrust.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()))
                    .as("a certificate no CA signed is refused").isInstanceOf(SSLHandshakeException.class);
        } finally {
            server.stop(0);
        }
    }
}
