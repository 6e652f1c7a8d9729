package com.calsync.store.caldav;

import com.calsync.ical.TimeWindow;
import com.calsync.store.Listing;
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;
import com.calsync.testservers.XandikosServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how long the store's operations take on 500 items on each server, and how many
 * requests they send. Asserts nothing about time; runs only with {@code -Dcalsync.figures=true}
 * (loading 500 items takes about 15 s per server).
 */
@Tag("caldav")
@Tag("external")
@EnabledIfSystemProperty(named = "calsync.figures", matches = "true")
class CalDavFiguresTest {
    private static final int ITEMS = 500;

    @Test
    void radicale() throws Exception {
        measure(RadicaleServer::start);
    }

    @Test
    void xandikos() throws Exception {
        measure(XandikosServer::start);
    }

    private void measure(Supplier<LocalCalDavServer> starter) throws Exception {
        long t0 = System.nanoTime();
        try (LocalCalDavServer server = starter.get()) {
            double startMs = ms(t0);
            URI url = server.newCalendar("Figures");
            CalDavAccount account = new CalDavAccount("figures", server.baseUrl(), server.username(),
                    server.password() == null ? null : server.password()::toCharArray);
            CalDavClient client = new CalDavClient(account, CalDavClient.httpClient(Duration.ofSeconds(5)),
                    Duration.ofSeconds(60), RetryPolicy.defaults(), Sleeper.real(), Clock.systemUTC());
            try (CalDavStore store = new CalDavStore(client, new CalDavDiscovery(client).inspect(url))) {
                long t = System.nanoTime();
                ExecutorService writers = Executors.newFixedThreadPool(2);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < ITEMS; i++) {
                    String uid = "fig-" + i;
                    done.add(writers.submit(() -> store.create(uid, TestItems.event(uid, "Figure " + uid))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                writers.shutdown();
                double createMs = ms(t);
                long r0 = store.requestCount();
                t = System.nanoTime();
                Listing listing = store.list(TimeWindow.ALL);
                double listMs = ms(t);
                long listReq = store.requestCount() - r0;
                r0 = store.requestCount();
                t = System.nanoTime();
                int fetched = store.get(listing.etags().keySet()).size();
                double getMs = ms(t);
                long getReq = store.requestCount() - r0;
                r0 = store.requestCount();
                t = System.nanoTime();
                store.changesSince(listing.syncToken().orElseThrow());
                double changesMs = ms(t);
                long changesReq = store.requestCount() - r0;
                System.out.printf("FIGURES %s: start %.0f ms; %d creates (2 threads) %.0f ms (%.1f ms each);"
                                + " list %d items %.0f ms / %d requests; get %d items %.0f ms / %d requests;"
                                + " changesSince (none) %.0f ms / %d requests; stale-connection resends %d%n",
                        server.name(), startMs, ITEMS, createMs, createMs / ITEMS, listing.etags().size(), listMs,
                        listReq, fetched, getMs, getReq, changesMs, changesReq, client.staleConnectionRetries());
            }
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
