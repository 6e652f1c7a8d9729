package com.calsync.store.memory;

import com.calsync.store.CalendarStore;
import com.calsync.store.CalendarStoreContract;
import com.calsync.store.ReadOnlyStoreContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

class MemoryStoreContractTest extends CalendarStoreContract {
    @Override
    protected CalendarStore newEmptyStore() {
        return new MemoryStore();
    }

    @Override
    protected boolean preservesBytes() {
        return true;
    }

    /** With missing etags the contract still holds: the listing supplies them. */
    @Nested
    class WithMissingEtags extends CalendarStoreContract {
        @Override
        protected CalendarStore newEmptyStore() {
            MemoryStore store = new MemoryStore();
            store.setMissingEtags(true);
            return store;
        }
    }

    @Nested
    class ReadOnly extends ReadOnlyStoreContract {
        @Override
        protected CalendarStore storeWith(Map<String, String> items) {
            MemoryStore store = new MemoryStore();
            items.forEach(store::put);
            store.setReadOnly(true);
            return store;
        }
    }
}
