package com.calsync.service;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import com.calsync.store.CalendarStore;
import com.calsync.sync.StatusDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running service keeps open between the runs of each pair: both calendars (their HTTP
 * client, connection pool and discovered location) and the pair's state database. A run of an
 * unchanged pair then costs its sync-token requests and a few milliseconds instead of opening
 * everything again.
 *
 * <p>A pair is opened afresh when what it was opened from changed in config.json (the pair,
 * either calendar, either account), after a failed run (whatever broke is not kept), and once a
 * day (so a calendar's capabilities are looked at again). Pairs no longer configured are closed
 * when the config changes; everything is closed when the service stops. A pair in use by a run
 * is closed when the run hands it back.
 */
final class OpenPairs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenPairs.class);
    /** How long a pair stays open before it is opened afresh (its calendars are looked up again). */
    static final Duration REOPEN_AFTER = StoreOpener.LOCATION_TRUSTED_FOR;

    /** Opens one pair: its state, then each calendar (with the state, where locations are remembered). */
    interface Opener {
        Open open(PairConfig pair) throws Exception;
    }

    /** One pair's open calendars and state. */
    record Open(CalendarStore source, CalendarStore target, StatusDb db) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(source);
            closeQuietly(target);
            closeQuietly(db);
        }
    }

    /** What a pair was opened from: if any of it changes, the pair is opened again. */
    record Identity(PairConfig pair, CalendarConfig source, CalendarConfig target, AccountConfig sourceAccount,
                    AccountConfig targetAccount) {
        static Identity of(CalSyncConfig config, PairConfig pair) {
            CalendarConfig source = config.sourceOf(pair);
            CalendarConfig target = config.targetOf(pair);
            return new Identity(pair, source, target, accountOf(config, source), accountOf(config, target));
        }

        private static AccountConfig accountOf(CalSyncConfig config, CalendarConfig calendar) {
            return calendar instanceof CalendarConfig.CalDav c ? config.accounts().get(c.account()) : null;
        }
    }

    private static final class Entry {
        final Identity identity;
        final Open open;
        final Instant openedAt;
        boolean inUse;
        boolean stale;

        Entry(Identity identity, Open open, Instant openedAt) {
            this.identity = identity;
            this.open = open;
            this.openedAt = openedAt;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();
    private boolean closed;

    OpenPairs(Clock clock) {
        this.clock = clock;
    }

    /**
     * The pair open as {@code config} describes it, opened now when it is not (or no longer fits).
     * Hand it back with {@link #release}.
     */
    Open acquire(CalSyncConfig config, PairConfig pair, Opener opener) throws Exception {
        Identity identity = Identity.of(config, pair);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the service is stopping");
            }
            Entry e = entries.get(pair.name());
            if (e != null && (e.stale || !e.identity.equals(identity)
                    || !e.openedAt.plus(REOPEN_AFTER).isAfter(clock.instant()))) {
                entries.remove(pair.name());
                e.open.close();
                e = null;
            }
            if (e != null) {
                e.inUse = true;
                return e.open;
            }
        }
        Open open = opener.open(pair); // outside the lock: opening may take requests
        synchronized (this) {
            Entry e = new Entry(identity, open, clock.instant());
            e.inUse = true;
            Entry earlier = entries.put(pair.name(), e);
            if (earlier != null) {
                earlier.open.close();
            }
            log.debug("{}: opened its calendars and state; kept open between runs", pair.name());
            return open;
        }
    }

    /**
     * Hands a pair back after its run.
     *
     * @param keep false after a failed run: it is closed, and the next run opens it afresh
     */
    synchronized void release(String pair, Open open, boolean keep) {
        Entry e = entries.get(pair);
        if (e == null || e.open != open) {
            open.close();
            return;
        }
        e.inUse = false;
        if (!keep || e.stale || closed) {
            entries.remove(pair);
            open.close();
        }
    }

    /** Closes the pairs {@code config} no longer has (those in a run: when it ends). */
    synchronized void keepOnly(CalSyncConfig config) {
        Set<String> names = config.enabledPairs().stream().map(PairConfig::name).collect(Collectors.toSet());
        entries.entrySet().removeIf(kv -> {
            if (names.contains(kv.getKey())) {
                return false;
            }
            if (kv.getValue().inUse) {
                kv.getValue().stale = true;
                return false;
            }
            kv.getValue().open.close();
            return true;
        });
    }

    /** The names of the pairs open now (for tests and logs). */
    synchronized Set<String> openPairs() {
        return Set.copyOf(entries.keySet());
    }

    /** Closes every pair not in a run now; those in a run close when it hands them back. */
    @Override
    public synchronized void close() {
        closed = true;
        entries.entrySet().removeIf(kv -> {
            if (kv.getValue().inUse) {
                return false;
            }
            kv.getValue().open.close();
            return true;
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("while closing {}: {}", c, e.getMessage());
        }
    }
}
