package com.calsync.store.caldav;

import com.calsync.store.http.Origin;
import java.net.URI;
import java.util.Optional;

/**
 * Decides whether an href a server returned names an item of the configured collection. Every
 * href is resolved against the collection URL, its percent-encoding and dot-segments normalised
 * ({@code /cal/../../evil/y.ics} is {@code /evil/y.ics}, {@code %2E%2E} is {@code ..}), and must
 * then be a direct member of the collection on the collection's own origin. Anything else is
 * never fetched, written or deleted: a server (or whoever controls it) cannot steer a sync at
 * other calendars, other users' files or another host.
 */
final class CollectionMembers {
    /** What an href turned out to be. */
    sealed interface Resolved permits Member, Itself, Outside {
    }

    /** An item of the collection, under its canonical path. */
    record Member(String path) implements Resolved {
    }

    /** The collection itself (listings include it). */
    record Itself() implements Resolved {
    }

    /** Not an item of the collection; {@code reason} says why, for the log. */
    record Outside(String href, String reason) implements Resolved {
    }

    private final URI collection;
    private final Origin origin;
    private final String collectionPath;

    CollectionMembers(URI collection) {
        this.collection = collection;
        this.origin = Origin.of(collection);
        String path = Hrefs.pathOf(collection);
        this.collectionPath = path.endsWith("/") ? path : path + "/";
    }

    /** The collection's canonical path, ending in '/'. */
    String collectionPath() {
        return collectionPath;
    }

    Resolved resolve(String href) {
        String raw = href == null ? "" : href.strip();
        String shown = Hrefs.printable(raw);
        if (raw.isEmpty()) {
            return new Outside(shown, "the server sent an empty href");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return new Outside(shown, "the href holds control characters");
            }
        }
        Optional<URI> absolute = Hrefs.absoluteUrl(raw, collection);
        if (absolute.isEmpty()) {
            return new Outside(shown, "the href is not a valid address");
        }
        URI url = absolute.get();
        Origin where;
        try {
            where = Origin.of(url);
        } catch (IllegalArgumentException e) {
            return new Outside(shown, "the href is not an http(s) address");
        }
        if (!where.equals(origin)) {
            return new Outside(shown, "it is on another server (" + where + ", the calendar is on " + origin + ")");
        }
        Optional<String> path = Hrefs.normalizedPath(url.getRawPath());
        if (path.isEmpty()) {
            return new Outside(shown, "a segment of its path holds an encoded '/' or '\\'");
        }
        String p = path.get();
        if (p.equals(collectionPath) || (p + "/").equals(collectionPath)) {
            return new Itself();
        }
        if (!p.startsWith(collectionPath)) {
            return new Outside(shown, "it is outside the calendar collection " + collectionPath
                    + (p.equals(url.getRawPath()) ? "" : " (it resolves to " + p + ")"));
        }
        String name = p.substring(collectionPath.length());
        if (name.contains("/")) {
            return new Outside(shown, "it is inside a sub-folder of the calendar collection, not an item of it");
        }
        return new Member(p);
    }

    /** The member's canonical path, or empty when {@code href} is no member. */
    Optional<String> member(String href) {
        return resolve(href) instanceof Member m ? Optional.of(m.path()) : Optional.empty();
    }
}
