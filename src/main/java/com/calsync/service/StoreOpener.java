package com.calsync.service;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.config.CalendarConfig;
import com.calsync.config.Limits;
import com.calsync.platform.Os;
import com.calsync.config.SafeFileName;
import com.calsync.secrets.PasswordLookup;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.store.caldav.CalDavAccount;
import com.calsync.store.caldav.CalDavClient;
import com.calsync.store.caldav.CalDavStore;
import com.calsync.store.eventkit.EventKitRuntime;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.local.FeedStore;
import com.calsync.store.local.FolderStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Opens the store a calendar of config.json describes: the one place where config becomes
 * stores, for syncs, restores and account listings alike (so each finds a password the same way).
 */
public final class StoreOpener {
    private final PasswordLookup passwords;
    private final Path feedCache;
    private final Path eventKitState;
    private final Os os;
    private final Clock clock;
    private final java.util.List<Runnable> eventKitGrantListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EventKitRuntime eventKit; // guarded by this; made on first use, then kept for the process

    /**
     * @param feedCache     where feeds keep their last download, to ask only for changes next time
     * @param eventKitState where each EventKit calendar keeps the UIDs of the events CalSync wrote
     * @param os            the system CalSync runs on: EventKit calendars open only on macOS
     * @param clock         the time the stores work with; its zone is the user's
     */
    public StoreOpener(PasswordLookup passwords, Path feedCache, Path eventKitState, Os os, Clock clock) {
        this.passwords = passwords;
        this.feedCache = feedCache;
        this.eventKitState = eventKitState;
        this.os = os;
        this.clock = clock;
    }

    /**
     * The opener as the app uses it: passwords from {@code env}, then the platform's secret store,
     * then the 0600 file; feed caches and EventKit links in the state folder.
     */
    public static StoreOpener standard(CalSyncPaths paths, Map<String, String> env, Os os, Clock clock) {
        return new StoreOpener(PasswordLookup.forThisMachine(env, os, paths.configDir()),
                paths.stateDir().resolve("feeds"), paths.stateDir().resolve("eventkit"), os, clock);
    }

    public CalendarStore open(CalSyncConfig config, CalendarConfig calendar) {
        return open(config, calendar, false);
    }

    /**
     * @param mustExist the calendar is a pair's source: a folder that does not exist is an error
     *                  rather than an empty calendar (a target folder is made on first write)
     */
    public CalendarStore open(CalSyncConfig config, CalendarConfig calendar, boolean mustExist) {
        if (calendar instanceof CalendarConfig.Folder folder) {
            return new FolderStore(folder.path(), clock, !mustExist);
        }
        if (calendar instanceof CalendarConfig.Feed feed) {
            String location = feed.localFile().map(Path::toString).orElse(feed.url().toString());
            return new FeedStore(location, feedCache, httpLimits(config.limits()), clock);
        }
        if (calendar instanceof CalendarConfig.CalDav caldav) {
            return openCalDav(config.accounts().get(caldav.account()), caldav, httpLimits(config.limits()));
        }
        if (calendar instanceof CalendarConfig.EventKit eventKit) {
            if (!os.isMac()) {
                throw new StoreException("calendar \"" + eventKit.name() + "\" is a macOS Calendar (EventKit) calendar, "
                        + eventKit.describe() + "; EventKit calendars exist only on macOS, and this is " + os.name()
                        + ". Sync it on the Mac (for example to a CalDAV calendar that this machine can use instead).");
            }
            return eventKit().open(eventKit.title(), eventKit.source(),
                    eventKitState.resolve(SafeFileName.of(eventKit.name()) + ".links.json"), clock);
        }
        throw new StoreException("calendar \"" + calendar.name() + "\" has type " + calendar.type().jsonName()
                + ", which this build cannot open");
    }

    /**
     * EventKit for this process, loaded on first use and kept: the permission request's completion
     * block lives there, and EventKit may call it long after the open that asked gave up waiting.
     *
     * @throws StoreException off macOS, or when EventKit cannot be loaded
     */
    public synchronized EventKitRuntime eventKit() {
        if (eventKit == null) {
            eventKit = EventKitRuntime.load(os);
            eventKitGrantListeners.forEach(eventKit::onAccessGranted);
        }
        return eventKit;
    }

    /** Runs {@code listener} when the user grants calendar access to a request of this process (macOS). */
    public synchronized void onEventKitAccessGranted(Runnable listener) {
        eventKitGrantListeners.add(listener);
        if (eventKit != null) {
            eventKit.onAccessGranted(listener);
        }
    }

    private CalendarStore openCalDav(AccountConfig account, CalendarConfig.CalDav calendar, HttpLimits limits) {
        return CalDavStore.open(caldavAccount(account),
                calendar.path().orElseGet(() -> calendar.displayName().orElseThrow()), limits, clock);
    }

    /** config.json's {@code limits} as the network stores take them. */
    public static HttpLimits httpLimits(Limits limits) {
        return HttpLimits.of(limits.requestTimeoutSeconds(), limits.maxResponseMb());
    }

    /** A folder of .ics files (made with the first write when its parent exists). */
    public CalendarStore openFolder(Path folder) {
        return new FolderStore(folder, clock);
    }

    /** A client for a configured CalDAV account, with the usual deadlines and retries. */
    public CalDavClient caldavClient(AccountConfig account) {
        return CalDavClient.create(caldavAccount(account), clock);
    }

    /** Where account passwords are looked up (environment, then the platform's store, then the file). */
    public PasswordLookup passwords() {
        return passwords;
    }

    /**
     * The CalDAV login for a configured account; the password is looked up when the first
     * request needs it, and its absence is a {@link StoreException} naming where to set it.
     */
    public CalDavAccount caldavAccount(AccountConfig account) {
        if (account.username().isEmpty()) {
            return CalDavAccount.anonymous(account.name(), account.url()).withCaFile(account.caFile());
        }
        String user = account.username().get();
        return new CalDavAccount(account.name(), account.url(), user, () -> passwords.find(account.name())
                .orElseThrow(() -> new StoreException("no password for account " + account.name() + " ("
                        + user + "): " + PasswordLookup.howToSet(account.name()))), account.caFile());
    }
}
