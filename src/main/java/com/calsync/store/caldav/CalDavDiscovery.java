package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.APPLE;
import static com.calsync.store.caldav.DavNames.CALDAV;
import static com.calsync.store.caldav.DavNames.CALSERVER;
import static com.calsync.store.caldav.DavNames.DAV;

import com.calsync.store.StoreException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an account's calendars (RFC 6764 and RFC 4791 §6): the current-user-principal via
 * {@code /.well-known/caldav} or the base URL, the principal's calendar-home-set (possibly on
 * another host), then the calendar collections in that home. Remembers the principal and home
 * once found; not meant to be shared between threads.
 */
public final class CalDavDiscovery {
    private static final Logger log = LoggerFactory.getLogger(CalDavDiscovery.class);

    static final String CALENDAR_PROPS = "<d:resourcetype/><d:displayname/><a:calendar-color/><cs:getctag/>"
            + "<d:supported-report-set/><c:supported-calendar-component-set/><d:current-user-privilege-set/>";

    private final CalDavClient client;
    private final MultistatusParser parser = new MultistatusParser();
    private URI principal;
    private URI home;

    public CalDavDiscovery(CalDavClient client) {
        this.client = client;
    }

    /** The current user's principal URL. */
    public URI principal() {
        if (principal == null) {
            principal = findPrincipal();
        }
        return principal;
    }

    /** The collection that holds the user's calendars. */
    public URI calendarHome() {
        if (home == null) {
            URI p = principal();
            CalDavClient.Answer answer = client.send(CalDavClient.Request.xml("PROPFIND", p, "0",
                    propfindBody("<c:calendar-home-set/>")));
            Multistatus.Response r = one(p, check(answer, p));
            home = r.prop(CALDAV, "calendar-home-set")
                    .flatMap(h -> h.child(DAV, "href"))
                    .map(h -> absolute(p, h.trimmedText()))
                    .orElseThrow(() -> new StoreException("the principal " + p + " of account "
                            + client.account().name() + " names no calendar-home-set: is this a CalDAV server?"));
            client.trust(home, answer);
        }
        return home;
    }

    /** The calendars in the calendar home, in the server's order. */
    public List<CalendarInfo> calendars() {
        URI h = calendarHome();
        Multistatus ms = propfind(h, "1", CALENDAR_PROPS);
        List<CalendarInfo> found = new ArrayList<>();
        for (Multistatus.Response r : ms.responses()) {
            if (isCalendar(r)) {
                found.add(toInfo(absolute(h, r.href()), r));
            }
        }
        log.debug("account {}: {} calendars in {}", client.account().name(), found.size(), h);
        return found;
    }

    /**
     * The calendar a config entry names: by path ({@code /alice/work/}) or URL, or else by
     * display name (exact first, then ignoring case).
     *
     * @throws StoreException naming the calendars there are, when none matches
     */
    public CalendarInfo pick(String nameOrPath) {
        if (nameOrPath.startsWith("/") || nameOrPath.startsWith("http://") || nameOrPath.startsWith("https://")) {
            URI base = client.account().baseUrl();
            String wanted = withTrailingSlash(Hrefs.canonical(base, nameOrPath));
            URI url = nameOrPath.startsWith("/") ? Hrefs.resolve(base, wanted) : URI.create(nameOrPath);
            return inspect(url.getPath().endsWith("/") ? url : URI.create(url + "/"));
        }
        List<CalendarInfo> all = calendars();
        Optional<CalendarInfo> exact = all.stream().filter(c -> c.displayName().equals(nameOrPath)).findFirst();
        return exact.or(() -> all.stream().filter(c -> c.displayName().equalsIgnoreCase(nameOrPath)).findFirst())
                .orElseThrow(() -> new StoreException("account " + client.account().name() + " has no calendar named \""
                        + nameOrPath + "\"; it has: " + all.stream().map(c -> "\"" + c.displayName() + "\" (" + c.path() + ")")
                        .collect(Collectors.joining(", "))));
    }

    /** Reads one calendar collection's properties directly (no principal lookup). */
    public CalendarInfo inspect(URI collection) {
        Multistatus.Response r = propfindOne(collection, CALENDAR_PROPS);
        if (!isCalendar(r)) {
            throw new StoreException(collection + " (account " + client.account().name()
                    + ") is not a calendar collection");
        }
        return toInfo(collection, r);
    }

