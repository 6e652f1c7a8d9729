package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.ConfigLoader;
import com.calsync.config.PairConfig;
import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoredItem;
import com.calsync.sync.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pairs the warm service keeps open, and when it closes or reopens them. */
class OpenPairsTest {
    private static final Path HOME = Path.of("/nonexistent-home");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final OpenPairs pairs = new OpenPairs(clock);
    private final List<ClosableStore> opened = new ArrayList<>();

    private OpenPairs.Opener opener() {
        return p -> {
            ClosableStore source = new ClosableStore(p.name() + " source");
            ClosableStore target = new ClosableStore(p.name() + " target");
            opened.add(source);
            opened.add(target);
            return new OpenPairs.Open(source, target, null);
        };
    }

    private static CalSyncConfig config(String folderB, String... pairNames) {
        // each pair writes a calendar of its own under folderB (two pairs writing one is a config error)
        StringBuilder pairs = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        for (String name : pairNames) {
            pairs.append(pairs.length() == 0 ? "" : ",").append("{ \"name\": \"").append(name)
                    .append("\", \"source\": \"a\", \"target\": \"b-").append(name).append("\" }");
            targets.append(", \"b-").append(name).append("\": { \"type\": \"folder\", \"path\": \"")
                    .append(folderB).append('/').append(name).append("\" }");
        }
        String text = "{ \"calendars\": { \"a\": { \"type\": \"folder\", \"path\": \"/tmp/a\" }" + targets
                + " }, \"pairs\": [" + pairs + "] }";
        return new ConfigLoader(HOME).parse(text, "config.json", HOME).config().orElseThrow();
    }

    private static PairConfig pair(CalSyncConfig config, String name) {
        return config.pairs().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPairHandedBackAfterAGoodRunIsTheSameOpenPairNextTime() throws Exception {
        CalSyncConfig config = config("/tmp/b", "p");
        OpenPairs.Open first = pairs.acquire(config, pair(config, "p"), opener());
        pairs.release("p", first, true);
        OpenPairs.Open second = pairs.acquire(config, pair(config, "p"), opener());

        assertThat(second).isSameAs(first);
        assertThat(opened).hasSize(2).noneMatch(ClosableStore::closed);
        assertThat(pairs.openPairs()).containsExactly("p");
    }

    @Test
    void aFailedRunClosesThePairAndTheNextRunOpensItAfresh() throws Exception {
        CalSyncConfig config = config("/tmp/b", "p");
        OpenPairs.Open first = pairs.acquire(config, pair(config, "p"), opener());
        pairs.release("p", first, false);

        assertThat(opened).allMatch(ClosableStore::closed);
        assertThat(pairs.openPairs()).isEmpty();
        assertThat(pairs.acquire(config, pair(config, "p"), opener())).isNotSameAs(first);
    }

    @Test
    void aChangedCalendarInTheConfigReopensThePair() throws Exception {
        CalSyncConfig before = config("/tmp/b", "p");
        OpenPairs.Open first = pairs.acquire(before, pair(before, "p"), opener());
        pairs.release("p", first, true);

        CalSyncConfig after = config("/tmp/elsewhere", "p");
        OpenPairs.Open second = pairs.acquire(after, pair(after, "p"), opener());

        assertThat(second).isNotSameAs(first);
        assertThat(opened.subList(0, 2)).allMatch(ClosableStore::closed);
        assertThat(opened.subList(2, 4)).noneMatch(ClosableStore::closed);
    }

    @Test
    void aPairOpenLongerThanADayIsOpenedAgainSoItsCalendarsAreLookedUpAgain() throws Exception {
        CalSyncConfig config = config("/tmp/b", "p");
        OpenPairs.Open first = pairs.acquire(config, pair(config, "p"), opener());
        pairs.release("p", first, true);

        clock.advance(OpenPairs.REOPEN_AFTER.minusMinutes(1));
        OpenPairs.Open same = pairs.acquire(config, pair(config, "p"), opener());
        pairs.release("p", same, true);
        clock.advance(Duration.ofMinutes(2));
        OpenPairs.Open fresh = pairs.acquire(config, pair(config, "p"), opener());

        assertThat(same).isSameAs(first);
        assertThat(fresh).isNotSameAs(first);
        assertThat(opened.subList(0, 2)).allMatch(ClosableStore::closed);
    }

    @Test
    void aPairRemovedFromTheConfigClosesAtOnceOrWhenItsRunEnds() throws Exception {
        CalSyncConfig both = config("/tmp/b", "idle", "running");
        pairs.release("idle", pairs.acquire(both, pair(both, "idle"), opener()), true);
        OpenPairs.Open running = pairs.acquire(both, pair(both, "running"), opener());

        pairs.keepOnly(config("/tmp/b", "other"));
        assertThat(opened.subList(0, 2)).as("the idle pair").allMatch(ClosableStore::closed);
        assertThat(opened.subList(2, 4)).as("the pair in its run").noneMatch(ClosableStore::closed);

        pairs.release("running", running, true);
        assertThat(opened).allMatch(ClosableStore::closed);
        assertThat(pairs.openPairs()).isEmpty();
    }

    @Test
    void closingClosesEveryPairAndRefusesNewRuns() throws Exception {
        CalSyncConfig config = config("/tmp/b", "idle", "running");
        pairs.release("idle", pairs.acquire(config, pair(config, "idle"), opener()), true);
        OpenPairs.Open running = pairs.acquire(config, pair(config, "running"), opener());

        pairs.close();
        assertThat(opened.subList(0, 2)).allMatch(ClosableStore::closed);
        assertThat(opened.subList(2, 4)).noneMatch(ClosableStore::closed);
        pairs.release("running", running, true);
        assertThat(opened).allMatch(ClosableStore::closed);
        assertThatThrownBy(() -> pairs.acquire(config, pair(config, "idle"), opener()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopping");
    }

    /** A store that only knows whether it was closed. */
    private static final class ClosableStore implements CalendarStore {
        private final String name;
        private boolean closed;

        ClosableStore(String name) {
            this.name = name;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public StoreCapabilities capabilities() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Listing list(TimeWindow window) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChangeSet changesSince(String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredItem> get(Collection<String> hrefs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ItemRef create(String uid, String ics) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String update(String href, String ics, String etag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String href, String etag) {
            throw new UnsupportedOperationException();
        }
    }
}
