package com.calsync.store.caldav;

import static com.calsync.testservers.HostileServer.respond;

import com.calsync.testservers.HostileServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar collection {@code /cal/} on a {@link HostileServer}: answers PROPFIND, calendar-multiget,
 * PUT and DELETE like a plain CalDAV server, except for what a test makes it add — hrefs outside
 * the collection in every listing and multiget, odd etags.
 */
final class HostileCalendar {
    static final String PATH = "/cal/";
    private static final Pattern HREF = Pattern.compile("<d:href>(.*?)</d:href>");

    /** One resource: its etag as the server writes it into XML (may be empty or hold &#13;&#10;). */
    record Resource(String etagXml, String ics) {
    }

    final HostileServer server;
    final Map<String, Resource> items = new LinkedHashMap<>();
    /** hrefs listed and returned in multigets although they are no items of /cal/. */
    final Map<String, String> foreign = new LinkedHashMap<>();
    private int writes;

    HostileCalendar(HostileServer server) {
        this.server = server;
        server.on(PATH, (exchange, body) -> {
            switch (exchange.getRequestMethod()) {
                case "PROPFIND" -> respond(exchange, 207, Map.of("Content-Type", "application/xml"), listing());
                case "REPORT" -> respond(exchange, 207, Map.of("Content-Type", "application/xml"), multiget(body));
                default -> respond(exchange, 405, Map.of(), "");
            }
        });
        server.otherwise((exchange, body) -> {
            String path = exchange.getRequestURI().getRawPath();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    String etag = "\"w" + (++writes) + "\"";
                    items.put(path, new Resource(etag, body));
                    respond(exchange, 201, Map.of("ETag", etag), "");
                }
                case "DELETE" -> respond(exchange, items.remove(path) != null ? 204 : 404, Map.of(), "");
                case "PROPFIND" -> {
                    Resource r = items.get(path);
                    respond(exchange, r == null ? 404 : 207, Map.of("Content-Type", "application/xml"),
                            r == null ? "" : "<d:multistatus xmlns:d=\"DAV:\">" + response(path, r.etagXml(), null) + "</d:multistatus>");
                }
                default -> respond(exchange, 404, Map.of(), "");
            }
        });
    }

    URI url() {
        return server.uri(PATH);
    }

    CalDavStore store(Clock clock) {
        CalDavClient client = new CalDavClient(CalDavAccount.anonymous("hostile", server.uri("/")),
                CalDavClient.httpClient(Duration.ofSeconds(5)), Duration.ofSeconds(10),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)), d -> { }, clock);
        return new CalDavStore(client, new CalendarInfo(url(), "Hostile", Optional.empty(), Optional.empty(), false,
                Set.of("VEVENT"), true));
    }

    /** Paths of every request the server got. */
    List<String> requestedPaths() {
        List<String> paths = new ArrayList<>();
        server.requests.forEach(r -> paths.add(r.method() + " " + r.path()));
        return paths;
    }

    /** Every href named in request bodies (multigets). */
    List<String> hrefsAskedFor() {
        List<String> hrefs = new ArrayList<>();
        server.requests.forEach(r -> {
            Matcher m = HREF.matcher(r.body());
            while (m.find()) {
                hrefs.add(m.group(1));
            }
        });
        return hrefs;
    }

    private String listing() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\">"
                + "<d:response><d:href>" + PATH + "</d:href><d:propstat><d:prop><d:resourcetype><d:collection/>"
                + "<c:calendar xmlns:c=\"urn:ietf:params:xml:ns:caldav\"/></d:resourcetype></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
        items.forEach((href, r) -> xml.append(response(href, r.etagXml(), null)));
        foreign.forEach((href, ics) -> xml.append(response(href, "\"f\"", null)));
        return xml.append("</d:multistatus>").toString();
    }

    private String multiget(String body) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\""
                + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\">");
        Matcher m = HREF.matcher(body);
        while (m.find()) {
            Resource r = items.get(m.group(1));
            if (r != null) {
                xml.append(response(m.group(1), r.etagXml(), r.ics()));
            }
        }
        // and, unasked, the foreign items: a hostile server hopes they get synced
        foreign.forEach((href, ics) -> xml.append(response(href, "\"f\"", ics)));
        return xml.append("</d:multistatus>").toString();
    }

    private static String response(String href, String etagXml, String ics) {
        return "<d:response><d:href>" + href.replace("&", "&amp;") + "</d:href><d:propstat><d:prop><d:getetag>" + etagXml
                + "</d:getetag><d:getcontenttype>text/calendar</d:getcontenttype>"
                + (ics == null ? "" : "<c:calendar-data><![CDATA[" + ics + "]]></c:calendar-data>")
                + "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
    }
}
