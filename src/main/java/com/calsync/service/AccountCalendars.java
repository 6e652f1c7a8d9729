package com.calsync.service;

import com.calsync.platform.Os;
import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.store.StoreException;
import com.calsync.store.StoreUnavailableException;
import com.calsync.store.caldav.CalDavAccount;
import com.calsync.store.caldav.CalDavAuthenticationException;
import com.calsync.store.caldav.CalDavClient;
import com.calsync.store.caldav.CalDavDiscovery;
import com.calsync.store.caldav.CalendarInfo;
import com.calsync.store.caldav.RetryPolicy;
import com.calsync.store.caldav.Sleeper;
import com.calsync.store.http.HttpClients;
import com.calsync.store.http.HttpLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calendars of a configured CalDAV account ({@code calsync calendars}), to pick one for
 * config.json. The password is looked up as a sync looks it up ({@link StoreOpener}), and an
 * unreachable server fails within seconds instead of being retried for long: someone is waiting.
 */
public final class AccountCalendars {
    private static final RetryPolicy INTERACTIVE = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    private final StoreOpener stores;
    private final Clock clock;

    public AccountCalendars(StoreOpener stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** As the app uses it: the same stores and password lookup as {@link SyncRunner#standard}. */
    public static AccountCalendars standard(CalSyncPaths paths, Map<String, String> env, Os os, Clock clock) {
        return new AccountCalendars(StoreOpener.standard(paths, env, os, clock), clock);
    }

    /** What listing an account's calendars came to; each failure is its own case, so the caller can say what to do. */
    public sealed interface Listing permits Listed, NoPassword, AuthenticationFailed, Unreachable, CertificateNotTrusted,
            Failed {}

    /** The account's calendars, in the server's order. */
    public record Listed(List<CalendarSummary> calendars) implements Listing {
        public Listed {
            calendars = List.copyOf(calendars);
        }
    }

    /** The account has a user name but no password was found anywhere; nothing was sent to the server. */
    public record NoPassword() implements Listing {}

    /** The server refused the user name or password. */
    public record AuthenticationFailed(String message) implements Listing {}

    /** The server could not be reached or kept failing. */
    public record Unreachable(String message) implements Listing {}

    /**
     * The TLS handshake failed: the server's certificate is self-signed, expired, issued for another
     * name, or from an authority Java does not trust. Nothing was sent.
     */
    public record CertificateNotTrusted(String message) implements Listing {}

    /** Anything else the server or discovery reported. */
    public record Failed(String message) implements Listing {}

    /**
     * One calendar of the account.
     *
     * @param path       the collection's path, as config.json's {@code "path"} takes it
     * @param components the component kinds it holds ({@code VEVENT}, {@code VTODO}…); empty when
     *                   the server does not say, which means any
     * @param syncTokens it supports sync-collection, so an unchanged calendar costs one request
     * @param color      its colour (e.g. {@code #FF2968FF}), if it has one
     */
    public record CalendarSummary(String displayName, String path, Set<String> components, boolean writable,
                                  boolean syncTokens, Optional<String> color) {
        public CalendarSummary {
            components = Set.copyOf(components);
        }

        public boolean holdsEvents() {
            return components.isEmpty() || components.contains("VEVENT");
        }
    }

    /** Lists with the password stored for the account (environment, Keychain / Secret Service, file). */
    public Listing list(AccountConfig account) {
        if (account.username().isPresent() && stores.passwords().find(account.name()).isEmpty()) {
            return new NoPassword();
        }
        return discover(stores.caldavAccount(account));
    }

    /**
     * Lists with a password typed just now and not stored anywhere yet (signing in from the
     * Settings window); {@code password} is copied for each use, the caller clears it.
     */
    public Listing list(AccountConfig account, char[] password) {
        if (account.username().isEmpty()) {
            return discover(CalDavAccount.anonymous(account.name(), account.url()).withCaFile(account.caFile()));
        }
        char[] copy = password.clone();
        try {
            return discover(new CalDavAccount(account.name(), account.url(), account.username().get(), copy::clone,
                    account.caFile()));
        } finally {
            java.util.Arrays.fill(copy, '\0');
        }
    }

    private Listing discover(CalDavAccount login) {
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), HttpLimits.DEFAULTS.maxBodyBytes());
        CalDavClient client;
        try {
            client = new CalDavClient(login, HttpClients.create(limits, login.caFile()), limits, INTERACTIVE,
                    Sleeper.real(), clock);
        } catch (StoreException e) {
            return new Failed(e.getMessage()); // an unreadable ca_file
        }
        try {
            return new Listed(new CalDavDiscovery(client).calendars().stream().map(AccountCalendars::summary).toList());
        } catch (CalDavAuthenticationException e) {
            return new AuthenticationFailed(e.getMessage());
        } catch (StoreUnavailableException e) {
            return untrustedCertificate(e) ? new CertificateNotTrusted(e.getMessage()) : new Unreachable(e.getMessage());
        } catch (StoreException e) {
            // a refused certificate is not retried, so it comes as a plain StoreException (CalDavClient)
            return untrustedCertificate(e) ? new CertificateNotTrusted(e.getMessage()) : new Failed(e.getMessage());
        }
    }

    /** A failed TLS handshake over the certificate (javax.net.ssl, java.security.cert) somewhere in the causes. */
    static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    private static CalendarSummary summary(CalendarInfo c) {
        return new CalendarSummary(c.displayName(), c.path(), c.components(), c.writable(), c.syncCollection(),
                c.color());
    }
}
