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
import com.calsync.store.caldav.CalDavDiscovery;
import com.calsync.store.caldav.CalDavStore;
import com.calsync.store.caldav.KnownCalendar;
import com.calsync.store.caldav.RelocatingCalDavStore;
import com.calsync.store.eventkit.EventKitRuntime;
import com.calsync.store.http.HttpLimits;
import com.calsync.store.local.FeedStore;
import com.calsync.store.local.FolderStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the store a calendar of config.json describes: the one place where config becomes
 * stores, for syncs, restores and account listings alike (so each finds a password the same way).
 *
 * <p>One HTTP client per account, shared by its calendars and kept for the opener's life (a
 * running service's): one connection pool, one Authorization header, read from the password
 * store once and again after a 401. With a {@link Memory} a CalDAV calendar opens where it was
 * found before, without discovery's requests ({@link RelocatingCalDavStore} finds it again when
 * the server says it moved); what is remembered is checked again daily.
 */
public final class StoreOpener {
    /** How long a remembered calendar location is trusted before discovery runs again. */
    static final Duration LOCATION_TRUSTED_FOR = Duration.ofHours(24);

    /** Where a calendar's location is remembered between opens (the pair's state database). */
    public interface Memory {
        Optional<String> recall();

        void remember(String location);
    }

    private final Map<ClientKey, CalDavClient> clients = new ConcurrentHashMap<>();
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

    /** Opens {@code calendar} (a target: a folder is made on first write), remembering where a CalDAV calendar is. */
    public CalendarStore open(CalSyncConfig config, CalendarConfig calendar, Memory memory) {
        return open(config, calendar, false, memory);
    }

    /**
     * Opens {@code calendar}, remembering where a CalDAV calendar was found in {@code memory}.
     *
     * @param mustExist see {@link #open(CalSyncConfig, CalendarConfig, boolean)}
     */
    public CalendarStore open(CalSyncConfig config, CalendarConfig calendar, boolean mustExist, Memory memory) {
        if (calendar instanceof CalendarConfig.CalDav caldav) {
            return openCalDav(config.accounts().get(caldav.account()), caldav, memory, httpLimits(config.limits()));
        }
        return open(config, calendar, mustExist);
    }

    /** Opens {@code calendar} (a CalDAV calendar after discovery's requests). */
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
            return openCalDav(config.accounts().get(caldav.account()), caldav, null, httpLimits(config.limits()));
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

    /** config.json's {@code limits} as the network stores take them. */
    public static HttpLimits httpLimits(Limits limits) {
        return HttpLimits.of(limits.requestTimeoutSeconds(), limits.maxResponseMb());
    }

    /** A folder of .ics files (made with the first write when its parent exists). */
    public CalendarStore openFolder(Path folder) {
        return new FolderStore(folder, clock);
    }

    /** The account's shared client, keeping to config.json's {@code limits} (whole-account pairs use it). */
    public CalDavClient caldavClient(AccountConfig account, Limits limits) {
        return clientFor(account, httpLimits(limits));
    }

    private CalendarStore openCalDav(AccountConfig account, CalendarConfig.CalDav calendar, Memory memory,
                                     HttpLimits limits) {
        String nameOrPath = calendar.path().orElseGet(() -> calendar.displayName().orElseThrow());
        CalDavClient client = clientFor(account, limits);
        if (memory == null) {
            return new CalDavStore(client, new CalDavDiscovery(client).pick(nameOrPath));
        }
        String key = KnownCalendar.keyOf(client.account(), nameOrPath);
        Optional<KnownCalendar> known = memory.recall().flatMap(KnownCalendar::parse)
                .filter(k -> k.key().equals(key) && k.checkedAt().plus(LOCATION_TRUSTED_FOR).isAfter(clock.instant()))
                // a read-only verdict is not trusted from memory: the owner may have granted write access since
                .filter(k -> k.info().writable());
        KnownCalendar found = known.orElseGet(() -> {
            KnownCalendar fresh = new KnownCalendar(key, clock.instant(), new CalDavDiscovery(client).pick(nameOrPath));
            memory.remember(fresh.toText());
            return fresh;
        });
        return new RelocatingCalDavStore(client, found, () -> new CalDavDiscovery(client).pick(nameOrPath),
                k -> memory.remember(k.toText()), clock);
    }

    /** The account's client for {@code limits}, made on first use and then shared. */
    private CalDavClient clientFor(AccountConfig account, HttpLimits limits) {
        return clients.computeIfAbsent(new ClientKey(account, limits),
                k -> CalDavClient.create(caldavAccount(account), limits, clock));
    }

    /** One client per account and the limits it keeps to (a reload may change either). */
    private record ClientKey(AccountConfig account, HttpLimits limits) {}

    /** Drops the clients of accounts no longer configured (their connections close with them). */
    public void keepClientsOf(Collection<AccountConfig> accounts) {
        Set<AccountConfig> keep = Set.copyOf(accounts);
        clients.keySet().removeIf(k -> !keep.contains(k.account()));
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
