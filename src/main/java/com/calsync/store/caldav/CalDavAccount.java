package com.calsync.store.caldav;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A CalDAV account: where its server is and who logs in. The password is fetched from
 * {@code password} on each request and never kept in a string here, logged or shown.
 *
 * @param name     the account's name in the config (used in messages)
 * @param baseUrl  where discovery starts, e.g. {@code https://caldav.icloud.com/}
 * @param username the login name; null or empty for servers without authentication
 * @param password supplies the password; may be null when {@code username} is empty
 * @param caFile   a PEM file with the CA of a self-hosted server, trusted in addition to the JDK's
 */
public record CalDavAccount(String name, URI baseUrl, String username, Supplier<char[]> password, Optional<Path> caFile) {
    public CalDavAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(caFile, "caFile");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("account " + name + ": URL " + baseUrl + " must start with https:// or http://");
        }
        if (baseUrl.getRawUserInfo() != null) {
            // A password in the URL would end up in logs and error messages.
            throw new IllegalArgumentException("account " + name + ": put the user name in \"username\" and the"
                    + " password in the keychain, not in the URL (" + baseUrl.getHost() + ")");
        }
    }

    /** An account trusting the JDK's CAs alone. */
    public CalDavAccount(String name, URI baseUrl, String username, Supplier<char[]> password) {
        this(name, baseUrl, username, password, Optional.empty());
    }

    /** An account for a server that needs no login (Xandikos, a reverse proxy that authenticates). */
    public static CalDavAccount anonymous(String name, URI baseUrl) {
        return new CalDavAccount(name, baseUrl, null, null);
    }

    /** The same account trusting the CA in {@code pemFile} as well. */
    public CalDavAccount withCaFile(Optional<Path> pemFile) {
        return new CalDavAccount(name, baseUrl, username, password, pemFile);
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        // Records print every component; the supplier is harmless but say plainly there is no secret here.
        return "CalDavAccount[name=" + name + ", baseUrl=" + baseUrl + ", username=" + username
                + caFile.map(f -> ", caFile=" + f).orElse("") + "]";
    }
}
