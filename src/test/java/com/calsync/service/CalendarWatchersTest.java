package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.CalendarConfig;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watchers on the EventKit calendars of the enabled pairs, and "sync this pair now" when one reports a change. */
class CalendarWatchersTest {
    @TempDir
    Path home;

    /** Records what was opened and closed; refuses calendars listed in {@code refuse}. */
    private static final class RecordingOpener implements CalendarWatchers.Opener {
        final Map<String, Runnable> onChange = new ConcurrentHashMap<>();
        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();
        final List<String> refuse = new CopyOnWriteArrayList<>();

        @Override
        public AutoCloseable open(CalendarConfig.EventKit calendar, Runnable changed) {
            if (refuse.contains(calendar.name())) {
                throw new StoreException("CalSync has not been granted calendar access yet");
            }
            opened.add(calendar.name());
            onChange.put(calendar.name(), changed);
            return () -> closed.add(calendar.name());
        }
    }

    private CalSyncConfig config(String pairs) {
        var result = new ConfigLoader(home).parse("""
                { "calendars": {
                    "mac-home": { "type": "eventkit", "name": "Home", "source": "iCloud" },
                    "mac-work": { "type": "eventkit", "name": "Work" },
                    "folder": { "type": "folder", "path": "f" },
                    "folder2": { "type": "folder", "path": "g" },
                    "folder3": { "type": "folder", "path": "h" },
                    "folder4": { "type": "folder", "path": "i" } },
                  "pairs": [ %s ] }
                """.formatted(pairs), "config.json", home);
        assertThat(result.errors()).isEmpty();
        return result.config().orElseThrow();
    }

    @Test
    void oneWatcherPerCalendarAChangeSyncsEveryPairUsingItAndReloadsFollowTheConfig() {
        RecordingOpener opener = new RecordingOpener();
        List<String> synced = new ArrayList<>();
        try (CalendarWatchers watchers = new CalendarWatchers(opener)) {
            watchers.update(config("""
                    { "name": "home-out", "source": "mac-home", "target": "folder" },
                    { "name": "home-in", "source": "folder2", "target": "mac-home", "mode": "two-way" },
                    { "name": "plain", "source": "folder", "target": "folder3" },
                    { "name": "off", "source": "mac-work", "target": "folder4", "enabled": false }
                    """), synced::add);

            assertThat(opener.opened).containsExactly("mac-home");
            opener.onChange.get("mac-home").run();
            assertThat(synced).containsExactly("home-out", "home-in");

            watchers.update(config("""
                    { "name": "work", "source": "mac-work", "target": "folder" }
                    """), synced::add);
            assertThat(opener.closed).containsExactly("mac-home");
            assertThat(watchers.watching()).extracting(CalendarConfig::name).containsExactly("mac-work");

            synced.clear();
            opener.onChange.get("mac-home").run(); // a late report from the closed watcher syncs nothing
            assertThat(synced).isEmpty();
        }
        assertThat(opener.closed).containsExactly("mac-home", "mac-work");
    }

    @Test
    void aWatcherThatCannotOpenIsRetriedWhenAccessIsGrantedAndItsPairsSyncThen() {
        RecordingOpener opener = new RecordingOpener();
        opener.refuse.add("mac-home");
        List<String> synced = new ArrayList<>();
        try (CalendarWatchers watchers = new CalendarWatchers(opener)) {
            watchers.update(config("""
                    { "name": "home-out", "source": "mac-home", "target": "folder" }
                    """), synced::add);
            assertThat(watchers.watching()).isEmpty();

            watchers.retry();
            assertThat(synced).as("still refused: nothing to sync yet").isEmpty();

            opener.refuse.clear();
            watchers.retry();
            assertThat(watchers.watching()).extracting(CalendarConfig::name).containsExactly("mac-home");
            assertThat(synced).containsExactly("home-out");

            watchers.retry(); // nothing failed any more: no second sync
            assertThat(synced).containsExactly("home-out");
        }
    }

    @Test
    void aChangeReportedByAWatcherRunsThePairInTheServiceAtOnce() throws Exception {
        CalSyncPaths paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(home.resolve("f"));
        Files.writeString(paths.configFile(), """
                { "calendars": { "mac-home": { "type": "eventkit", "name": "Home" }, "folder": { "type": "folder", "path": "f" } },
                  "pairs": [ { "name": "home", "source": "mac-home", "target": "folder" } ] }
                """);
        RecordingOpener opener = new RecordingOpener();
        Clock clock = Clock.systemUTC();
        // the first run would come only in an hour: any run here is the watcher's doing
        CalSyncService service = new CalSyncService(paths, new ConfigLoader(home), SyncRunner.standard(paths, Map.of(), Os.LINUX, clock),
                clock, 4243, new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1),
                Duration.ofSeconds(15)), new CalendarWatchers(opener));
        service.start();
        try {
            assertThat(opener.opened).containsExactly("mac-home");
            long before = service.latest().pair("home").errorCount() + service.latest().pair("home").syncCount();

            opener.onChange.get("mac-home").run();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (service.latest().pair("home").errorCount() + service.latest().pair("home").syncCount() == before
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // on Linux the EventKit side cannot open, so the run fails — but it ran, now, not in an hour
            assertThat(service.latest().pair("home").lastError()).contains("only on macOS");
        } finally {
            service.stop();
        }
        assertThat(opener.closed).containsExactly("mac-home");
    }
}
