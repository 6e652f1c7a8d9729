package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;

/**
 * ical4j must never fetch zone definitions from tzurl.org (its bundled zones carry TZURLs): there
 * is no network here, and for users it would leak what zones they use. Every URL connection asks
 * the default ProxySelector first, so a recording selector sees any attempt.
 */
class Ical4jOfflineTest {

    @Test
    void zoneDefinitionsAreNeverFetched() throws Exception {
        List<URI> requested = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                requested.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        try {
            TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
            TimeZone chatham = registry.getTimeZone("Pacific/Chatham");
            assertThat(chatham).isNotNull();
            registry.register(registry.getTimeZone("America/Sao_Paulo"), true);
            // A TZID only ical4j's bundled definitions and Outlook table know.
            String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:z\r\nDTSTAMP:20260101T000000Z\r\n"
                    + "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20261201T100000\r\n"
                    + "END:VEVENT\r\nEND:VCALENDAR\r\n";
            CalendarItem item = new ItemParser().parse(ics);
            TemporalReader reader = new TemporalReader(new ZoneResolver(), ZoneOffset.UTC);
            CalendarComponent event = item.calendar().getComponent("VEVENT").orElseThrow();
            assertThat(reader.instant(reader.read(event, "DTSTART").orElseThrow())).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertThat(requested).isEmpty();
    }
}
