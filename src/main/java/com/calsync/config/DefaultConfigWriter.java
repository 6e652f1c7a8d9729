package com.calsync.config;

import com.calsync.platform.PrivateFiles;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * First run: writes a commented config.json with the seed's defaults and a demo pair that
 * mirrors the bundled sample calendar into a folder, so a fresh install shows a working sync
 * before the user has configured anything.
 */
public final class DefaultConfigWriter {
    /** Names used in the written config. */
    public static final String DEMO_PAIR = "demo";
    public static final String DEMO_SOURCE = "sample";
    public static final String DEMO_TARGET = "demo-folder";

    private final Clock clock;
    private final Path userHome;

    /**
     * @param clock    places the sample's one-off events around today
     * @param userHome lets paths under it be written as {@code ~/…}, which reads better
     */
    public DefaultConfigWriter(Clock clock, Path userHome) {
        this.clock = clock;
        this.userHome = userHome;
    }

    /** What a first run created, for the message telling the user where things are. */
    public record FirstRun(Path configFile, Path sampleFile, Path demoFolder) {
        /** A few lines for the terminal or the log. */
        public String describe() {
            return "Wrote a default config to " + configFile + "\n"
                    + "Its demo pair \"" + DEMO_PAIR + "\" mirrors a sample calendar (" + sampleFile + ")\n"
                    + "into the folder " + demoFolder + " (one .ics file per event).\n"
                    + "Edit the config to add your own calendars, then run `calsync config check`.";
        }
    }

    /**
     * Writes config.json and the demo's sample calendar when config.json does not exist yet.
     *
     * @return what was written, or empty when a config was already there
     */
    public Optional<FirstRun> writeIfMissing(CalSyncPaths paths) throws IOException {
        if (Files.exists(paths.configFile())) {
            return Optional.empty();
        }
        Path sample = paths.demoDir().resolve("sample-calendar.ics");
        Path folder = paths.demoDir().resolve("calendar");
        PrivateFiles.createDirectories(paths.stateDir());
        PrivateFiles.createDirectories(paths.demoDir());
        if (!Files.exists(sample)) {
            PrivateFiles.writeNew(sample, new SampleCalendar(clock).render());
        }
        try {
            PrivateFiles.writeNew(paths.configFile(), render(sample, folder));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty(); // another process wrote one first: theirs stands
        }
        return Optional.of(new FirstRun(paths.configFile(), sample, folder));
    }

    /** The commented config text; the demo calendars point at {@code sample} and {@code folder}. */
    public String render(Path sample, Path folder) {
        SyncSettings d = SyncSettings.DEFAULTS;
        return """
                // CalSync configuration: JSON with // comments; trailing commas are fine.
                // Check it with `calsync config check` after every edit.
                {
                  // Defaults for every pair. A pair can override any of these in its own "sync" section,
                  // e.g. { "name": "work", …, "sync": { "interval_minutes": 10 } }.
                  "sync": {
                    // Minutes between two syncs.
                    "interval_minutes": %d,
                    // Events from this many days ago…
                    "sync_past_days": %d,
                    // …up to this many days ahead take part. Events outside are left alone, never deleted.
                    "sync_future_days": %d,
                    // true: write each occurrence of a recurring event as its own event on the target
                    // (for targets that handle recurrence badly). false: series stay series.
                    "expand_recurring": %b,
                    // After a sync the target is read back; more mismatches than this fail the run,
                    // which is then retried at the next interval.
                    "verify_threshold": %d,
                    // true: an event deleted on a mirror's target is put back from the source.
                    // false: CalSync remembers the deletion and leaves it.
                    "override_icloud_deletions": %b,
                    // true: when too many events vanish from a calendar at once, deletions are held
                    // until you approve them (tray menu, or `calsync sync --approve-deletions PAIR`).
                    "skip_sync_on_too_many_missing": %b,
                    // "Too many" means more than max_missing_count events AND more than
                    // max_missing_percent %% of the events last synced. 0 lets the other limit decide alone.
                    "max_missing_count": %d,
                    "max_missing_percent": %d
                  },

                  // CalDAV accounts, by a name you choose. Passwords never go in this file: set the
                  // environment variable CALSYNC_PASSWORD_<NAME> or run `calsync account add NAME`.
                  //   "icloud": { "type": "caldav", "url": "https://caldav.icloud.com/", "username": "me@icloud.com" }
                  // (iCloud needs an app-specific password from appleid.apple.com.)
                  "accounts": {
                  },

                  // Calendars that pairs can use, by a name you choose:
                  //   "work":     { "account": "icloud", "name": "Work" }           CalDAV, by display name (or "path")
                  //   "mirror":   { "type": "folder", "path": "~/Calendars/work" }  a folder of .ics files
                  //   "holidays": { "type": "feed", "url": "webcal://…" }           read-only subscription or .ics file
                  //   "home":     { "type": "eventkit", "name": "Home" }            macOS Calendar
                  "calendars": {
                    // The demo: a sample calendar written on first run…
                    "%s": { "type": "feed", "url": %s },
                    // …mirrored into this folder, one .ics file per event.
                    "%s": { "type": "folder", "path": %s }
                  },

                  // What to sync. "mode": "mirror" (source → target, the default) or "two-way".
                  // Two-way pairs take "conflict": "newer-wins" (default), "source-wins" or "target-wins".
                  // "enabled": false keeps a pair here without syncing it. Remove the demo when you add your own.
                  "pairs": [
                    { "name": "%s", "source": "%s", "target": "%s", "mode": "mirror" }
                  ]
                }
                """.formatted(
                d.intervalMinutes(), d.syncPastDays(), d.syncFutureDays(), d.expandRecurring(), d.verifyThreshold(),
                d.overrideIcloudDeletions(), d.skipSyncOnTooManyMissing(), d.maxMissingCount(), d.maxMissingPercent(),
                DEMO_SOURCE, jsonString(shown(sample)), DEMO_TARGET, jsonString(shown(folder)),
                DEMO_PAIR, DEMO_SOURCE, DEMO_TARGET);
    }

    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(userHome) && !absolute.equals(userHome)
                ? "~/" + userHome.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    private static String jsonString(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
