package com.calsync.store.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The origin of a URL (RFC 6454): scheme, host and port, with the scheme's default port filled
 * in. Credentials are bound to origins: {@code https://a.example} and {@code https://a.example:443}
 * are one origin, {@code http://a.example} and {@code https://a.example:8443} are others.
 */
public record Origin(String scheme, String host, int port) {
    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host
     */
    public static Origin of(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        String host = url.getHost();
        if (scheme == null || host == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return new Origin(scheme, host, port);
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
