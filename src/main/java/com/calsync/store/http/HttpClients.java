package com.calsync.store.http;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The one place where CalSync builds its HTTP clients (CalDAV accounts and feeds alike):
 * HTTP/1.1, the connect timeout of {@link HttpLimits}, redirects <em>never</em> followed by the
 * JDK (callers follow them by {@link Redirects}' rules, deciding per hop whether credentials go
 * along), and TLS verified as the JDK does it, host names included, trusting in addition the
 * CA of {@code caFile} when the account names one.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * @param caFile a PEM file of CA certificates trusted in addition to the JDK's (an account's
     *               {@code ca_file}); empty for the JDK's trust store alone
     * @throws com.calsync.store.StoreException when the PEM file cannot be read
     */
    public static HttpClient create(HttpLimits limits, Optional<Path> caFile) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (caFile.isPresent()) {
            // read now, so an unreadable ca_file is reported where the account is opened
            SSLContext context = TlsTrust.withCaFile(caFile.get());
            builder.sslContext(context);
        } else {
            // the JDK's TLS costs ~100 ms to set up: only when an https server is first reached
            DeferredTls.applyTo(builder);
        }
        return builder.build();
    }

    /** A client with the JDK's trust store alone. */
    public static HttpClient create(HttpLimits limits) {
        return create(limits, Optional.empty());
    }

    /** Connect timeout alone (tests and callers that set no other limit). */
    public static HttpClient create(Duration connectTimeout) {
        return create(new HttpLimits(connectTimeout, HttpLimits.DEFAULTS.requestTimeout(), HttpLimits.DEFAULTS.maxBodyBytes()));
    }
}
