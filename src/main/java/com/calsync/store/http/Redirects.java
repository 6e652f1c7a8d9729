package com.calsync.store.http;

import com.calsync.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules every redirect a store follows must pass. The JDK client is built not to follow
 * redirects ({@link HttpClients}): its {@code Redirect.NORMAL} resends headers set on the
 * request, an Authorization header included, to whatever host the server names.
 */
public final class Redirects {
    /** Hops followed for one request: enough for http→https plus a move or two; a loop ends here. */
    public static final int MAX_HOPS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT");

    private Redirects() {
    }

    public static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /** Methods that change nothing on the server: the only ones followed to another origin. */
    public static boolean isRead(String method) {
        return READS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Where a redirect answer points, resolved against the URL that gave it, checked: an http(s)
     * URL with a host, and never from https down to http.
     *
     * @throws StoreException when there is no usable Location or the target is refused
     */
    public static URI target(URI from, Optional<String> location, int status) {
        String raw = location.map(String::strip).filter(l -> !l.isEmpty())
                .orElseThrow(() -> new StoreException(from + " answered HTTP " + status + " (redirect) without a Location"));
        URI to;
        try {
            to = from.resolve(new URI(raw.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StoreException(from + " redirected to an invalid address (" + printable(raw) + ")");
        }
        Origin target;
        try {
            target = Origin.of(to);
        } catch (IllegalArgumentException e) {
            throw new StoreException(from + " redirected to " + printable(to.toString())
                    + ", which is not an http(s) address; not followed");
        }
        if (Origin.of(from).isHttps() && !target.isHttps()) {
            throw new StoreException(from + " redirected to " + printable(to.toString())
                    + ": from https down to unencrypted http, which CalSync never follows (it would expose the"
                    + " request to anyone on the network); fix the server, or use the http:// address in config.json"
                    + " if you really mean it");
        }
        if (to.getRawUserInfo() != null) {
            throw new StoreException(from + " redirected to an address with a user name or password in it; not followed");
        }
        return to;
    }

    /** At most 200 characters with control characters made visible: the address came from a server. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (out.length() >= 200) {
                return out.append('…').toString();
            }
            out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\x%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
