package com.calsync.service;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.PairConfig;
import com.calsync.config.WholeAccount;
import com.calsync.store.CalendarStore;
import com.calsync.store.StoreException;
import com.calsync.store.caldav.CalDavClient;
import com.calsync.store.caldav.CalDavDiscovery;
import com.calsync.store.caldav.CalDavStore;
import com.calsync.store.caldav.CalendarInfo;
import com.calsync.sync.Side;
import java.util.List;

/**
 * Opens one side of one calendar of a whole-account pair as it is now, making nothing: where
 * {@code calsync restore} puts back a copy saved by such a pair's run ({@code family-all/Work}).
 */
final class WholeAccountCalendars {
    private final StoreOpener stores;

    WholeAccountCalendars(StoreOpener stores) {
        this.stores = stores;
    }

    /** @param calendar the source calendar's display name */
    CalendarStore open(CalSyncConfig config, PairConfig pair, String calendar, Side side) {
        WholeAccount whole = pair.wholeAccount().orElseThrow();
        if (side == Side.SOURCE) {
            return openByName(config, whole.account(), calendar);
        }
        if (whole.target() instanceof WholeAccount.IntoAccount into) {
            return openByName(config, into.account(), WholeAccount.targetName(into.template(), calendar));
        }
        WholeAccount.IntoFolder into = (WholeAccount.IntoFolder) whole.target();
        return stores.openFolder(into.folder().resolve(WholeAccount.folderName(calendar)));
    }

    private CalendarStore openByName(CalSyncConfig config, String account, String name) {
        CalDavClient client = stores.caldavClient(config.accounts().get(account), config.limits());
        List<CalendarInfo> all = new CalDavDiscovery(client).calendars();
        CalendarInfo found = all.stream().filter(c -> c.displayName().equals(name)).findFirst()
                .or(() -> all.stream().filter(c -> c.displayName().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> new StoreException("account " + account + " no longer has a calendar named \""
                        + name + "\""));
        return new CalDavStore(client, found);
    }
}
