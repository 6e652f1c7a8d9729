package com.calsync.service.setup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The CalDAV services a new account starts from: where their server is, and what password they
 * want (README, "CalDAV accounts"). iCloud and Fastmail have one address for everyone; the others
 * need the server's.
 */
public enum AccountPreset {
    ICLOUD("iCloud", "https://caldav.icloud.com/", "icloud",
            "Use an app-specific password, not your Apple Account password: make one at account.apple.com"
                    + " › Sign-In and Security › App-Specific Passwords.",
            "https://support.apple.com/102654"),
    FASTMAIL("Fastmail", "https://caldav.fastmail.com/", "fastmail",
            "Use an app password with CalDAV access, made in Fastmail's settings (your login password is refused).", null),
    NEXTCLOUD("Nextcloud / ownCloud", null, "nextcloud",
            "Your password, or an app password (Personal settings › Security) when two-factor login is on.", null),
    RADICALE("Radicale", null, "radicale", "The password of your Radicale user.", null),
    OTHER("Other CalDAV server", null, "caldav", "The server's password; leave the user name empty for a server without login.",
            null);

    private final String label;
    private final String url;
    private final String suggestedName;
    private final String passwordHint;
    private final String helpLink;

    AccountPreset(String label, String url, String suggestedName, String passwordHint, String helpLink) {
        this.label = label;
        this.url = url;
        this.suggestedName = suggestedName;
        this.passwordHint = passwordHint;
        this.helpLink = helpLink;
    }

    public String label() {
        return label;
    }

    /** Whether the person has to give the server's address. */
    public boolean needsServer() {
        return url == null;
    }

    /** An account name to start from. */
    public String suggestedName() {
        return suggestedName;
    }

    /** What password the service wants. */
    public String passwordHint() {
        return passwordHint;
    }

    /** The service's own page about it. */
    public Optional<URI> helpLink() {
        return Optional.ofNullable(helpLink).map(URI::create);
    }

    /** What the server field shows as an example. */
    public String serverExample() {
        return switch (this) {
            case NEXTCLOUD -> "https://cloud.example.org";
            case RADICALE -> "https://calendar.example.org:5232/";
            default -> url == null ? "https://dav.example.org/" : url;
        };
    }

    /**
     * Where discovery starts for this service: the fixed address, or {@code server} (https:// is
     * added when no scheme is given; Nextcloud's DAV path when missing).
     *
     * @throws IllegalArgumentException with words for the person when {@code server} is no address
     */
    public URI discoveryUrl(String server) {
        if (url != null) {
            return URI.create(url);
        }
        String s = server == null ? "" : server.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("give the server's address, e.g. " + serverExample());
        }
        if (!s.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            s = "https://" + s;
        }
        if (this == NEXTCLOUD && !s.toLowerCase(Locale.ROOT).contains("/remote.php/")) {
            s = s.replaceAll("/+$", "") + "/remote.php/dav/";
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("\"" + server + "\" is not an http:// or https:// address; e.g. " + serverExample());
            }
            return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + server + "\" is not a valid address (" + e.getReason() + "); e.g. "
                    + serverExample(), e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