    private URI findPrincipal() {
        URI base = client.account().baseUrl();
        Set<URI> candidates = new LinkedHashSet<>();
        String basePath = base.getRawPath();
        if (basePath != null && !basePath.isEmpty() && !basePath.equals("/")) {
            candidates.add(base);
        }
        candidates.add(base.resolve("/.well-known/caldav"));
        candidates.add(base.resolve("/"));
        List<String> tried = new ArrayList<>();
        for (URI candidate : candidates) {
            CalDavClient.Answer answer = client.send(CalDavClient.Request.xml("PROPFIND", candidate, "0",
                    propfindBody("<d:current-user-principal/>")));
            tried.add(candidate + " → HTTP " + answer.status());
            if (answer.status() != 207) {
                continue;
            }
            Optional<URI> found = parse(answer, candidate).responses().stream()
                    .flatMap(r -> r.prop(DAV, "current-user-principal").stream())
                    .flatMap(p -> p.child(DAV, "href").stream())
                    .map(h -> absolute(answer.uri(), h.trimmedText()))
                    .findFirst();
            if (found.isPresent()) {
                client.trust(found.get(), answer);
                log.debug("account {}: principal {} (via {})", client.account().name(), found.get(), candidate);
                return found.get();
            }
        }
        throw new StoreException("no CalDAV principal found for account " + client.account().name() + " (tried "
                + String.join(", ", tried) + "): check the account URL");
    }

    private Multistatus.Response propfindOne(URI url, String props) {
        return one(url, propfind(url, "0", props));
    }

    private static Multistatus.Response one(URI url, Multistatus ms) {
        String wanted = Hrefs.pathOf(url);
        return ms.responses().stream()
                .filter(r -> withTrailingSlash(Hrefs.canonical(url, r.href())).equals(withTrailingSlash(wanted)))
                .findFirst()
                .or(() -> ms.responses().stream().findFirst())
                .orElseThrow(() -> new StoreException("PROPFIND " + url + " returned no response for it"));
    }

    private Multistatus propfind(URI url, String depth, String props) {
        return check(client.send(CalDavClient.Request.xml("PROPFIND", url, depth, propfindBody(props))), url);
    }

    private Multistatus check(CalDavClient.Answer answer, URI url) {
        if (answer.status() == 404) {
            throw new StoreException(url + " does not exist (HTTP 404, account " + client.account().name()
                    + "): check the calendar's path or the account URL");
        }
        if (answer.status() != 207) {
            throw new StoreException("PROPFIND " + url + " (account " + client.account().name() + ") answered HTTP "
                    + answer.status() + ": " + answer.bodyExcerpt());
        }
        return parse(answer, url);
    }

    private Multistatus parse(CalDavClient.Answer answer, URI url) {
        try {
            return parser.parseMultistatus(answer.body());
        } catch (XMLStreamException e) {
            throw new StoreException("the answer to PROPFIND " + url + " is not valid XML: " + e.getMessage(), e);
        }
    }

    static String propfindBody(String props) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV + "\" xmlns:cs=\"" + CALSERVER
                + "\" xmlns:a=\"" + APPLE + "\"><d:prop>" + props + "</d:prop></d:propfind>";
    }

    private static boolean isCalendar(Multistatus.Response r) {
        return r.prop(DAV, "resourcetype").map(t -> t.child(CALDAV, "calendar").isPresent()).orElse(false);
    }

    static CalendarInfo toInfo(URI url, Multistatus.Response r) {
        String name = r.propText(DAV, "displayname").orElseGet(() -> lastSegment(url));
        Optional<String> color = r.propText(APPLE, "calendar-color");
        Optional<String> ctag = r.propText(CALSERVER, "getctag");
        boolean sync = r.prop(DAV, "supported-report-set").map(s -> s.contains(DAV, "sync-collection")).orElse(false);
        Set<String> components = r.prop(CALDAV, "supported-calendar-component-set")
                .map(s -> s.childrenNamed(CALDAV, "comp").stream()
                        .flatMap(c -> c.attribute("name").stream())
                        .map(n -> n.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        boolean writable = r.prop(DAV, "current-user-privilege-set")
                .map(p -> p.contains(DAV, "write") || p.contains(DAV, "all") || p.contains(DAV, "write-content")
                        || p.contains(DAV, "bind"))
                .orElse(true);
        return new CalendarInfo(url, name, color, ctag, sync, components, writable);
    }

    static URI absolute(URI base, String href) {
        String h = href.trim();
        if (h.startsWith("http://") || h.startsWith("https://")) {
            URI u = URI.create(h.replace(" ", "%20"));
            return Hrefs.resolve(u, Hrefs.pathOf(u));
        }
        return Hrefs.resolve(base, Hrefs.canonical(base, h));
    }

    private static String withTrailingSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static String lastSegment(URI url) {
        String[] parts = Hrefs.decode(url.getRawPath()).split("/");
        return parts.length == 0 ? url.toString() : parts[parts.length - 1];
    }
}
