package com.calsync.service.setup;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigEditor;
import com.calsync.config.ConfigFile;
import com.calsync.config.ConfigLoader;
import com.calsync.platform.Os;
import com.calsync.secrets.PasswordLookup;
import com.calsync.service.AccountCalendars;
import com.calsync.service.CalSyncService;
import com.calsync.service.StoreOpener;
import com.calsync.service.SyncRunner;
import com.calsync.service.SyncScheduler;
import com.calsync.sync.IcalKit;
import com.calsync.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CALSYNC_HOME in a temp folder with the real service running over it, and a SetupService on
 * top whose passwords go to (and are looked up in) one {@link MemorySecretStore}.
 */
final class SetupFixture implements AutoCloseable {
    final Path home;
    final CalSyncPaths paths;
    final Clock clock = Clock.systemUTC();
    final MemorySecretStore secrets = new MemorySecretStore();
    final CalSyncService service;
    final SetupService setup;

    SetupFixture(Path home, String config) throws Exception {
        this.home = home;
        paths = CalSyncPaths.resolve(Optional.of(home), Map.of(), Os.LINUX, home);
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.configFile(), config);
        ConfigLoader loader = new ConfigLoader(home);
        StoreOpener stores = new StoreOpener(new PasswordLookup(Map.of(), List.of(secrets)), paths.stateDir().resolve("feeds"),
                paths.stateDir().resolve("eventkit"), Os.LINUX, clock);
        SyncRunner runner = new SyncRunner(paths, stores, new SyncEngine(IcalKit.standard(clock.getZone()),
                SyncRunner.journal(paths, clock), clock), clock);
        // the first scheduled run an hour away: runs here come from saving a pair
        service = new CalSyncService(paths, loader, runner, clock, 4242,
                new SyncScheduler.Timing(Duration.ofHours(1), Duration.ofHours(4), Duration.ofMinutes(1), Duration.ofSeconds(15)));
        service.start();
        setup = new SetupService(paths, new ConfigFile(paths.configFile(), loader), new ConfigEditor(home),
                new AccountCalendars(stores, clock), runner, () -> secrets, List::of, SyncTrigger.of(service), Map.of(),
                Os.LINUX, clock);
    }

    SetupState state() {
        return setup.load().orElseThrow();
    }

    /** One event {@code days} from now, as a client would write it. */
    static String event(String uid, String summary, int days) {
        String day = LocalDate.now(Clock.systemUTC()).plusDays(days).toString().replace("-", "");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:" + uid,
                "DTSTAMP:20261101T000000Z", "DTSTART:" + day + "T090000Z", "DTEND:" + day + "T100000Z", "SUMMARY:" + summary,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    static long icsFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).count();
        }
    }

    @Override
    public void close() {
        service.stop();
    }
}
