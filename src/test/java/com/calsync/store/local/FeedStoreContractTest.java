package com.calsync.store.local;

import com.calsync.store.CalendarStore;
import com.calsync.store.ReadOnlyStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The read-only contract for a feed read from a file and for one fetched over HTTP. */
class FeedStoreContractTest {

    /** One VCALENDAR holding every item's components, as a real feed does. */
    static String feedOf(Map<String, String> items) {
        StringBuilder feed = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync//feed test//EN\r\n");
        for (String ics : items.values()) {
            int start = ics.indexOf("BEGIN:VEVENT");
            int end = ics.lastIndexOf("END:VCALENDAR");
            feed.append(ics, start, end);
        }
        return feed.append("END:VCALENDAR\r\n").toString();
    }

    @Nested
    class FromAFile extends ReadOnlyStoreContract {
        @TempDir
        Path temp;

        @Override
        protected CalendarStore storeWith(Map<String, String> items) throws Exception {
            Path file = Files.writeString(temp.resolve("feed.ics"), feedOf(items));
            return new FeedStore(file.toString(), null, java.time.Clock.systemUTC());
        }
    }

    @Nested
    class OverHttp extends ReadOnlyStoreContract {
        private FeedServer server;

        @Override
        protected CalendarStore storeWith(Map<String, String> items) throws Exception {
            server = new FeedServer();
            server.feed("/cal.ics", feedOf(items));
            return new FeedStore(server.uri("/cal.ics").toString(), null, java.time.Clock.systemUTC());
        }

        @AfterEach
        void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
