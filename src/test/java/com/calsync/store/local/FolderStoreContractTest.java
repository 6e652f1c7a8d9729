package com.calsync.store.local;

import com.calsync.store.CalendarStore;
import com.calsync.store.CalendarStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FolderStoreContractTest extends CalendarStoreContract {
    @TempDir
    Path temp;

    @Override
    protected CalendarStore newEmptyStore() {
        return new FolderStore(temp.resolve("calendar"), java.time.Clock.systemUTC()); // missing until the first write
    }

    @Override
    protected boolean preservesBytes() {
        return true;
    }
}
