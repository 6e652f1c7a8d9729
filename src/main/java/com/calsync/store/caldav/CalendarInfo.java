package com.calsync.store.caldav;

import com.calsync.ical.ComponentKind;
import com.calsync.store.StoreCapabilities;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One calendar collection as discovery found it.
 *
 * @param url            the collection's absolute URL (ends with '/')
 * @param displayName    DAV:displayname, or the last path segment when the server has none
 * @param color          Apple's calendar-color (e.g. {@code #FF2968FF}), if set
 * @param ctag           CalendarServer getctag, which changes whenever anything in it changes
 * @param syncCollection the collection supports the sync-collection REPORT (RFC 6578)
 * @param components     supported component kinds ({@code VEVENT}, {@code VTODO}…); empty when
 *                       the server does not say, which means all of them
 * @param writable       current-user-privilege-set grants write (true when the server does not say)
 */
public record CalendarInfo(URI url, String displayName, Optional<String> color, Optional<String> ctag,
                           boolean syncCollection, Set<String> components, boolean writable) {
    public CalendarInfo {
        components = Set.copyOf(components);
    }

    /** The URL's path, percent-encoded the way this package spells hrefs. */
    public String path() {
        return Hrefs.pathOf(url);
    }

    public boolean holdsEvents() {
        return components.isEmpty() || components.contains("VEVENT");
    }

    public boolean holdsTasks() {
        return components.isEmpty() || components.contains("VTODO");
    }

    /** The kinds of items CalSync can carry that the collection holds (all of them when the server does not say). */
    public Set<ComponentKind> componentKinds() {
        if (components.isEmpty()) {
            return StoreCapabilities.ALL_KINDS;
        }
        Set<ComponentKind> kinds = EnumSet.noneOf(ComponentKind.class);
        for (ComponentKind kind : StoreCapabilities.ALL_KINDS) {
            if (components.contains(kind.name())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
