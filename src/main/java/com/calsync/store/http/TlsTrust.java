package com.calsync.store.http;

import com.calsync.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust beyond the JDK's CA store, and plain words when a certificate is refused.
 *
 * <p>A self-hosted server (a NAS, Radicale at home) often has a certificate from its own CA. The
 * fix is never to switch verification off: the account's {@code ca_file} names that CA's
 * certificate (PEM) and it is trusted <em>in addition</em> to the JDK's CAs; chains and host
 * names are still checked by the JDK (the HTTP client checks the host name itself, see
 * {@code jdk.internal.httpclient.disableHostnameVerification}, which CalSync never sets).
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    /**
     * An SSL context that trusts the JDK's CAs and every certificate in {@code pemFile}.
     *
     * @throws StoreException naming the file when it is missing or holds no certificate
     */
    public static SSLContext withCaFile(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkTrustAnchors()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            Collection<? extends Certificate> own;
            try (InputStream in = Files.newInputStream(pemFile)) {
                own = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (own.isEmpty()) {
                throw new StoreException("the ca_file " + pemFile + " holds no certificate; it should hold the CA's"
                        + " certificate in PEM form (-----BEGIN CERTIFICATE----- …)");
            }
            int i = 0;
            for (Certificate c : own) {
                store.setCertificateEntry("ca-file-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (NoSuchFileException e) {
            throw new StoreException("the ca_file " + pemFile + " does not exist; check the path in config.json", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("the ca_file " + pemFile + " cannot be read as PEM certificates: " + e.getMessage()
                    + "; it should hold the CA's certificate (-----BEGIN CERTIFICATE----- …)", e);
        }
    }

    private static X509Certificate[] jdkTrustAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    /**
     * What to tell the user when {@code failure} is a refused server certificate: which server,
     * why, and how to trust a self-hosted one without switching verification off. Empty when
     * the failure is something else.
     *
     * @param caFileKey where the user sets the CA, e.g. {@code "ca_file" of account "home"}
     */
    public static Optional<String> explain(Throwable failure, Origin server, String caFileKey) {
        Throwable handshake = failure;
        while (handshake != null && !(handshake instanceof SSLHandshakeException)) {
            handshake = handshake.getCause();
        }
        if (handshake == null) {
            return Optional.empty();
        }
        String all = messages(handshake).toLowerCase(Locale.ROOT);
        if (all.contains("no subject alternative") || all.contains("no name matching")) {
            return Optional.of("the TLS certificate of " + server + " is made out for another host name ("
                    + firstMessage(handshake) + "); use the host name the certificate names in the URL, or have the"
                    + " server's certificate include " + server.host());
        }
        if (all.contains("expired") || all.contains("not yet valid") || all.contains("validity check failed")) {
            return Optional.of("the TLS certificate of " + server + " is expired or not yet valid ("
                    + firstMessage(handshake) + "); renew the server's certificate, or check this computer's clock");
        }
        if (all.contains("pkix") || all.contains("certification path") || all.contains("unable to find valid")) {
            return Optional.of("the TLS certificate of " + server + " is not signed by a CA this computer trusts."
                    + " If this is your own server with its own CA, save that CA's certificate as a PEM file and set "
                    + caFileKey + " to its path in config.json, e.g. \"ca_file\": \"~/certs/home-ca.pem\": CalSync then"
                    + " trusts that CA as well and still verifies the server (it never turns verification off)");
        }
        return Optional.of("the TLS handshake with " + server + " failed (" + firstMessage(handshake) + ")");
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstMessage(Throwable t) {
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String m = deepest.getMessage() != null ? deepest.getMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
