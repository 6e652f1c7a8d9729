package com.calsync.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away CA and a server certificate it signed, made with the openssl command line in a
 * folder of their own, for a test server speaking TLS: the server certificate names only
 * {@code localhost} (so a client reaching 127.0.0.1 must refuse it), and is valid for ten years
 * from now (so a clock moved 400 days on still accepts it).
 */
public final class TestCertificates {
    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Makes the CA ({@code ca.pem}), and {@code server.pem}/{@code server.key} for localhost, in {@code dir}. */
    public static TestCertificates create(Path dir) {
        TestCertificates certs = new TestCertificates(dir);
        try {
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\n"
                    + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        certs.openssl("req -x509 " + ec + " -keyout ca.key -out ca.pem -days 3650 -subj /CN=CalSync-Test-CA");
        certs.openssl("req " + ec + " -keyout server.key -out server.csr -subj /CN=localhost");
        certs.openssl("x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 3650"
                + " -extfile server.ext");
        certs.openssl("req -x509 " + ec + " -keyout other-ca.key -out other-ca.pem -days 3650 -subj /CN=Some-Other-CA");
        return certs;
    }

    /** The test CA's certificate (PEM): what an account's ca_file names. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A CA that signed nothing this server uses. */
    public Path otherCaCertificate() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCertificate() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** Trusts the test CA alone: for the launcher's own set-up requests. */
    SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(caCertificate())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test CA " + caCertificate(), e);
        }
    }

    private void openssl(String arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments.split(" ")));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + arguments + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl (apt-get install -y openssl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
