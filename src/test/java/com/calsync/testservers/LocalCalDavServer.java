package com.calsync.testservers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A real CalDAV server (the Debian package's binary) started on a free loopback port with a temp
 * data folder, stopped and its data removed on {@link #close()}. The CalDAV tests and the
 * {@code caldav} benchmark ({@code com.calsync.bench}) use them; starting one takes about a second.
 */
public interface LocalCalDavServer extends AutoCloseable {
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
    default URI newCalendar(String displayName) {
        return newCalendar(displayName, java.util.List.of("VEVENT"));
    }

    /** Makes a new, empty calendar collection for the given component types (VEVENT, VTODO). */
    URI newCalendar(String displayName, java.util.List<String> components);

    /** Sends a raw request as the server's user, for setting up data or situations a store must meet. */
    HttpResponse<String> send(String method, URI url, Map<String, String> headers, String body);

    @Override
    void close();
}
