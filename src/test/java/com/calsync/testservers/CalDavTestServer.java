package com.calsync.testservers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A real CalDAV server started by a test on a free loopback port, stopped (and its data
 * removed) on {@link #close()}. Start one per test class: starting takes about a second.
 */
public interface CalDavTestServer extends AutoCloseable {
    /** "radicale" or "xandikos". */
    String name();

    URI baseUrl();

    /** The login name; null for servers without authentication. */
    String username();

    String password();

    /** The user's principal (what current-user-principal names). */
    URI principal();

    /** The principal's calendar home, where {@link #newCalendar} makes collections. */
    URI calendarHome();

    /** Makes a new, empty calendar collection (MKCALENDAR) and returns its URL (ending in '/'). */
    URI newCalendar(String displayName);

    /** Sends a raw request as the server's user, for setting up situations the store must meet. */
    HttpResponse<String> send(String method, URI url, Map<String, String> headers, String body);

    @Override
    void close();
}
