package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.AccountConfig;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose certificate nobody vouches for (self-signed, made here with the JDK's keytool):
 * signing in says so in words and sends nothing, not even the password.
 */
@Tag("external")
class UntrustedCertificateTest {
    @TempDir
    Path home;

    @Test
    void aSelfSignedServerIsRefusedBeforeAnyRequestReachesIt() throws Exception {
        Path keystore = home.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "server", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit"))
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool made a certificate").isTrue();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try (SetupFixture f = new SetupFixture(home, "{}")) {
            AccountConfig account = new AccountConfig("nas", URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/"),
                    Optional.of("me"));

            SetupProblem problem = ((Outcome.Refused<?>) f.setup.signIn(f.state(), account, "secret".toCharArray(), false)).problem();

            assertThat(problem.kind()).isEqualTo(SetupProblem.Kind.CERTIFICATE_NOT_TRUSTED);
            assertThat(problem.message()).startsWith("The certificate of https://127.0.0.1:").contains("sent nothing");
            assertThat(requests).hasValue(0);
            assertThat(f.secrets.passwords).isEmpty();
        } finally {
            server.stop(0);
        }
    }
}
