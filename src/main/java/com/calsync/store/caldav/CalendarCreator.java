package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.CALDAV;
import static com.calsync.store.caldav.DavNames.DAV;

import com.calsync.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a calendar collection in an account's calendar home with MKCALENDAR (RFC 4791 §5.3.1),
 * with its display name and the component kinds it is to hold. Radicale and Xandikos both
 * support it; Xandikos ignores the component set and holds every kind.
 */
public final class CalendarCreator {
    private static final Logger log = LoggerFactory.getLogger(CalendarCreator.class);
    private static final int NAMES_TRIED = 5;

    private final CalDavClient client;

    public CalendarCreator(CalDavClient client) {
        this.client = client;
    }

    /**
     * Makes the calendar {@code displayName} under {@code home}, at a path made from the name
     * ({@code Family Trips} → {@code family-trips/}), another one when that path is taken.
     *
     * @param components what it is to hold ({@code VEVENT}, {@code VTODO}…); empty leaves it to the server
     * @param taken      the paths of the calendars already there
     */
    public CalendarInfo create(URI home, String displayName, Set<String> components, Set<String> taken) {
        String base = slug(displayName);
        for (int attempt = 1; attempt <= NAMES_TRIED; attempt++) {
            String segment = attempt == 1 ? base : base + "-" + attempt;
            URI url = Hrefs.resolve(home, withSlash(Hrefs.pathOf(home)) + Hrefs.encodeSegment(segment) + "/");
            if (taken.contains(Hrefs.pathOf(url))) {
                continue;
            }
            CalDavClient.Answer answer = client.send(new CalDavClient.Request("MKCALENDAR", url,
                    Map.of("Content-Type", "application/xml; charset=utf-8"),
                    body(displayName, components).getBytes(StandardCharsets.UTF_8), true));
            int status = effectiveStatus(answer);
            if (status >= 200 && status < 300) {
                log.info("made calendar \"{}\" at {} (account {})", displayName, url, client.account().name());
                return new CalDavDiscovery(client).inspect(url);
            }
            if (answer.outcomeUnknownBefore()) {
                // an earlier attempt may have made it: take it if it is the calendar we asked for
                try {
                    CalendarInfo made = new CalDavDiscovery(client).inspect(url);
                    if (made.displayName().equals(displayName)) {
                        return made;
                    }
                } catch (StoreException notThere) {
                    // try the next path
                }
            }
            if (status == 403 || status == 405 || status == 409) {
                log.debug("MKCALENDAR {} answered {}: the path is taken, trying another", url, status);
                continue; // taken (by something we did not list, e.g. a collection of another kind)
            }
            throw new StoreException("cannot make calendar \"" + displayName + "\" at " + url + " (account "
                    + client.account().name() + "): MKCALENDAR answered HTTP " + status + ": " + answer.bodyExcerpt()
                    + "; make it in the server's web interface, or pick an existing calendar");
        }
        throw new StoreException("cannot make calendar \"" + displayName + "\" in " + home + " (account "
                + client.account().name() + "): the paths " + base + "/ … " + base + "-" + NAMES_TRIED + "/ are all taken");
    }

    /** Xandikos answers a refused MKCALENDAR with 207 and the real status inside. */
    private static int effectiveStatus(CalDavClient.Answer answer) {
        if (answer.status() != 207) {
            return answer.status();
        }
        try {
            List<Multistatus.Response> responses = new MultistatusParser().parseMultistatus(answer.body()).responses();
            return responses.stream().mapToInt(Multistatus.Response::status).filter(s -> s != 0 && (s < 200 || s >= 300))
                    .findFirst().orElse(201);
        } catch (XMLStreamException e) {
            return 500;
        }
    }

    static String slug(String displayName) {
        String s = java.text.Normalizer.normalize(displayName, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "calendar" : s;
    }

    private static String body(String displayName, Set<String> components) {
        StringBuilder comps = new StringBuilder();
        for (String c : new TreeSet<>(components)) {
            comps.append("<c:comp name=\"").append(xml(c)).append("\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"" + DAV + "\" xmlns:c=\"" + CALDAV
                + "\"><d:set><d:prop><d:displayname>" + xml(displayName) + "</d:displayname>"
                + (components.isEmpty() ? "" : "<c:supported-calendar-component-set>" + comps
                        + "</c:supported-calendar-component-set>")
                + "</d:prop></d:set></c:mkcalendar>";
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
